import type { IsoDate } from '../domain/calendar';
import type { DaySpan, QuestionKind } from '../domain/meaning';
import { fixedQuestion } from '../domain/mentions';
import type { Protocol } from '../protocol/types';
import { en } from '../speech/en-US';
import { safetyEn } from '../speech/safety.en-US';
import { answerOf, cite, type Answer, type CitedSource } from './answer';
import type { Patient } from './patient';
import { questionAnswer } from './question';
import type { ActivityStanding } from './standing';
import { symptomHelp } from './symptom';

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

/**
 * "Can I wear makeup?", "when can I take Advil?", "do I still need sunscreen?", "can I stop my baby
 * aspirin?", "how long will I peel?", "when will I see results?" — for today, the day asked about or a
 * week or weekend (answers/question decides what the words mean and how the kind is answered).
 */
export interface ActivityQuestion {
  readonly kind: QuestionKind;
  /** The activity's id or any word for it. */
  readonly word: string | undefined;
  /** The patient's own words, said back when the protocol names one as itself ("aspirin"). */
  readonly heard?: string;
  /** The recovery day asked about ("tomorrow", "on day 9"); today when absent. */
  readonly day?: number;
  /** "This weekend", "next week". */
  readonly span?: DaySpan;
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
 * A question about something, for a patient with a date: the core's one decision (answers/question).
 * Symptom words go to the symptom path (never assessed); undefined when the words name nothing we can
 * place.
 */
export function activityAnswer(p: Patient, q: ActivityQuestion): Answer<object> | undefined {
  const words = q.heard ?? q.word;
  const decided = questionAnswer(p.protocol, { kind: q.kind, heard: words, word: q.word, day: q.day, span: q.span }, p);
  if (decided.route === 'answer') return decided.answer;
  if (decided.route === 'symptom') return symptomHelp(p.protocol, words, { day: p.day, worried: false });
  return undefined;
}

/** Words that name no activity: what can be asked about, in patients' words, and the clinic for the rest. */
export function unknownActivity(protocol: Protocol, heard: string | undefined): Answer<UnknownActivityData> {
  return answerOf(en.unknownActivity(heard, protocol), { activity: null, known: protocol.activities.map((a) => a.shortName) });
}
