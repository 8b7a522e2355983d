import type { IsoDate } from '../domain/calendar';
import { activityStatus, dateOfDay, findActivity } from '../domain/care';
import { fixedQuestion } from '../domain/mentions';
import type { Protocol } from '../protocol/types';
import { canIOn } from '../speech/anotherDay.en-US';
import { en } from '../speech/en-US';
import { safetyEn } from '../speech/safety.en-US';
import { answerOf, cite, type Answer, type CitedSource } from './answer';
import { beforeTreatment, type BeforeTreatmentData } from './dayPlan';
import type { Patient } from './patient';
import { standing, type ActivityStanding } from './standing';

export type ActivityData = {
  readonly day: number;
  readonly date: IsoDate;
  readonly today: IsoDate;
  readonly todayDay: number;
  readonly treatmentDate: IsoDate;
  /** The activity as patients name it ("makeup"), never an id. */
  readonly activity: string;
} & ActivityStanding &
  CitedSource;

/** The questions answered the same every day, whatever activity the words also name. */
export type FixedData = { readonly activity: 'prescription' } | { readonly activity: 'tanning'; readonly allowed: false };

export interface UnknownActivityData {
  readonly activity: null;
  /** What the patient can ask about, in patients' words. */
  readonly known: readonly string[];
}

/** "Can I wear makeup?" / "When can I take Advil?", for today or the day asked about. */
export interface ActivityQuestion {
  readonly kind: 'canI' | 'whenCanI';
  /** The activity's id or any word for it. */
  readonly word: string | undefined;
  /** The patient's own word, said back when the protocol names it as itself ("aspirin"). */
  readonly heard?: string;
  /** The recovery day asked about ("tomorrow", "on day 9"); today when absent. */
  readonly day?: number;
}

/**
 * A prescription ("Accutane", "my medication") goes to the doctor and tanning is never fine, on every
 * day and before any date is known (domain/mentions). Undefined when the words are not such a question.
 */
export function fixedAnswer(protocol: Protocol, words: string | undefined): Answer<FixedData> | undefined {
  const question = fixedQuestion(protocol, words);
  if (!question) return undefined;
  const data: FixedData = question === 'prescriptions' ? { activity: 'prescription' } : { activity: 'tanning', allowed: false };
  return answerOf(safetyEn.fixedAnswer(protocol, question), data, [cite(protocol[question].answer.source)]);
}

/**
 * An activity question on the patient's day, or — "can I … tomorrow", "on day 9", "next week" — on the
 * day asked about, led by its day number (a "when" about another day is answered for that day).
 * Undefined when the protocol has no such activity.
 */
export function activityAnswer(p: Patient, q: ActivityQuestion): Answer<ActivityData | FixedData | BeforeTreatmentData> | undefined {
  const fixed = fixedAnswer(p.protocol, q.heard ?? q.word);
  if (fixed) return fixed;
  const activity = findActivity(p.protocol, q.word);
  if (!activity) return undefined;
  const day = q.day ?? p.day;
  if (day < 1) return beforeTreatment(p, day);
  const status = activityStatus(activity, p.treatment, day);
  const date = dateOfDay(p.treatment, day);
  const text =
    day !== p.day
      ? canIOn(status, day, date, p.today, q.heard)
      : q.kind === 'whenCanI'
        ? en.whenCanI(status, p.today, q.heard, p.timing)
        : en.canI(status, day, p.today, q.heard, p.timing);
  const source = cite(activity.source);
  const data: ActivityData = { day, date, today: p.today, todayDay: p.day, treatmentDate: p.treatment, activity: activity.shortName, ...standing(status), ...source };
  return answerOf(text, data, [source]);
}

/** Words that name no activity: what can be asked about, in patients' words, and the clinic for the rest. */
export function unknownActivity(protocol: Protocol, heard: string | undefined): Answer<UnknownActivityData> {
  return answerOf(en.unknownActivity(heard, protocol), { activity: null, known: protocol.activities.map((a) => a.shortName) });
}
