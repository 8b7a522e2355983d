import { addDays, daysBetween } from '../domain/calendar';
import { activityStatus, dateOfDay, dayNumber, type ActivityStatus } from '../domain/care';
import { meaningOf, type DaySpan, type Meaning, type QuestionKind } from '../domain/meaning';
import type { Activity, Protocol } from '../protocol/types';
import { canIOn } from '../speech/anotherDay.en-US';
import { monthDay } from '../speech/dates';
import { en, limitAnswer, notCoveredSentence } from '../speech/en-US';
import { meaningEn } from '../speech/meaning.en-US';
import { join, sentence } from '../speech/phrasing';
import { safetyEn } from '../speech/safety.en-US';
import { answerOf, cite, type Answer } from './answer';
import type { Patient } from './patient';
import { howLongAnswer, resultsAnswer } from './recovery';
import { standing } from './standing';

/**
 * A question about something, in its kind — "can I", "when can I", "do I still need", "can I stop",
 * "how long", "when will" — answered by what its words mean (domain/meaning), once for every door: a
 * symptom wins over any other word, a topic the article does not cover is said to be one (with the
 * clinic's phone), a prescription goes to the doctor, tanning is never fine, an activity is answered for
 * the day or days asked about, and a reading is said to be one.
 */
export interface Question {
  readonly kind: QuestionKind;
  /** Everything the patient said about it (slot values joined). */
  readonly heard: string | undefined;
  /** The activity's id as resolved by Alexa, or a word for it. */
  readonly word?: string;
  /** The recovery day asked about ("tomorrow", "on day 9"); today when absent. */
  readonly day?: number;
  /** "This weekend", "next week": every day of it. */
  readonly span?: DaySpan;
}

export type Decided =
  | { readonly route: 'answer'; readonly answer: Answer<object> }
  /** Symptom words: the symptom path (never assessed), whatever else was said. */
  | { readonly route: 'symptom' }
  /** An activity question that needs the treatment date first. */
  | { readonly route: 'needDate' }
  /** Words we cannot place: the clinic, and what we can answer. */
  | { readonly route: 'unknown' };

const done = (text: string, data: Record<string, unknown>, sources: ReturnType<typeof cite>[] = []): Decided => ({
  route: 'answer',
  answer: answerOf(text, data, sources),
});

/** The question answered for a patient (undefined while no treatment date is known). */
export function questionAnswer(protocol: Protocol, q: Question, p: Patient | undefined): Decided {
  // "When will I see results?", "how long will I peel?": the recovery answers (answers/recovery), never assessed.
  if (q.kind === 'whenWill') return { route: 'answer', answer: resultsAnswer(protocol) };
  const meaning = meaningOf(protocol, q.heard ?? q.word, q.word);
  if (meaning.kind === 'symptom')
    return q.kind === 'howLong' ? { route: 'answer', answer: howLongAnswer(protocol, undefined, q.heard) } : { route: 'symptom' };
  if (meaning.kind === 'unknown') return { route: 'unknown' };
  if (meaning.kind === 'notCovered')
    return done(notCoveredSentence(meaning.topic.name, protocol), { activity: meaning.topic.name, covered: false });
  if (meaning.kind === 'prescription' || meaning.kind === 'tanning') {
    const question = meaning.kind === 'prescription' ? 'prescriptions' : 'tanning';
    const data = meaning.kind === 'prescription' ? { activity: 'prescription' } : { activity: 'tanning', allowed: false };
    const source = cite(protocol[question].answer.source);
    return done(safetyEn.fixedAnswer(protocol, question), { ...data, ...source }, [source]);
  }
  return activityAnswerOf(protocol, q, meaning, p);
}

