import { activityAnswer, fixedAnswer, unknownActivity, type ActivityQuestion } from '../lambda/answers/activity';
import { dayPlanAnswer } from '../lambda/answers/dayPlan';
import { patientOn, type Patient } from '../lambda/answers/patient';
import type { IsoDate } from '../lambda/domain/calendar';
import { activityStatus, dateOfDay, followUp } from '../lambda/domain/care';
import { parseClockTime } from '../lambda/domain/clockTime';
import { reminderPlan } from '../lambda/domain/reminderPlan';
import type { Protocol } from '../lambda/protocol/types';
import { BRIEFING_SECONDS, en } from '../lambda/speech/en-US';
import { reminderText } from '../lambda/speech/reminders.en-US';
import { spokenSecondsOfText } from '../lambda/speech/spokenLength';

/**
 * What the page shows, computed by the answers core every door uses, for a patient on
 * the chosen day, the reminder plan and its texts. No sentence is written here.
 */
export const TIMELINE_DAYS = 35;
/** Reminder texts do not depend on the hour; any morning time gives the same words. */
const MORNING = parseClockTime('08:00')!;

export interface Timeline {
  readonly treatment: IsoDate;
  readonly days: readonly { readonly day: number; readonly date: IsoDate }[];
  readonly phases: readonly { readonly id: string; readonly fromDay: number; readonly toDay: number }[];
  readonly bars: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: 'avoid' | 'limit';
    readonly throughDay: number;
    readonly firstFreeDay: number;
    readonly firstFreeDate: IsoDate;
  }[];
  readonly followUp: { readonly day: number; readonly date: IsoDate };
  readonly reminders: readonly { readonly day: number; readonly date: IsoDate; readonly daily: boolean }[];
}

export function timeline(protocol: Protocol, treatment: IsoDate): Timeline {
  const days = Array.from({ length: TIMELINE_DAYS }, (_, i) => ({ day: i + 1, date: dateOfDay(treatment, i + 1) }));
  const phases = protocol.phases
    .filter((p) => p.fromDay <= TIMELINE_DAYS)
    .map((p) => ({ id: p.id, fromDay: p.fromDay, toDay: Math.min(p.toDay ?? TIMELINE_DAYS, TIMELINE_DAYS) }));
  const bars = protocol.activities.flatMap((a) => {
    if (a.kind === 'encouraged') return [];
    const s = activityStatus(a, treatment, 1);
    return [
      {
        id: a.id,
        name: a.shortName,
        kind: a.kind,
        throughDay: a.avoidThroughDay,
        firstFreeDay: s.firstFreeDay,
        firstFreeDate: s.firstFreeDate,
      },
    ];
  });
  const next = followUp(protocol, treatment, 1);
  const reminders = reminderPlan(protocol, treatment, MORNING).map((e) => ({ day: e.day, date: e.date, daily: e.daily }));
  return { treatment, days, phases, bars, followUp: { day: next.fromDay, date: next.fromDate }, reminders };
}

export interface DayView {
  readonly day: number;
  readonly date: IsoDate;
  /** The briefing as the skill speaks it to a patient asking on that day. */
  readonly briefing: string;
  /** Its length with the closing question, as the skill measures it, and the budget it must fit. */
  readonly seconds: number;
  readonly budgetSeconds: number;
  readonly card: { readonly title: string; readonly content: string };
  /** That morning's reminder, when the plan has one. */
  readonly reminder: string | undefined;
  readonly answers: readonly { readonly id: string; readonly name: string; readonly canI: string; readonly whenCanI: string }[];
}

/** A patient treated on `treatment`, asking on recovery day `day` (no appointment time given). */
const patientAsking = (protocol: Protocol, treatment: IsoDate, day: number): Patient =>
  patientOn(protocol, { treatmentDate: treatment }, dateOfDay(treatment, day));

export function dayView(protocol: Protocol, treatment: IsoDate, day: number): DayView {
  const p = patientAsking(protocol, treatment, day);
  const brief = dayPlanAnswer(p, day).sentence;
  const entry = reminderPlan(protocol, treatment, MORNING).find((e) => e.day === day);
  // Asked with each activity's first word, the one patients say most ("ibuprofen"), as Alexa sends it.
  const answers = protocol.activities.map((a) => ({
    id: a.id,
    name: a.shortName,
    canI: activityAnswer(p, { kind: 'canI', word: a.id, heard: a.synonyms[0] })?.sentence.text ?? '',
    whenCanI: activityAnswer(p, { kind: 'whenCanI', word: a.id, heard: a.synonyms[0] })?.sentence.text ?? '',
  }));
  // The questions answered the same way every day (a prescription, tanning), asked with their first word.
  const fixed = (['prescriptions', 'tanning'] as const).map((id) => {
    const word = protocol[id].words[0] ?? id;
    const said = fixedAnswer(protocol, word)?.sentence.text ?? '';
    return { id, name: word, canI: said, whenCanI: said };
  });
  return {
    day,
    date: p.today,
    briefing: brief.text,
    seconds: Math.round(spokenSecondsOfText(`${brief.text} ${en.whatNext}`) * 10) / 10,
    budgetSeconds: BRIEFING_SECONDS,
    card: brief.card ?? { title: '', content: '' },
    reminder: entry && reminderText(entry, protocol),
    answers: [...answers, ...fixed],
  };
}

/** The question kind a typed phrase asks, and the words after it ("can I use primer?" → "use primer"). */
const FRAMES: readonly [RegExp, ActivityQuestion['kind']][] = [
  [/^when (?:can|could|may) i (.+)$/, 'whenCanI'],
  [/^(?:can|could|may|should) i (.+)$/, 'canI'],
  [/^is it (?:ok|okay|safe|fine) to (.+)$/, 'canI'],
  [/^(?:is|are) (.+?) (?:ok|okay|safe|fine)$/, 'canI'],
];

/**
 * Any phrase a clinic wants to try ("can I use primer?"), answered on that day by the answers core as
 * the skill answers it: a symptom the symptom way, prescriptions and tanning their fixed way, any word of
 * an activity as that activity, anything else with "I don't have guidance on …".
 */
export function answerPhrase(protocol: Protocol, treatment: IsoDate, day: number, phrase: string): string {
  const said = phrase
    .toLowerCase()
    .replace(/[?!.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const framed = FRAMES.map(([re, kind]) => [re.exec(said), kind] as const).find(([m]) => m);
  const [kind, words] = framed ? [framed[1], framed[0]![1]!] : (['canI', said] as const);
  const answer =
    activityAnswer(patientAsking(protocol, treatment, day), { kind, word: words, heard: words }) ?? unknownActivity(protocol, words);
  return answer.sentence.text;
}
