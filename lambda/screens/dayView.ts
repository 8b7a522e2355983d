import type { ActivityData, FixedData } from '../answers/activity';
import type { Answer } from '../answers/answer';
import type { DayPlanData, DayStanding } from '../answers/dayPlan';
import type { NextSessionData } from '../answers/followUp';
import type { SymptomData } from '../answers/symptom';
import { dateOfDay, phaseOf } from '../domain/care';
import { isReviewed } from '../protocol/facts';
import type { Activity, Protocol } from '../protocol/types';
import { sentence } from '../speech/phrasing';
import { screenEn } from './labels.en-US';

/**
 * What a screen shows of an answer of the core (lambda/answers), for every door with a screen: the
 * Echo Show's APL screens and the Alexa+ view both render these. The values are the answer's own data
 * and sentence, and the protocol's words for the activities it names; nothing is decided here.
 */
export interface DayView {
  readonly day: number;
  readonly title: string;
  readonly date: string;
  readonly skin: string;
  /** The phase's to-dos, and the last day of the phase they belong to. */
  readonly todo: readonly string[];
  readonly todoUntil?: string;
  /** Restrictions in force that day, soonest to end first: each with the day and date it ends. */
  readonly offLimits: readonly RestrictionView[];
  /** The sun: extra care with its end while the window lasts, then the lasting advice. */
  readonly sun?: { readonly text: string; readonly until?: string };
  /** What is fine again from this very day. */
  readonly fineAgain: readonly string[];
  readonly followUp: string;
  /** Days 1–35, the one shown marked. */
  readonly strip: readonly StripDay[];
  readonly stripIndex: number;
}

export interface RestrictionView {
  /** The protocol id: a touch on the screen asks about it. */
  readonly id: string;
  readonly name: string;
  readonly until: string;
  /** Set when the window is the clinic's reading, not yet confirmed. */
  readonly note: string;
}

export interface StripDay {
  readonly day: number;
  readonly label: string;
  /** "shown" is the day on screen; "past" days are before it. */
  readonly state: 'past' | 'shown' | 'coming';
}

export const STRIP_DAYS = 35;

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The protocol's activity an answer names (answers name activities as patients do, by their short name). */
const activityNamed = (protocol: Protocol, shortName: string): Activity | undefined =>
  protocol.activities.find((a) => a.shortName === shortName);

function restriction(protocol: Protocol, s: DayStanding & { kind: 'avoid' }): RestrictionView {
  const a = activityNamed(protocol, s.activity);
  return {
    id: a?.id ?? s.activity,
    name: capital(s.activity),
    until: screenEn.until(s.allowedFromDate, s.allowedFromDay),
    note: a && !isReviewed(a.source) ? screenEn.reading : '',
  };
}

function sunOf(protocol: Protocol, data: DayPlanData): DayView['sun'] {
  const inWindow = data.offLimits.find((s): s is DayStanding & { kind: 'limit' } => s.kind === 'limit' && s.extraCare);
  if (inWindow) {
    const a = activityNamed(protocol, inWindow.activity);
    const words = a?.briefly ?? a?.whileAvoided;
    if (words) return { text: sentence(words.text), until: screenEn.until(inWindow.extraCareEndsDate, inWindow.extraCareEndsDay) };
  }
  // After its window the sun is never simply fine: the protocol's lasting advice stays on screen.
  const lasting = protocol.activities.find(
    (a) => a.kind === 'limit' && a.onceAllowed && !data.offLimits.some((s) => s.activity === a.shortName),
  );
  return lasting?.onceAllowed && { text: sentence(lasting.onceAllowed.text) };
}

export function stripOf(shownDay: number): StripDay[] {
  return Array.from({ length: STRIP_DAYS }, (_, i) => {
    const day = i + 1;
    return { day, label: String(day), state: day < shownDay ? 'past' : day === shownDay ? 'shown' : 'coming' };
  });
}

/**
 * The last day the day's to-dos hold: the end of its phase, or of the phases after it that keep the
 * very same to-dos ("keep your skin out of direct sun" never ends); undefined when they never change.
 */
function todoEnd(protocol: Protocol, day: number): number | undefined {
  const same = (a: readonly { text: string }[], b: readonly { text: string }[]) =>
    a.length === b.length && a.every((t, i) => t.text === b[i]?.text);
  const todo = phaseOf(protocol, day).todo;
  let end = phaseOf(protocol, day).toDay;
  while (end !== undefined && same(phaseOf(protocol, end + 1).todo, todo)) end = phaseOf(protocol, end + 1).toDay;
  return end;
}