function activityAnswerOf(
  protocol: Protocol,
  q: Question,
  meaning: Extract<Meaning, { kind: 'activity' }>,
  p: Patient | undefined,
): Decided {
  const a = meaning.activity;
  const note = meaning.prescribedToo && protocol.prescribedToo ? sentence(protocol.prescribedToo.answer.text) : undefined;
  const source = cite(a.source);
  // Care encouraged every day needs no date: "do I still need sunscreen" is a yes on any day.
  if (a.kind === 'encouraged') {
    const when = p && {
      day: q.day ?? p.day,
      date: dateOfDay(p.treatment, q.day ?? p.day),
      today: p.today,
      todayDay: p.day,
      treatmentDate: p.treatment,
    };
    return done(meaningEn.encouraged(a, q.kind), { ...when, activity: a.shortName, kind: 'encouraged', allowed: true, ...source }, [
      source,
    ]);
  }
  if (!p) return { route: 'needDate' };
  const base = { today: p.today, todayDay: p.day, treatmentDate: p.treatment, activity: a.shortName };
  if (q.span) return spanAnswer(q, a, p, note, base);
  const day = q.day ?? p.day;
  if (day < 1) return done(en.beforeTreatment(), { ...base, day, date: dateOfDay(p.treatment, day), beforeTreatment: true });
  const status = activityStatus(a, p.treatment, day);
  const said = day !== p.day ? canIOn(status, day, dateOfDay(p.treatment, day), p.today, q.heard) : todayAnswer(status, q, p);
  // Stopping a medicine that may be prescribed: the doctor first.
  const text = q.kind === 'canStop' ? join(note, said) : join(said, note);
  return done(
    text,
    {
      ...base,
      day,
      date: dateOfDay(p.treatment, day),
      ...standing(status),
      ...source,
      ...(meaning.prescribedToo && { prescribedToo: true }),
    },
    [source],
  );
}

/** Today, in the question's kind. */
function todayAnswer(s: ActivityStatus, q: Question, p: Patient): string {
  if (s.activity.kind === 'limit') return meaningEn.limit(limitAnswer(s, p.today), q.kind);
  switch (q.kind) {
    case 'whenCanI':
    case 'howLong':
      return en.whenCanI(s, p.today, q.heard, p.timing);
    case 'need':
    case 'canStop':
      // "Do I still need to avoid makeup?": the wait, said from its side — never a bare "No".
      return !s.allowed || (s.allowedFromToday && p.timing.appointment)
        ? en.canI(s, p.day, p.today, q.heard, p.timing)
        : meaningEn.waitOver(s);
    default:
      return en.canI(s, p.day, p.today, q.heard, p.timing);
  }
}

/** "This weekend", "next week": the first day's answer, and the day it changes, if it does. */
function spanAnswer(q: Question, a: Activity, p: Patient, note: string | undefined, base: Record<string, unknown>): Decided {
  const span = q.span as DaySpan;
  const days: number[] = [];
  for (let d = span.from; d <= span.to; d = addDays(d, 1)) days.push(dayNumber(p.treatment, d));
  const first = days[0] ?? 1;
  const last = days[days.length - 1] ?? first;
  if (last < 1) return done(en.beforeTreatment(), { ...base, day: first, beforeTreatment: true });
  const lead = meaningEn.spanLead(
    span.weekend
      ? daysBetween(p.today, span.from) < 7
        ? 'this weekend'
        : `the weekend of ${monthDay(span.from)}`
      : `the week of ${monthDay(span.from)}`,
    first,
    last,
  );
  const said = (day: number) => canIOn(activityStatus(a, p.treatment, day), day, dateOfDay(p.treatment, day), p.today, q.heard);
  const from = Math.max(first, 1);
  const firstStatus = activityStatus(a, p.treatment, from);
  const turn = days.find((d) => d > from && activityStatus(a, p.treatment, d).allowed !== firstStatus.allowed);
  const source = cite(a.source);
  return done(
    join(lead, said(from), turn !== undefined ? said(turn) : undefined, note),
    { ...base, day: from, date: dateOfDay(p.treatment, from), ...standing(firstStatus), ...source },
    [source],
  );
}
