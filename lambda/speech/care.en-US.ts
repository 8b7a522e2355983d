import { addDays, daysBetween, type IsoDate } from '../domain/calendar';
import type { ActivityStatus, DayPlan, FollowUp } from '../domain/care';
import type { Activity, Fact, Protocol } from '../protocol/types';
import { fullDate, inDays, monthDay, spokenTime, whenSpoken } from './dates';
import { spokenWords, WORDS_PER_MINUTE } from './spokenLength';
import type { ClockTime } from '../domain/clockTime';
import {
  agree,
  atLeastPhrase,
  join,
  listOf,
  newlyAllowedSentence,
  oncePassed,
  PENDING_REVIEW,
  restrictionsSentence,
  sentence,
  withStop,
} from './phrasing';
import { isReviewed } from '../protocol/facts';
import type { Speech, Timing } from './types';
import { callClinic, clinicName, clinicPhone } from './clinic';
import { ASK_DATE, WHAT_NEXT } from './prompts.en-US';

/** SPEC: a briefing is under ~25 seconds of speech, its closing question included. */
export const BRIEFING_SECONDS = 25;

/** Care answers: the day's briefing and card, can I / when can I, the appointment time, the next session. */
export const careEn = {
  briefing: (plan: DayPlan, today: IsoDate, _protocol: Protocol, opts: { lead?: string; appointment?: ClockTime } = {}): string => {
    const at = opts.appointment && spokenTime(opts.appointment);
    const isToday = plan.date === today;
    const lead =
      opts.lead ??
      (isToday
        ? plan.day === 1
          ? 'Day 1, your treatment day.'
          : `Day ${plan.day} of your recovery.`
        : sentence(`${whenSpoken(plan.date, today)} ${plan.date < today ? 'was' : 'is'} day ${plan.day}`));
    const when = (date: IsoDate) => briefWhen(date, today);
    // Every part made once per briefing; the shorter versions pick among them.
    const shortLead = sentence(`${isToday ? 'Day' : `${whenSpoken(plan.date, today)}, day`} ${plan.day}`);
    const skinSentence = sentence(plan.phase.skin.text);
    const todoSentences = plan.phase.todo.map((t) => sentence(t.text));
    const followUp = followUpSentence(plan, isToday);
    const newly = [false, true].map((advice) =>
      newlyAllowedSentence(plan.newlyAllowed, isToday ? 'From today' : 'From that day', advice, at),
    );
    const restrictions = [false, true].map((sunFull) => restrictionsSentence(plan.offLimits, when, { at, sunFull }));
    const version = (skin: boolean, todo: boolean, advice: boolean, sunFull: boolean, longLead: boolean, news = true) => [
      longLead ? lead : shortLead,
      skin && skinSentence,
      ...(todo ? todoSentences : []),
      news && newly[Number(advice)],
      restrictions[Number(sunFull)],
      followUp,
      WHAT_NEXT,
    ];
    // Words add up over parts joined by spaces, so each distinct part is counted once, not once a version.
    const counted = new Map<string, number>();
    const wordsOf = (part: string | false | undefined): number => {
      if (!part) return 0;
      const known = counted.get(part);
      if (known !== undefined) return known;
      const n = spokenWords(part);
      counted.set(part, n);
      return n;
    };
    // Under ~25 s with the closing question (SPEC), and every restriction in force always said with its
    // end (issue 17). Shortened in this order: the sun care in full, what the skin is doing, the advice on
    // what just became fine (or else what to do), both, the long lead; the card has everything.
    const shapes: [boolean, boolean, boolean, boolean, boolean, boolean?][] = [
      [true, true, true, true, true],
      [true, true, true, false, true],
      [false, true, true, false, true],
      [false, true, false, false, true],
      [false, false, true, false, true],
      [false, false, false, false, true],
      [false, false, false, false, false],
      // Last: what just became fine is left to the answers, so every restriction still in force fits.
      [false, false, false, false, false, false],
    ];
    let parts: (string | false | undefined)[] = [];
    for (const shape of shapes) {
      parts = version(...shape);
      if (parts.reduce((n, p) => n + wordsOf(p), 0) * (60 / WORDS_PER_MINUTE) <= BRIEFING_SECONDS) break;
    }
    return join(...parts.slice(0, -1)); // the closing question is the caller's
  },

  /** The full day on a card: everything still restricted, with the day it is fine again; extra care on its own lines. */
  briefingCard: (plan: DayPlan, today: IsoDate): { title: string; content: string } => {
    const lines = [
      `Day ${plan.day} (${fullDate(plan.date)})`,
      sentence(plan.phase.skin.text),
      ...plan.phase.todo.map((t) => `• ${sentence(t.text)}`),
    ];
    const avoid = plan.offLimits.filter((s) => s.activity.kind === 'avoid');
    const limits = plan.offLimits.filter((s) => s.activity.kind === 'limit');
    if (avoid.length > 0) {
      lines.push('', 'Still off limits:');
      for (const s of avoid) {
        const reading = isReviewed(s.activity.source) ? '' : ` (${PENDING_REVIEW})`;
        lines.push(`• ${capitalize(s.activity.name)}: until ${fullDate(s.firstFreeDate)} (day ${s.firstFreeDay})${hoursNote(s)}${reading}`);
      }
    }
    if (limits.length > 0) {
      lines.push('', 'Extra precautions:');
      for (const s of limits)
        lines.push(
          `• ${capitalize(s.activity.name)}: extra precautions until ${fullDate(s.firstFreeDate)} (day ${s.firstFreeDay}). ${factSentence(s.activity.whileAvoided)}`,
        );
    }
    if (plan.easedLimits.length > 0) {
      lines.push('', 'Always:');
      for (const s of plan.easedLimits)
        lines.push(`• ${capitalize(s.activity.name)}: ${s.activity.onceAllowed ? withStop(s.activity.onceAllowed.text) : ''}`);
    }
    lines.push('', followUpCardLine(plan, today));
    return { title: `Microneedling aftercare: day ${plan.day}`, content: lines.join('\n') };
  },

  /**
   * "Can I …?" for the patient's day. `heard` is the word the patient used: one the protocol names as
   * itself ("aspirin") is said back ("no aspirin or other anti-inflammatories until…").
   */
  canI: (s: ActivityStatus, day: number, today: IsoDate, heard?: string, timing: Timing = {}): string => {
    const a = s.activity;
    if (a.kind === 'encouraged') return join('Yes, always.', factSentence(a.onceAllowed));
    // Never a yes or a no: the article's own words for the sun, and how long the extra precautions last.
    if (a.kind === 'limit') return limitAnswer(s, today);
    const hours = a.atLeastHours;
    if (s.allowed && !s.allowedFromToday) {
      return join(
        sentence(`yes, ${agree(heardName(a, heard, 'and'), 'has', 'have')} been fine since day ${s.firstFreeDay}`),
        unconfirmed(a),
        factSentence(a.onceAllowed),
      );
    }
    if (s.allowedFromToday && hours && timing.appointment) {
      // The "at least" ends at the appointment's time of day: before it, still a no.
      const passed = timing.now !== undefined && timing.now >= timing.appointment;
      return passed
        ? join(
            sentence(`yes: ${hasPassed(hours)} since your appointment, so ${agree(heardName(a, heard, 'and'), 'is', 'are')} fine again`),
            unconfirmed(a),
            factSentence(a.onceAllowed),
          )
        : join(
            `Not yet: ${agree(heardName(a, heard, 'and'), 'is', 'are')} fine from ${spokenTime(timing.appointment)} today, ${atLeastPhrase(hours)} after your appointment.`,
            factSentence(a.whileAvoided),
          );
    }
    if (s.allowedFromToday) {
      return hours
        ? join(
            sentence(`from today, ${oncePassed(hours)}, ${agree(heardName(a, heard, 'and'), 'is', 'are')} fine again`),
            unconfirmed(a),
            factSentence(a.onceAllowed),
          )
        : join(`Yes, from today: the wait for ${heardName(a, heard, 'and')} is over.`, unconfirmed(a), factSentence(a.onceAllowed));
    }
    return join(
      `Not yet: no ${heardName(a, heard, 'or')} until ${whenSpoken(s.firstFreeDate, today)}${atTime(s, timing)}, day ${s.firstFreeDay}${minimumNote(s, timing)}.`,
      factSentence(a.whileAvoided),
      unconfirmed(a),
      day === s.firstFreeDay - 1 && !hours ? 'Just one more day.' : undefined,
    );
  },

  whenCanI: (s: ActivityStatus, today: IsoDate, heard?: string, timing: Timing = {}): string => {
    const a = s.activity;
    // The patient may have named any of its words ("sunscreen", "serum"), so the answer names none.
    if (a.kind === 'encouraged') return join("You already can: it's always encouraged.", factSentence(a.onceAllowed));
    if (a.kind === 'limit') return limitAnswer(s, today);
    const name = heardName(a, heard, 'and');
    const hours = a.atLeastHours;
    if (s.allowedFromToday && hours && timing.appointment) {
      const passed = timing.now !== undefined && timing.now >= timing.appointment;
      return passed
        ? join(`You already can: ${hasPassed(hours)} since your appointment.`, unconfirmed(a))
        : `From ${spokenTime(timing.appointment)} today, ${atLeastPhrase(hours)} after your appointment.`;
    }
    if (s.allowedFromToday && hours) return join(sentence(`from today, ${oncePassed(hours)}`), unconfirmed(a));
    if (s.allowed) {
      return s.allowedFromToday
        ? join(`From today: the wait for ${name} is over.`, unconfirmed(a), factSentence(a.onceAllowed))
        : join(
            `You already can: ${agree(name, 'has', 'have')} been fine since ${fullDate(s.firstFreeDate)}, day ${s.firstFreeDay}.`,
            unconfirmed(a),
          );
    }
    return join(
      sentence(
        `${agree(name, 'is', 'are')} fine again from ${whenSpoken(s.firstFreeDate, today)}${atTime(s, timing)}, day ${s.firstFreeDay}${minimumNote(s, timing)}`,
      ),
      waitSentence(daysBetween(today, s.firstFreeDate)),
      unconfirmed(a),
    );
  },

  /** After "my appointment was at 3 PM": when each "at least" now ends. */
  /** `withDate`: said right after the date it belongs to ("Got it: Tuesday… And your appointment was at…"). */
  appointmentSaved: (time: ClockTime, ending: readonly ActivityStatus[], today: IsoDate, withDate = false): string => {
    const at = spokenTime(time);
    const on = (s: ActivityStatus) => {
      const when = s.firstFreeDate === today ? 'today' : whenSpoken(s.firstFreeDate, today);
      return when === 'today' || when === 'tomorrow' ? when : `on ${when}`;
    };
    const parts = ending.map(
      (s, i) => `${i === 0 ? `${agree(s.activity.shortName, 'is', 'are')} fine` : s.activity.shortName} from ${at} ${on(s)}`,
    );
    return join(
      `${withDate ? 'And your' : 'Got it: your'} appointment was at ${at}.`,
      parts.length > 0 ? `So ${parts.join(', and ')}.` : undefined,
    );
  },
  /** Said once, when a date is stored while an "at least" is still running: the time is optional. */
  appointmentOffer: (): string =>
    'If you tell me your appointment time, I can say exactly when the wait ends: say, my appointment was at 3 PM.',
  appointmentNeedsDate: (): Speech => ({
    text: `I need your treatment date before its time. ${ASK_DATE}`,
    reprompt: 'When did you have your microneedling treatment?',
  }),
  appointmentTimeUnclear: (): Speech => ({
    text: 'What time was your appointment? For example, say: my appointment was at 3 PM.',
    reprompt: 'What time was your appointment?',
  }),

  /** A topic we know nothing of is not echoed back (its words may be half-heard): the clinic, and what we can answer. */
  unknownActivity: (word: string | undefined, protocol: Protocol): Speech => {
    const names = protocol.activities.filter((a) => a.kind !== 'encouraged').map((a) => a.shortName);
    return {
      text: join(
        word ? notCoveredSentence('that', protocol) : 'What would you like to ask about?',
        `I can tell you about ${listOf(names)}.`,
        'For example, say: can I wear makeup?',
      ),
      reprompt: 'For example, say: can I wear makeup?',
    };
  },

  whatDay: (day: number, treatment: IsoDate): string =>
    `Today is day ${day} of your recovery. Your treatment was on ${fullDate(treatment)}.`,

  nextSession: (f: FollowUp, today: IsoDate, protocol: Protocol): string => {
    const call = callClinic(protocol.clinic);
    if (f.bookableNow) {
      const treatment = addDays(f.fromDate, 1 - f.fromDay);
      return join(
        `You can schedule your follow-up session now: it's been ${elapsed(daysBetween(treatment, today))} since your treatment.`,
        call,
      );
    }
    return join(
      `You can book your next session from ${whenSpoken(f.fromDate, today)}, day ${f.fromDay}.`,
      waitSentence(daysBetween(today, f.fromDate)),
      call,
    );
  },

  askWhichDay: (): Speech => ({
    text: 'Which day would you like to hear about? You can say tomorrow, a date, or a day number, like day 5.',
    reprompt: 'Which day? For example, tomorrow, or day 5.',
  }),
  beforeTreatment: (): string => "That's before your treatment, so there's no aftercare for it yet.",
};

