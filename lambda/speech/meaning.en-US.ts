import { addDays, daysBetween, type IsoDate } from '../domain/calendar';
import { activityStatus, dateOfDay, dayNumber, type ActivityStatus } from '../domain/care';
import { meaningOf, type DaySpan, type Meaning, type QuestionKind } from '../domain/meaning';
import { mentions } from '../domain/mentions';
import { isReviewed } from '../protocol/facts';
import type { Activity, Protocol, Source } from '../protocol/types';
import { canIOn } from './anotherDay.en-US';
import { fullDate, monthDay } from './dates';
import { en, factSentence, limitAnswer, notCoveredSentence, unconfirmed, type Timing } from './en-US';
import { agree, join, sentence } from './phrasing';
import { safetyEn } from './safety.en-US';

/**
 * A question about something, answered by what its words mean (domain/meaning) and in its kind: "can
 * I", "when can I", "do I still need", "can I stop", "how long", "when will". The skill and the add-on
 * both ask here, so a word means one thing on every door.
 */
export interface Asked {
  readonly kind: QuestionKind;
  /** Everything the patient said about it (slot values joined). */
  readonly heard: string | undefined;
  /** The activity id Alexa resolved, if any. */
  readonly resolved?: string;
  readonly treatment: IsoDate | undefined;
  /** The patient's today; not needed for what is answered the same every day. */
  readonly today?: IsoDate;
  /** The recovery day asked about, when it is not today. */
  readonly day?: number;
  /** "This weekend", "next week": every day of it. */
  readonly span?: DaySpan;
  readonly timing?: Timing;
}

export type Decided =
  | { readonly route: 'answer'; readonly say: string; readonly facts: Readonly<Record<string, unknown>> }
  /** Symptom words: the symptom path (never assessed), whatever else was said. */
  | { readonly route: 'symptom' }
  /** An activity question that needs the treatment date first. */
  | { readonly route: 'needDate' }
  /** Words we cannot place: the clinic, and what we can answer. */
  | { readonly route: 'unknown' };

const sourceFacts = (source: Source) => ({ source, reviewedByClinic: isReviewed(source) });

export function decide(protocol: Protocol, q: Asked): Decided {
  if (q.kind === 'whenWill') return results(protocol, q);
  const meaning = meaningOf(protocol, q.heard, q.resolved);
  if (meaning.kind === 'symptom') return q.kind === 'howLong' ? howLongSymptom(protocol, q) : { route: 'symptom' };
  if (meaning.kind === 'unknown') return { route: 'unknown' };
  if (meaning.kind === 'notCovered') {
    return answer(notCoveredSentence(meaning.topic.name, protocol), { meaning: 'notCovered', topic: meaning.topic.name, covered: false });
  }
  if (meaning.kind === 'prescription' || meaning.kind === 'tanning') {
    const question = meaning.kind === 'prescription' ? 'prescriptions' : 'tanning';
    const facts = meaning.kind === 'prescription' ? { activity: 'prescription' } : { activity: 'tanning', allowed: false };
    return answer(safetyEn.fixedAnswer(protocol, question), { meaning: meaning.kind, ...facts, ...sourceFacts(protocol[question].answer.source) });
  }
  return activityAnswer(protocol, q, meaning);
}

function answer(say: string, facts: Record<string, unknown>): Decided {
  return { route: 'answer', say, facts };
}

function activityAnswer(protocol: Protocol, q: Asked, meaning: Extract<Meaning, { kind: 'activity' }>): Decided {
  const a = meaning.activity;
  const note = meaning.prescribedToo && protocol.prescribedToo ? sentence(protocol.prescribedToo.answer.text) : undefined;
  // Care encouraged every day needs no date: "do I still need sunscreen" is a yes on any day.
  if (a.kind === 'encouraged') return answer(encouraged(a, q.kind), { meaning: 'activity', activity: a.id, kind: a.kind, allowed: true, ...sourceFacts(a.source) });
  if (q.treatment === undefined || q.today === undefined) return { route: 'needDate' };
  const treatment = q.treatment;
  const today = q.today;
  const todayDay = dayNumber(treatment, today);
  const base = { meaning: 'activity', today, todayDay, treatmentDate: treatment };
  const dated = { ...q, today };
  if (q.span) return spanAnswer(protocol, dated, a, treatment, note, base);
  const asked = q.day ?? todayDay;
  if (asked < 1) return answer(en.beforeTreatment(), { ...base, day: asked, date: dateOfDay(treatment, asked), beforeTreatment: true });
  const status = activityStatus(a, treatment, asked);
  const facts = { ...base, day: asked, date: dateOfDay(treatment, asked), ...statusFacts(status) };
  const said = asked !== todayDay ? canIOn(status, asked, dateOfDay(treatment, asked), today, q.heard) : todayAnswer(status, dated, asked);
  // Stopping a medicine that may be prescribed: the doctor first.
  return answer(q.kind === 'canStop' ? join(note, said) : join(said, note), { ...facts, prescribedToo: meaning.prescribedToo });
}

const statusFacts = (s: ActivityStatus) => ({
  activity: s.activity.id,
  kind: s.activity.kind,
  allowed: s.allowed,
  allowedFromDay: s.firstFreeDay,
  allowedFromDate: s.firstFreeDate,
  ...sourceFacts(s.activity.source),
});

