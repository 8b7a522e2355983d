import { daysBetween, type IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { readTreatmentDate, type SpokenTreatmentDate, type TreatmentDateReading } from '../domain/spokenDate';
import { newTreatmentConflict, proposedDays } from '../domain/treatmentDate';
import { en } from '../speech/en-US';
import type { Speech } from '../speech/types';
import { answerOf, type Answer } from './answer';

/**
 * Every door's treatment-date conversation, decided once: what the patient said is read (domain/
 * spokenDate), then saved, confirmed, asked again or settled. Nothing is stored until the decision is
 * `save`; the door stores it and says `dateSavedAnswer`.
 *
 * - A day far back (about 11 months) is read back with its year and confirmed; more than two years back
 *   is refused with a question (a mishearing, or not a recovery this aftercare follows).
 * - A day ahead is still to come. Alexa sends year-less days forward ("December 20th" in November), so
 *   the skill's words are read as the past days they could have meant (`form: 'alexa'`); the add-on's
 *   host sends full dates as they are (`form: 'exact'`).
 * - A stored date is only replaced after a yes; the stored date again changes nothing ("that's already
 *   your date"); a new treatment comes after the current one.
 * - After a no: a change keeps the stored date; otherwise the next day the words could have meant (never
 *   one already turned down), then the month and day.
 */
export interface DateContext {
  readonly today: IsoDate;
  readonly stored: IsoDate | undefined;
  readonly newTreatment: boolean;
}

export interface SaidDate {
  readonly said: SpokenTreatmentDate;
  readonly form: 'alexa' | 'exact';
  /** Days the patient already said no to, in this conversation. */
  readonly rejected?: readonly IsoDate[];
  /** The day being confirmed when another was said instead ("no, the 13th"): another day comes first. */
  readonly correcting?: IsoDate;
}

/** What a question back needs; the add-on's host reads it, the skill keeps it as its pending question. */
export type DateNeed = 'treatment_date' | 'exact_day' | 'past_day' | 'recent_day' | 'month_and_day' | 'date_after_current';

export interface DateQuestionData {
  readonly saved: false;
  readonly today: IsoDate;
  readonly storedTreatmentDate: IsoDate | null;
  readonly needs: DateNeed;
  /** The day heard, when it is refused (still to come, too long ago). */
  readonly heard?: IsoDate;
}

export interface DateConfirmData {
  readonly saved: false;
  readonly today: IsoDate;
  readonly storedTreatmentDate: IsoDate | null;
  readonly needs: 'confirmation';
  /** The day asked about: after a yes it is passed back as confirmed. */
  readonly candidate: IsoDate;
  readonly candidateTodayDay: number;
}

export interface DateSettledData {
  readonly saved: false;
  readonly treatmentDate: IsoDate;
  readonly today: IsoDate;
  readonly todayDay: number;
}

export interface DateSavedData {
  readonly saved: true;
  readonly treatmentDate: IsoDate;
  readonly today: IsoDate;
  readonly todayDay: number;
  readonly earlierTreatments: readonly IsoDate[];
}

export type DateDecision =
  | { readonly kind: 'save'; readonly date: IsoDate }
  /** A yes or no question about `date`; `change` when a yes would replace the stored date. */
  | {
      readonly kind: 'confirm';
      readonly date: IsoDate;
      readonly change: boolean;
      readonly rejected: readonly IsoDate[];
      readonly answer: Answer<DateConfirmData>;
    }
  /** The date is asked for again. */
  | { readonly kind: 'ask'; readonly need: DateNeed; readonly rejected: readonly IsoDate[]; readonly answer: Answer<DateQuestionData> }
  /** Nothing to save and nothing asked: the stored date again, or a no to changing it. */
  | { readonly kind: 'settled'; readonly answer: Answer<DateSettledData> };

/** About 11 months: further back, the year is read back before the day is kept. */
const SAY_YEAR_AFTER_DAYS = 335;
/** Two years: further back, the day is refused with a question. */
const OLDEST_DAYS = 730;

const sayYear = (date: IsoDate, today: IsoDate): boolean => daysBetween(date, today) > SAY_YEAR_AFTER_DAYS;

function ask(ctx: DateContext, need: DateNeed, speech: Speech, rejected: readonly IsoDate[], heard?: IsoDate): DateDecision {
  const data: DateQuestionData = {
    saved: false,
    today: ctx.today,
    storedTreatmentDate: ctx.stored ?? null,
    needs: need,
    ...(heard && { heard }),
  };
  return { kind: 'ask', need, rejected, answer: answerOf(speech, data) };
}

/** "Was it D?": nothing is stored until a yes; `change` when D would replace the stored date. */
function confirm(ctx: DateContext, date: IsoDate, change: boolean, rejected: readonly IsoDate[], speech: Speech): DateDecision {
  const data: DateConfirmData = {
    saved: false,
    today: ctx.today,
    storedTreatmentDate: ctx.stored ?? null,
    needs: 'confirmation',
    candidate: date,
    candidateTodayDay: dayNumber(date, ctx.today),
  };
  return { kind: 'confirm', date, change, rejected, answer: answerOf(speech, data) };
}

function settled(ctx: DateContext, date: IsoDate, speech: Speech): DateDecision {
  return {
    kind: 'settled',
    answer: answerOf(speech, { saved: false, treatmentDate: date, today: ctx.today, todayDay: dayNumber(date, ctx.today) }),
  };
}

const alreadyThat = (ctx: DateContext, date: IsoDate) => settled(ctx, date, { text: en.alreadyThatDate(date) });

/** What no day may be, said or confirmed: still to come, too long ago, the stored one again, a new treatment before the current one. */
function refusal(ctx: DateContext, date: IsoDate, rejected: readonly IsoDate[]): DateDecision | undefined {
  if (date > ctx.today) return ask(ctx, 'past_day', en.futureDate(date), rejected, date);
  if (daysBetween(date, ctx.today) > OLDEST_DAYS) return ask(ctx, 'recent_day', en.tooLongAgo(date), rejected, date);
  if (ctx.stored === date) return alreadyThat(ctx, date);
  if (ctx.newTreatment && newTreatmentConflict(date, ctx.stored) === 'before' && ctx.stored !== undefined) {
    return ask(ctx, 'date_after_current', en.newTreatmentNotAfter(ctx.stored), rejected);
  }
  return undefined;
}

function reading(spoken: SaidDate, today: IsoDate, rejected: readonly IsoDate[]): TreatmentDateReading {
  const opts = { exact: spoken.form === 'exact' };
  if (spoken.correcting) {
    // Words that can only mean the day being confirmed ask about it again.
    const corrected = readTreatmentDate(spoken.said, today, [...rejected, spoken.correcting], opts);
    if (corrected.kind !== 'exhausted') return corrected;
  }
  return readTreatmentDate(spoken.said, today, rejected, opts);
}

/** A date the patient said: save it, confirm it, or ask again. */
export function decideSaidDate(spoken: SaidDate, ctx: DateContext): DateDecision {
  const rejected = spoken.rejected ?? [];
  if ((spoken.said.date ?? spoken.said.weekday) === undefined) {
    return ask(ctx, 'treatment_date', ctx.newTreatment ? en.askNewTreatmentDate() : en.askTreatmentDate(), rejected);
  }
  const r = reading(spoken, ctx.today, rejected);
  switch (r.kind) {
    case 'vague':
      return ask(ctx, 'exact_day', en.askExactDay(), rejected);
    case 'invalid':
      return ask(ctx, 'exact_day', en.notADate(), rejected);
    case 'future':
      return ask(ctx, 'past_day', en.futureDate(r.date), rejected, r.date);
    case 'exhausted':
      return ask(ctx, 'month_and_day', en.askMonthAndDay(), rejected);
    case 'definite':
    case 'guess': {
      const [date] = proposedDays(r, ctx.newTreatment, ctx.stored);
      const refused = refusal(ctx, date, rejected);
      if (refused) return refused;
      const withYear = sayYear(date, ctx.today);
      const day = dayNumber(date, ctx.today);
      const change = !ctx.newTreatment && ctx.stored !== undefined;
      if (change && ctx.stored !== undefined)
        return confirm(ctx, date, change, rejected, en.confirmChange(ctx.stored, date, day, withYear));
      if (r.kind === 'guess' || withYear) return confirm(ctx, date, change, rejected, en.confirmDate(date, day, withYear));
      return { kind: 'save', date };
    }
  }
}

/** "Yes" to "was it D?": checked again as if just said (the day comes back unverified), then saved. */
export function decideConfirmedDate(date: IsoDate, ctx: DateContext): DateDecision {
  return refusal(ctx, date, []) ?? { kind: 'save', date };
}

/**
 * "No" to "was it D?" (`rejected` ends with D): a change keeps the stored date; otherwise the next day the
 * words could have meant, or the month and day.
 */
export function decideRejectedDate(spoken: SaidDate, ctx: DateContext): DateDecision {
  if (!ctx.newTreatment && ctx.stored !== undefined) return settled(ctx, ctx.stored, en.keptDate(ctx.stored));
  const rejected = spoken.rejected ?? [];
  // The days the words were first read as, not yet turned down; a year back is never offered after a
  // no (the month and day settle it better than a guess a year ago).
  const first = reading({ ...spoken, correcting: undefined }, ctx.today, []);
  const offered = first.kind === 'guess' || first.kind === 'definite' ? proposedDays(first, ctx.newTreatment, ctx.stored) : [];
  const next = offered.find(
    (d) => !rejected.includes(d) && d <= ctx.today && !(ctx.newTreatment && ctx.stored !== undefined && d <= ctx.stored),
  );
  if (next === undefined) return ask(ctx, 'month_and_day', en.askMonthAndDay(), rejected);
  const refused = refusal(ctx, next, rejected);
  if (refused) return refused;
  return confirm(ctx, next, false, rejected, en.confirmNextDate(next, dayNumber(next, ctx.today), sayYear(next, ctx.today)));
}

/** The date is stored: "Got it: … That makes today day N." (`earlier`: the dates kept as history). */
export function dateSavedAnswer(date: IsoDate, ctx: DateContext, earlier: readonly IsoDate[]): Answer<DateSavedData> {
  const day = dayNumber(date, ctx.today);
  const text = en.dateSaved(date, day, ctx.newTreatment && earlier.length > 0, sayYear(date, ctx.today));
  return answerOf(text, { saved: true, treatmentDate: date, today: ctx.today, todayDay: day, earlierTreatments: earlier });
}