/**
 * A topic the article does not rule on: said plainly, with the clinic and its phone; never a yes or a no.
 * "Your clinic's aftercare doesn't cover hot tubs; please ask Bright Skin Clinic at 555-0100."
 */
export function notCoveredSentence(topic: string, protocol: Protocol): string {
  const name = clinicName(protocol.clinic) ?? 'your clinic';
  const phone = clinicPhone(protocol.clinic);
  return `Your clinic's aftercare doesn't cover ${topic}; please ask ${name}${phone ? ` at ${phone}` : ''}.`;
}

/** A protocol fact as a sentence of its own; nothing when the protocol has none. */
export function factSentence(f: Fact | undefined): string | undefined {
  return f ? sentence(f.text) : undefined;
}

/** A window that is the clinic's reading, still unreviewed, is never said like the article's own. */
export function unconfirmed(a: Activity): string | undefined {
  return isReviewed(a.source) ? undefined : 'That day is a reading of the article your clinic has not confirmed yet.';
}

/** " at 3 PM" when the appointment time is known and the restriction has an "at least". */
function atTime(s: ActivityStatus, timing: Timing): string {
  return s.activity.atLeastHours && timing.appointment ? ` at ${spokenTime(timing.appointment)}` : '';
}

/** ", 48 hours after your appointment" with a known time; ", once 48 hours have passed since your appointment" without. */
function minimumNote(s: ActivityStatus, timing: Timing): string {
  const hours = s.activity.atLeastHours;
  if (!hours) return '';
  return timing.appointment ? `, ${atLeastPhrase(hours)} after your appointment` : `, ${oncePassed(hours)}`;
}