/** The day screen of a day-plan answer (the same data the briefing and the card are made from). */
export function dayView(protocol: Protocol, data: DayPlanData): DayView {
  const phaseEnd = todoEnd(protocol, data.day);
  const sun = sunOf(protocol, data);
  const f = data.followUp;
  return {
    day: data.day,
    title: data.date === data.today ? screenEn.dayTitle(data.day) : screenEn.dayOnly(data.day),
    date: screenEn.date(data.date),
    skin: sentence(data.skin),
    todo: data.todo.map(sentence),
    ...(phaseEnd !== undefined &&
      data.todo.length > 0 && { todoUntil: screenEn.throughDay(dateOfDay(data.treatmentDate, phaseEnd), phaseEnd) }),
    offLimits: data.offLimits.filter((s): s is DayStanding & { kind: 'avoid' } => s.kind === 'avoid').map((s) => restriction(protocol, s)),
    ...(sun && { sun }),
    fineAgain: data.newlyAllowed.filter((s) => s.kind === 'avoid').map((s) => capital(s.activity)),
    followUp: f.bookableNow ? screenEn.since(f.fromDate, f.fromDay) : screenEn.from(f.fromDate, f.fromDay),
    strip: stripOf(data.day),
    stripIndex: Math.min(Math.max(data.day, 1), STRIP_DAYS) - 1,
  };
}

/**
 * The compact screen of every other answer: a heading, where things stand in a word or two, the
 * answer's own sentence (the one spoken), and the day or the numbers it rests on.
 */
export interface AnswerView {
  readonly heading: string;
  readonly status: string;
  readonly detail: string;
  readonly text: string;
  readonly dayLabel: string;
  /** Numbers to call (symptoms, the next session). */
  readonly contacts: readonly { readonly label: string; readonly value: string }[];
}

const dayLabel = (day: number, date: ActivityData['date']): string => `${screenEn.dayOnly(day)} · ${screenEn.date(date)}`;

/** "Can I …?" / "When can I …?": where the activity stands, as the answer's data says. */
export function activityView(a: Answer<ActivityData>): AnswerView {
  const d = a.data;
  const base = { heading: capital(d.activity), text: a.sentence.text, dayLabel: dayLabel(d.day, d.date), contacts: [] };
  if (d.kind === 'encouraged') return { ...base, status: screenEn.always, detail: '' };
  if (d.kind === 'limit') {
    return d.extraCare
      ? { ...base, status: screenEn.extraCare, detail: screenEn.until(d.extraCareEndsDate, d.extraCareEndsDay) }
      : { ...base, status: screenEn.always, detail: '' };
  }
  if (d.allowed) {
    return {
      ...base,
      status: d.allowedFromDay === d.day ? screenEn.fineFromToday : screenEn.fine,
      detail: screenEn.since(d.allowedFromDate, d.allowedFromDay),
    };
  }
  const note = d.reviewedByClinic ? '' : ` (${screenEn.reading})`;
  return { ...base, status: screenEn.notYet, detail: `${screenEn.until(d.allowedFromDate, d.allowedFromDay)}${note}` };
}

/** A prescription or tanning: the same every day. */
export function fixedView(a: Answer<FixedData>, heard: string | undefined): AnswerView {
  const heading = capital(heard?.trim() || a.data.activity);
  return {
    heading,
    status: a.data.activity === 'tanning' ? screenEn.never : screenEn.askDoctor,
    detail: '',
    text: a.sentence.text,
    dayLabel: '',
    contacts: [],
  };
}

/** "When is my next session?" and the clinic to call for it. */
export function nextSessionView(a: Answer<NextSessionData>, phone: string | undefined): AnswerView {
  const d = a.data;
  return {
    heading: screenEn.followUpHeading,
    status: d.bookableNow ? screenEn.since(d.bookableFromDate, d.bookableFromDay) : screenEn.from(d.bookableFromDate, d.bookableFromDay),
    detail: '',
    text: a.sentence.text,
    dayLabel: dayLabel(d.day, d.today),
    contacts: phone ? [{ label: screenEn.clinicHeading, value: phone }] : [],
  };
}

/** A symptom: never assessed; the sentence spoken and the numbers to call. */
export function symptomView(a: Answer<SymptomData>): AnswerView {
  const d = a.data;
  return {
    heading: screenEn.symptomHeading,
    status: d.normalForThisDay ? screenEn.ifWorried : screenEn.callClinic,
    detail: '',
    text: a.sentence.text,
    dayLabel: d.day !== null && d.day >= 1 ? screenEn.dayOnly(d.day) : '',
    contacts: [
      ...(d.clinicPhone ? [{ label: screenEn.clinicHeading, value: d.clinicPhone }] : []),
      { label: screenEn.emergency, value: d.emergencyLine },
    ],
  };
}
