import { daysBetween, parseIsoDate, type IsoDate } from '../domain/calendar';
import { dateOfDay, dayNumber, followUp, planForDay, type ActivityStatus } from '../domain/care';
import type { DaySpan, QuestionKind } from '../domain/meaning';
import { decide } from '../speech/meaning.en-US';
import { readTreatmentDate } from '../domain/spokenDate';
import { symptomAnswer } from '../domain/symptoms';
import { newTreatmentConflict, proposedDays } from '../domain/treatmentDate';
import { isReviewed } from '../protocol/facts';
import type { Protocol, Source } from '../protocol/types';
import { en } from '../speech/en-US';
import { clinicPhone } from '../speech/clinic';
import { safetyEn } from '../speech/safety.en-US';

/**
 * The add-on's one window on the domain: each answer is the sentence the skill would say plus the facts
 * behind it (day numbers, dates, allowed/until, each fact's source), so an LLM host that rephrases the
 * sentence still has the exact day and end date. Pure: the protocol, the dates and "today" come in.
 */
export interface CareAnswer {
  readonly say: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

/** Where a care fact comes from: the article's own sentence, or the clinic's reading and whether it is reviewed. */
const sourceOf = (source: Source) => ({ source, reviewedByClinic: isReviewed(source) });

const statusFacts = (s: ActivityStatus) => ({
  activity: s.activity.id,
  kind: s.activity.kind,
  allowed: s.allowed,
  allowedFromDay: s.firstFreeDay,
  allowedFromDate: s.firstFreeDate,
  ...sourceOf(s.activity.source),
});

/** A day the patient named: a day number wins, else a calendar date; undefined when neither names one. */
export function dayAsked(treatment: IsoDate, asked: { day?: number; date?: string }): number | undefined {
  if (asked.day !== undefined && Number.isInteger(asked.day)) return asked.day;
  const date = parseIsoDate(asked.date ?? '');
  return date ? dayNumber(treatment, date) : undefined;
}

/** The plan of one recovery day: the briefing the skill speaks, the card's full list as facts. */
export function dayPlan(protocol: Protocol, treatment: IsoDate, today: IsoDate, day: number): CareAnswer {
  if (day < 1) return { say: en.beforeTreatment(), facts: { day, date: dateOfDay(treatment, day), treatmentDate: treatment, beforeTreatment: true } };
  const plan = planForDay(protocol, treatment, day);
  return {
    say: en.briefing(plan, today, protocol),
    facts: {
      day,
      date: plan.date,
      today,
      todayDay: dayNumber(treatment, today),
      treatmentDate: treatment,
      skin: plan.phase.skin.text,
      skinSource: plan.phase.skin.source,
      todo: plan.phase.todo.map((t) => ({ text: t.text, source: t.source })),
      offLimits: plan.offLimits.map(statusFacts),
      newlyAllowed: plan.newlyAllowed.map(statusFacts),
      followUp: { ...plan.followUp, ...sourceOf(protocol.followUp.source) },
      details: en.briefingCard(plan, today).content,
    },
  };
}

/**
 * "Can I …?" on a day (today unless named) — or in another kind ("do I still need", "can I stop", "how
 * long", "when will I see results") or over a span ("this weekend"): what the words mean and how the kind
 * is answered is decided once for every door (speech/meaning.en-US: decide). A symptom goes to the
 * clinic; undefined when the words name nothing we can place.
 */
export function canI(protocol: Protocol, treatment: IsoDate, today: IsoDate, word: string, day?: number, ask: { kind?: QuestionKind; span?: DaySpan } = {}): CareAnswer | undefined {
  const decided = decide(protocol, { kind: ask.kind ?? 'canI', heard: word, treatment, today, day, span: ask.span });
  if (decided.route === 'answer') return { say: decided.say, facts: { day: day ?? dayNumber(treatment, today), ...decided.facts } };
  if (decided.route === 'symptom') return symptom(protocol, treatment, today, word, false);
  return undefined;
}

/** "When can I …?": from which day and date, told from today. */
export function whenCanI(protocol: Protocol, treatment: IsoDate, today: IsoDate, word: string): CareAnswer | undefined {
  const answer = canI(protocol, treatment, today, word, undefined, { kind: 'whenCanI' });
  return answer && { say: answer.say, facts: { date: today, ...answer.facts } };
}

export const unknownActivity = (protocol: Protocol, word: string): CareAnswer => ({
  say: en.unknownActivity(word, protocol).text,
  facts: { activity: null, known: protocol.activities.map((a) => a.id) },
});

export function nextSession(protocol: Protocol, treatment: IsoDate, today: IsoDate): CareAnswer {
  const day = dayNumber(treatment, today);
  const f = followUp(protocol, treatment, day);
  return {
    say: en.nextSession(f, today, protocol),
    facts: { day, today, treatmentDate: treatment, bookableFromDay: f.fromDay, bookableFromDate: f.fromDate, bookableNow: f.bookableNow, daysToWait: Math.max(0, daysBetween(today, f.fromDate)), ...sourceOf(protocol.followUp.source) },
  };
}

/**
 * Never an assessment, as the skill answers it (domain/symptoms): what the article calls normal on the
 * patient's own day when that is all the words name, else — any worry, any warning sign, no date — the
 * clinic's phone and the emergency line.
 */
export function symptom(protocol: Protocol, treatment: IsoDate | undefined, today: IsoDate, heard: string, worried: boolean): CareAnswer {
  const day = treatment ? dayNumber(treatment, today) : undefined;
  const result = symptomAnswer(protocol, heard, worried ? undefined : day);
  const clinic = { clinicPhone: clinicPhone(protocol.clinic) ?? null, emergencyLine: protocol.clinic.emergencyLine, assessed: false };
  if (result.kind === 'normal') {
    return { say: safetyEn.normalToday(result.symptom, protocol).text, facts: { day: day ?? null, normalForThisDay: result.symptom.id, ...sourceOf(result.symptom.answer.source), ...clinic } };
  }
  return { say: safetyEn.callClinic(protocol).text, facts: { day: day ?? null, callClinic: true, ...clinic } };
}

export const needDate = (): CareAnswer => ({ say: en.needDateFirst().text, facts: { treatmentDate: null, needs: 'treatment_date' } });

/**
 * What to do with a date the patient gave, read exactly as the skill reads it (domain/spokenDate): save
 * it, or ask back — vague, not a date, still to come, every reading turned down, a reading we had to
 * guess (the likeliest first, never one the patient already said no to), a change of a stored date, a
 * new treatment not after the current one. Nothing is stored until the answer is `save`. A `confirmed`
 * yes counts only for a calendar date (the `candidate` that was asked about), checked again like the
 * skill checks a confirmed date: never a future day, never a new treatment before the current one.
 */
export type DateDecision =
  | { readonly kind: 'save'; readonly date: IsoDate }
  | { readonly kind: 'same'; readonly answer: CareAnswer }
  | { readonly kind: 'ask'; readonly answer: CareAnswer };

export interface SpokenDateInput {
  readonly date?: string;
  readonly weekday?: string;
  /** Days the patient already said no to, in this conversation. */
  readonly rejected?: readonly IsoDate[];
  readonly confirmed?: boolean;
}

export function decideTreatmentDate(spoken: SpokenDateInput, today: IsoDate, stored: IsoDate | undefined, newTreatment: boolean): DateDecision {
  const rejected = spoken.rejected ?? [];
  const ask = (say: string, extra: Record<string, unknown> = {}): DateDecision => ({ kind: 'ask', answer: { say, facts: { saved: false, today, storedTreatmentDate: stored ?? null, ...extra } } });
  const same = (date: IsoDate): DateDecision => ({ kind: 'same', answer: { say: en.alreadyThatDate(date), facts: { saved: false, treatmentDate: date, today, todayDay: dayNumber(date, today) } } });
  const refuseNew = (date: IsoDate): DateDecision | undefined => {
    if (!newTreatment) return undefined;
    const conflict = newTreatmentConflict(date, stored);
    if (conflict === 'same') return same(date);
    if (conflict === 'before' && stored !== undefined) return ask(en.newTreatmentNotAfter(stored).text, { needs: 'date_after_current' });
    return undefined;
  };

  const confirmedDate = spoken.confirmed === true && spoken.weekday === undefined ? parseIsoDate(spoken.date ?? '') : undefined;
  if (confirmedDate) {
    if (confirmedDate > today) return ask(en.futureDate(confirmedDate).text, { needs: 'past_day', heard: confirmedDate });
    return refuseNew(confirmedDate) ?? { kind: 'save', date: confirmedDate };
  }

  const reading = readTreatmentDate({ date: spoken.date, weekday: spoken.weekday }, today, rejected);
  switch (reading.kind) {
    case 'vague':
      return ask(en.askExactDay().text, { needs: 'exact_day' });
    case 'invalid':
      return ask(en.notADate().text, { needs: 'exact_day' });
    case 'future':
      return ask(en.futureDate(reading.date).text, { needs: 'past_day', heard: reading.date });
    case 'exhausted':
      return ask(en.askMonthAndDay().text, { needs: 'month_and_day' });
    case 'definite':
    case 'guess': {
      const [date, ...alternatives] = proposedDays(reading, newTreatment, stored);
      const refused = refuseNew(date);
      if (refused) return refused;
      const day = dayNumber(date, today);
      const question = { needs: 'confirmation', candidate: date, candidateTodayDay: day, otherReadings: alternatives };
      if (!newTreatment && stored !== undefined && stored !== date) return ask(en.confirmChange(stored, date, day).text, question);
      if (!newTreatment && stored === date) return same(date);
      if (reading.kind === 'guess') return ask((rejected.length > 0 ? en.confirmNextDate(date, day) : en.confirmDate(date, day)).text, question);
      return { kind: 'save', date };
    }
  }
}

export const dateSaved = (date: IsoDate, today: IsoDate, newTreatment: boolean, history: readonly IsoDate[]): CareAnswer => {
  const day = dayNumber(date, today);
  // "A new recovery… I've kept your earlier date too" only when there is an earlier date.
  return { say: `${en.dateSaved(date, day, newTreatment && history.length > 0)} ${en.afterDateSaved()}`, facts: { saved: true, treatmentDate: date, today, todayDay: day, earlierTreatments: history } };
};