/** "48 hours have passed" / "a full week has passed". */
function hasPassed(hours: number): string {
  const span = atLeastPhrase(hours);
  return `${span} ${span.startsWith('a ') ? 'has' : 'have'} passed`;
}

/** How the card marks an "at least": " (once 48 hours have passed since your appointment)". */
function hoursNote(s: ActivityStatus): string {
  return s.activity.atLeastHours ? `, ${oncePassed(s.activity.atLeastHours)}` : '';
}

/**
 * The activity as the patient named it, when the protocol names that word as itself: "aspirin or other
 * anti-inflammatories"; otherwise its short name.
 */
function heardName(a: Activity, heard: string | undefined, conjunction: 'and' | 'or'): string {
  const key = heard?.trim().toLowerCase();
  const word = key ? a.namedAsHeard?.find((w) => w.toLowerCase() === key) : undefined;
  return word ? `${word} ${conjunction} other ${a.shortName}` : a.shortName;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "That's in 3 days." — nothing after "today" or "tomorrow", which say it already. */
function waitSentence(days: number): string | undefined {
  return days >= 2 ? `That's ${inDays(days)}.` : undefined;
}

/** Exactly how long ago: "4 weeks", "4 weeks and 1 day", "10 days". */
function elapsed(days: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days < 14) return unit(days, 'day');
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  return rest === 0 ? unit(weeks, 'week') : `${unit(weeks, 'week')} and ${unit(rest, 'day')}`;
}

