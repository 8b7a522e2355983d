import type { IsoDate } from '../domain/calendar';
import { dateOfDay, type ActivityStatus, type DayPlan } from '../domain/care';
import { isReviewed } from '../protocol/facts';
import type { Activity, Protocol } from '../protocol/types';
import { sentence } from '../speech/phrasing';
import { screenEn } from './labels.en-US';

/**
 * What a screen shows of one recovery day, door-neutral: the Echo Show's APL day screen and the Alexa+
 * view both render this. Every value comes from the day's plan (domain/care planForDay) and the
 * protocol's own words; nothing is decided here.
 */
export interface DayView {
  readonly day: number;
  readonly title: string;
  readonly date: string;
  readonly isToday: boolean;
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
  readonly untilDay: number;
  readonly untilDate: IsoDate;
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

function restriction(s: ActivityStatus): RestrictionView {
  return {
    id: s.activity.id,
    name: capital(s.activity.shortName),
    until: screenEn.until(s.firstFreeDate, s.firstFreeDay),
    untilDay: s.firstFreeDay,
    untilDate: s.firstFreeDate,
    note: isReviewed(s.activity.source) ? '' : screenEn.reading,
  };
}

function sunOf(plan: DayPlan): DayView['sun'] {
  const inWindow = plan.offLimits.find((s) => s.activity.kind === 'limit');
  const words = inWindow?.activity.briefly ?? inWindow?.activity.whileAvoided;
  if (inWindow && words) return { text: sentence(words.text), until: screenEn.until(inWindow.firstFreeDate, inWindow.firstFreeDay) };
  const eased = plan.easedLimits.find((s) => s.activity.onceAllowed);
  return eased?.activity.onceAllowed && { text: sentence(eased.activity.onceAllowed.text) };
}

export function stripOf(shownDay: number): StripDay[] {
  return Array.from({ length: STRIP_DAYS }, (_, i) => {
    const day = i + 1;
    return { day, label: String(day), state: day < shownDay ? 'past' : day === shownDay ? 'shown' : 'coming' };
  });
}

/** The day screen's content for one day of the plan (the same plan the briefing and the card say). */
export function dayView(plan: DayPlan, today: IsoDate, treatment: IsoDate): DayView {
  const phaseEnd = plan.phase.toDay;
  const sun = sunOf(plan);
  return {
    day: plan.day,
    title: screenEn.dayTitle(plan.day),
    date: screenEn.date(plan.date),
    isToday: plan.date === today,
    skin: sentence(plan.phase.skin.text),
    todo: plan.phase.todo.map((t) => sentence(t.text)),
    ...(phaseEnd !== undefined && plan.phase.todo.length > 0 && { todoUntil: screenEn.throughDay(dateOfDay(treatment, phaseEnd), phaseEnd) }),
    offLimits: plan.offLimits.filter((s) => s.activity.kind === 'avoid').map(restriction),
    ...(sun && { sun }),
    fineAgain: plan.newlyAllowed.filter((s) => s.activity.kind === 'avoid').map((s) => capital(s.activity.shortName)),
    followUp: plan.followUp.bookableNow ? screenEn.since(plan.followUp.fromDate, plan.followUp.fromDay) : screenEn.from(plan.followUp.fromDate, plan.followUp.fromDay),
    strip: stripOf(plan.day),
    stripIndex: Math.min(Math.max(plan.day, 1), STRIP_DAYS) - 1,
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
  /** Numbers to call (symptoms, the next session), each "label: number". */
  readonly contacts: readonly { readonly label: string; readonly value: string }[];
}

const dayLabel = (day: number, date: IsoDate): string => `${screenEn.dayOnly(day)} · ${screenEn.date(date)}`;

/** "Can I …?" / "When can I …?": the same status the sentence was made from. */
export function activityView(s: ActivityStatus, day: number, date: IsoDate, text: string): AnswerView {
  const a: Activity = s.activity;
  const base = { heading: capital(a.shortName), text, dayLabel: dayLabel(day, date), contacts: [] };
  if (a.kind === 'encouraged') return { ...base, status: screenEn.always, detail: '' };
  if (a.kind === 'limit') {
    return s.allowed
      ? { ...base, status: screenEn.always, detail: '' }
      : { ...base, status: screenEn.extraCare, detail: screenEn.until(s.firstFreeDate, s.firstFreeDay) };
  }
  if (s.allowed) return { ...base, status: s.allowedFromToday ? screenEn.fineFromToday : screenEn.fine, detail: screenEn.since(s.firstFreeDate, s.firstFreeDay) };
  const note = isReviewed(a.source) ? '' : ` (${screenEn.reading})`;
  return { ...base, status: screenEn.notYet, detail: `${screenEn.until(s.firstFreeDate, s.firstFreeDay)}${note}` };
}

/** Every clinic number worth showing: its phone (unless still a placeholder) and the emergency line. */
export function clinicContacts(protocol: Protocol, phone: string | undefined): AnswerView['contacts'] {
  return [...(phone ? [{ label: screenEn.clinicHeading, value: phone }] : []), { label: screenEn.emergency, value: protocol.clinic.emergencyLine }];
}

/** "When is my next session?" */
export function nextSessionView(f: { fromDay: number; fromDate: IsoDate; bookableNow: boolean }, day: number, today: IsoDate, text: string, phone: string | undefined): AnswerView {
  return {
    heading: screenEn.followUpHeading,
    status: f.bookableNow ? screenEn.since(f.fromDate, f.fromDay) : screenEn.from(f.fromDate, f.fromDay),
    detail: '',
    text,
    dayLabel: dayLabel(day, today),
    contacts: phone ? [{ label: screenEn.clinicHeading, value: phone }] : [],
  };
}

/** A symptom: never assessed; the sentence spoken and the numbers to call. */
export function symptomView(protocol: Protocol, text: string, phone: string | undefined, day: number | undefined, today: IsoDate): AnswerView {
  return {
    heading: screenEn.symptomHeading,
    status: screenEn.callClinic,
    detail: '',
    text,
    dayLabel: day !== undefined && day >= 1 ? dayLabel(day, today) : screenEn.date(today),
    contacts: clinicContacts(protocol, phone),
  };
}

/** Any other answer (a prescription, tanning, a day before the treatment): the sentence alone. */
export function sentenceView(heading: string, status: string, text: string, today: IsoDate): AnswerView {
  return { heading, status, detail: '', text, dayLabel: screenEn.date(today), contacts: [] };
}
