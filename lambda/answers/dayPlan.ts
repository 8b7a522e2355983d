import type { IsoDate } from '../domain/calendar';
import { dateOfDay, planForDay, type ActivityStatus } from '../domain/care';
import { dayAskedAbout } from '../domain/spokenDate';
import { en } from '../speech/en-US';
import { answerOf, cite, type Answer } from './answer';
import { standing, type ActivityStanding } from './standing';
import type { Patient } from './patient';

/** A day the patient named, as a door heard it: a day number ("day 9"), a date, or a weekday said alone. */
export interface SpokenDay {
  readonly date?: string;
  readonly dayNumber?: string;
  readonly weekday?: string;
}

/**
 * The recovery day a question is about (domain/spokenDate: a day number from 1 to 3650 wins, else a
 * date); `weeks` lets "next week" mean its Monday, as activity questions take it. Undefined when
 * nothing names a day.
 */
export const dayAsked = (p: Patient, spoken: SpokenDay, opts: { weeks?: boolean } = {}): number | undefined =>
  dayAskedAbout(spoken, p.treatment, p.today, opts);

export interface BeforeTreatmentData {
  readonly day: number;
  readonly date: IsoDate;
  readonly treatmentDate: IsoDate;
  readonly beforeTreatment: true;
}

export const beforeTreatment = (p: Patient, day: number): Answer<BeforeTreatmentData> =>
  answerOf(en.beforeTreatment(), { day, date: dateOfDay(p.treatment, day), treatmentDate: p.treatment, beforeTreatment: true });

export type DayStanding = { readonly activity: string } & ActivityStanding;

export interface DayPlanData {
  readonly day: number;
  readonly date: IsoDate;
  readonly today: IsoDate;
  readonly todayDay: number;
  readonly treatmentDate: IsoDate;
  readonly skin: string;
  readonly todo: readonly string[];
  /** Everything still restricted that day (the card's full list; the briefing says the soonest). */
  readonly offLimits: readonly DayStanding[];
  readonly newlyAllowed: readonly DayStanding[];
  readonly followUp: { readonly fromDay: number; readonly fromDate: IsoDate; readonly bookableNow: boolean };
}

const onDay = (s: ActivityStatus): DayStanding => ({ activity: s.activity.shortName, ...standing(s) });

/** The plan of one recovery day: the briefing spoken (under ~25 s), the full day on the card, the same as values. */
export function dayPlanAnswer(p: Patient, day: number): Answer<DayPlanData | BeforeTreatmentData> {
  if (day < 1) return beforeTreatment(p, day);
  const plan = planForDay(p.protocol, p.treatment, day);
  const text = en.briefing(plan, p.today, p.protocol, { appointment: p.timing.appointment });
  const facts = [
    plan.phase.skin,
    ...plan.phase.todo,
    ...plan.offLimits.map((s) => s.activity),
    ...plan.newlyAllowed.map((s) => s.activity),
  ].map((f) => cite(f.source));
  const data: DayPlanData = {
    day,
    date: plan.date,
    today: p.today,
    todayDay: p.day,
    treatmentDate: p.treatment,
    skin: plan.phase.skin.text,
    todo: plan.phase.todo.map((t) => t.text),
    offLimits: plan.offLimits.map(onDay),
    newlyAllowed: plan.newlyAllowed.map(onDay),
    followUp: { fromDay: plan.followUp.fromDay, fromDate: plan.followUp.fromDate, bookableNow: plan.followUp.bookableNow },
  };
  return answerOf({ text, card: en.briefingCard(plan, p.today) }, data, facts);
}