/**
 * The sun, any question: the article's words for the day (minimize sun exposure, out of direct sun, a
 * wide-brimmed hat, sunscreen at least SPF 15, preferably higher than SPF 30) and how long the extra
 * precautions of the first weeks last — never "carefully", "with care" or "any time".
 */
export function limitAnswer(s: ActivityStatus, today: IsoDate, onToday = true): string {
  const a = s.activity;
  if (!s.allowed) {
    return join(
      factSentence(a.whileAvoided),
      `Your extra precautions last until ${whenSpoken(s.firstFreeDate, today)}, day ${s.firstFreeDay}.`,
    );
  }
  const n = s.firstFreeDay - 1;
  const span = n === 1 ? 'your first day of extra precautions is' : `your first ${n} days of extra precautions are`;
  return join(
    factSentence(a.onceAllowed),
    sentence(`${s.allowedFromToday ? (onToday ? 'as of today, ' : 'as of that day, ') : ''}${span} over`),
  );
}

/** How the briefing names a coming day: "tomorrow", "Saturday", or, a week or more away, "November 8th". */
function briefWhen(date: IsoDate, today: IsoDate): string {
  return daysBetween(today, date) >= 7 ? monthDay(date) : whenSpoken(date, today);
}

/** The follow-up in a briefing: "now" only for today; another day says it from that day. */
function followUpSentence(plan: DayPlan, isToday: boolean): string | undefined {
  const f = plan.followUp;
  if (!f.bookableNow) return undefined;
  if (isToday) return 'You can schedule your follow-up session now.';
  if (plan.day === f.fromDay) return 'From that day, you can schedule your follow-up session.';
  return `You can schedule your follow-up session from day ${f.fromDay} on.`;
}

function followUpCardLine(plan: DayPlan, today: IsoDate): string {
  const f = plan.followUp;
  if (f.bookableNow && plan.date === today) return 'You can schedule your follow-up session now.';
  const ahead = daysBetween(today, f.fromDate);
  const when = ahead >= 2 ? `, ${inDays(ahead)}` : ahead === 1 ? ', tomorrow' : ahead === 0 ? ', today' : '';
  return `Follow-up session: can be booked from ${fullDate(f.fromDate)} (day ${f.fromDay}${when}).`;
}