/** Today, in the question's kind. */
function todayAnswer(s: ActivityStatus, q: Asked & { today: IsoDate }, day: number): string {
  const a = s.activity;
  if (a.kind === 'limit') {
    // The sun: the article's words every time; "can I stop" / "do I still need" get their yes or no first.
    if (q.kind === 'canStop') return join('No.', limitAnswer(s, q.today));
    if (q.kind === 'need') return join('Yes.', limitAnswer(s, q.today));
    return limitAnswer(s, q.today);
  }
  switch (q.kind) {
    case 'whenCanI':
    case 'howLong':
      return en.whenCanI(s, q.today, q.heard, q.timing);
    case 'need':
    case 'canStop':
      // "Do I still need to avoid makeup?" / "can I stop avoiding it?": the wait, said from its side.
      return stillWaiting(s, q, day);
    default:
      return en.canI(s, day, q.today, q.heard, q.timing);
  }
}

/** "Do I still have to wait for makeup?": yes with its end, or that the wait is over — never a bare "No". */
function stillWaiting(s: ActivityStatus, q: Asked & { today: IsoDate }, day: number): string {
  if (!s.allowed || (s.allowedFromToday && q.timing?.appointment)) return en.canI(s, day, q.today, q.heard, q.timing);
  const name = s.activity.shortName;
  return join(`The wait is over: ${agree(name, 'has', 'have')} been fine since ${fullDate(s.firstFreeDate)}, day ${s.firstFreeDay}.`, unconfirmed(s.activity), factSentence(s.activity.onceAllowed));
}

/** Care the article encourages every day (moisturizer, sunscreen and a hat): a yes to "do I still need". */
function encouraged(a: Activity, kind: QuestionKind): string {
  const care = factSentence(a.onceAllowed);
  switch (kind) {
    case 'need':
      return join('Yes.', care);
    case 'canStop':
      return join('No, keep it up.', care);
    case 'howLong':
      return join('Always.', care);
    case 'whenCanI':
      return join("You already can: it's always encouraged.", care);
    default:
      return join('Yes, always.', care);
  }
}

/** "This weekend", "next week": one answer when every day of it is the same, else each change. */
function spanAnswer(protocol: Protocol, q: Asked & { today: IsoDate }, a: Activity, treatment: IsoDate, note: string | undefined, base: Record<string, unknown>): Decided {
  const span = q.span as DaySpan;
  const days: number[] = [];
  for (let d = span.from; d <= span.to; d = addDays(d, 1)) days.push(dayNumber(treatment, d));
  const first = days[0] ?? 1;
  const last = days[days.length - 1] ?? first;
  const label = span.weekend
    ? daysBetween(q.today, span.from) < 7 ? 'This weekend' : `The weekend of ${monthDay(span.from)}`
    : `The week of ${monthDay(span.from)}`;
  const lead = `${label} is days ${first} to ${last}.`;
  if (last < 1) return answer(en.beforeTreatment(), { ...base, fromDay: first, toDay: last, beforeTreatment: true });
  const statuses = days.filter((d) => d >= 1).map((d) => activityStatus(a, treatment, d));
  const firstStatus = statuses[0] as ActivityStatus;
  const turn = statuses.find((s, i) => i > 0 && s.allowed !== firstStatus.allowed);
  const dayOf = (s: ActivityStatus) => days[statuses.indexOf(s) + (days.length - statuses.length)] ?? first;
  const parts = [lead, canIOn(firstStatus, dayOf(firstStatus), dateOfDay(treatment, dayOf(firstStatus)), q.today, q.heard)];
  if (turn) parts.push(canIOn(turn, dayOf(turn), dateOfDay(treatment, dayOf(turn)), q.today, q.heard));
  return answer(join(...parts, note), { ...base, fromDay: first, toDay: last, ...statusFacts(firstStatus), changesOnDay: turn ? dayOf(turn) : null });
}

/** "How long will I peel / be red?": what the article calls normal and on which days — never an assessment. */
function howLongSymptom(protocol: Protocol, q: Asked): Decided {
  const s = protocol.symptoms;
  if (mentions(q.heard, s.warningSigns.words) || mentions(q.heard, s.worryWords)) return { route: 'symptom' };
  const named = s.normal.filter((n) => mentions(q.heard, n.words));
  const only = named.length === 1 ? named[0] : undefined;
  if (!only) return { route: 'symptom' };
  const speech = safetyEn.normalToday(only, protocol);
  return answer(speech.text, { meaning: 'symptom', normalFromDay: only.fromDay, normalToDay: only.toDay, assessed: false, ...sourceFacts(only.answer.source) });
}

/** "When will I see results?": from the protocol's results (the article's "2-3 months"). */
function results(protocol: Protocol, q: Asked): Decided {
  const r = protocol.results;
  if (!r) return { route: 'unknown' };
  const todayDay = q.treatment && q.today ? dayNumber(q.treatment, q.today) : undefined;
  const from = todayDay !== undefined && todayDay >= r.fromDay ? undefined : `From day ${r.fromDay}`;
  const said = from ? sentence(`${from}, ${r.answer.text}`) : sentence(r.answer.text);
  return answer(join(said, todayDay !== undefined ? `Today is day ${todayDay}.` : undefined), { meaning: 'results', resultsFromDay: r.fromDay, todayDay: todayDay ?? null, ...sourceFacts(r.answer.source) });
}
