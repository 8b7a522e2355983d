import { addDays, daysBetween, type IsoDate } from '../domain/calendar';
import { topicPhrase } from '../domain/activityWords';
import type { ActivityStatus, DayPlan, FollowUp } from '../domain/care';
import type { Activity, Protocol } from '../protocol/types';
import { fullDate, inDays, monthDay, whenSpoken } from './dates';
import { spokenSecondsOfText } from './spokenLength';
import { agree, join, listOf, newlyAllowedSentence, sentence } from './phrasing';

/** What the skill says: plain text for speech (SSML is made in one place), a card, and the re-prompt. */
export interface Speech {
  readonly text: string;
  readonly reprompt?: string;
  readonly card?: { readonly title: string; readonly content: string };
}

const WHAT_NEXT = 'What else would you like to know?';
/** SPEC: a briefing is under ~25 seconds of speech, its closing question included. */
const BRIEFING_SECONDS = 25;
const ASK_DATE = 'When was your treatment? You can say a day, like yesterday or last Friday.';

export const en = {
  whatNext: WHAT_NEXT,

  welcomeNew: (p: Protocol): Speech => ({
    text: join(`Welcome to ${p.clinic.name === 'your clinic' ? 'your microneedling aftercare' : `${p.clinic.name} aftercare`}.`, p.disclaimer, ASK_DATE),
    reprompt: 'When did you have your microneedling treatment?',
  }),

  askTreatmentDate: (): Speech => ({ text: ASK_DATE, reprompt: 'When did you have your microneedling treatment?' }),
  askNewTreatmentDate: (): Speech => ({
    text: 'When was your new treatment? You can say today, yesterday, or a date.',
    reprompt: 'When did you have your new microneedling treatment?',
  }),
  askExactDay: (): Speech => ({
    text: 'I need the exact day of your treatment. For example, say November 20th, or last Friday.',
    reprompt: 'Which day was your treatment?',
  }),
  notADate: (): Speech => ({
    text: "Sorry, that isn't a date I know. Which day was your treatment? For example, November 20th.",
    reprompt: 'Which day was your treatment?',
  }),
  futureDate: (date: IsoDate): Speech => ({
    text: `${fullDate(date)} is still to come, and I can only count from a treatment you've had. Which day was your treatment?`,
    reprompt: 'Which day was your treatment?',
  }),
  confirmDate: (date: IsoDate, todayDay: number): Speech => ({
    text: `${fullDate(date)}. That makes today day ${todayDay}. Is that right?`,
    reprompt: `Was your treatment on ${fullDate(date)}? Please say yes or no.`,
  }),
  /** After a no: the next day the same words could have meant. */
  confirmNextDate: (date: IsoDate, todayDay: number): Speech => ({
    text: `Then was it ${fullDate(date)}? That makes today day ${todayDay}.`,
    reprompt: `Was your treatment on ${fullDate(date)}? Please say yes or no.`,
  }),
  /** Every day the words could have meant was turned down: the month settles it. */
  askMonthAndDay: (): Speech => ({
    text: 'Sorry about that. Which day was your treatment? Please tell me the month and the day, for example: October 3rd.',
    reprompt: 'Which month and day was your treatment?',
  }),
  dateSaved: (date: IsoDate, todayDay: number, newTreatment: boolean): string =>
    newTreatment
      ? `Got it: your new treatment was ${fullDate(date)}, so today is ${todayDay === 1 ? 'day 1 again' : `day ${todayDay} of your new recovery`}. I've kept your earlier date too.`
      : `Got it: ${fullDate(date)}. That makes today day ${todayDay}.`,
  /** A date told while one is stored and no date was asked for: never replaced without a yes. */
  confirmChange: (stored: IsoDate, date: IsoDate, todayDay: number): Speech => ({
    text: `Change your treatment date from ${fullDate(stored)} to ${fullDate(date)}? That makes today day ${todayDay}.`,
    reprompt: `Should I change your treatment date to ${fullDate(date)}? Please say yes or no.`,
  }),
  keptDate: (stored: IsoDate): Speech => ({
    text: `Okay, your treatment date stays ${fullDate(stored)}. What would you like to know?`,
    reprompt: 'What would you like to know?',
  }),
  newTreatmentNotAfter: (current: IsoDate): Speech => ({
    text: `Your current treatment was on ${fullDate(current)}, so a new one comes after it. When was your new treatment?`,
    reprompt: 'When was your new treatment?',
  }),
  /** The request ran out of time (a slow store or service); nothing the patient needs to redo is lost. */
  tooSlow: (): Speech => ({
    text: "Sorry, that's taking me too long right now. Please ask me again in a moment.",
    reprompt: 'Please ask me again.',
  }),
  /** A yes or no to a question asked of one voice, heard from another (or from none). */
  otherVoice: (): Speech => ({
    text: "Sorry, I'm not sure that answer came from the person I asked, so I haven't changed anything yet. If it was you, please say yes or no again.",
    reprompt: 'Please say yes or no.',
  }),
  alreadyThatDate: (date: IsoDate): string => `I already have ${fullDate(date)} as your treatment date, so nothing changes.`,
  afterDateSaved: (): string => 'You can ask what to do today, or whether you can wear makeup.',

  needDateFirst: (): Speech => ({
    text: `I don't know your treatment date yet. ${ASK_DATE}`,
    reprompt: 'When did you have your microneedling treatment?',
  }),

  /** The day briefing: day, skin, what to do, what changes, what's still off limits with when it ends. */
  briefing: (plan: DayPlan, today: IsoDate, protocol: Protocol, opts: { lead?: string } = {}): string => {
    const isToday = plan.date === today;
    const lead =
      opts.lead ??
      (isToday
        ? plan.day === 1
          ? 'Day 1, your treatment day.'
          : `Day ${plan.day} of your recovery.`
        : sentence(`${whenSpoken(plan.date, today)} ${plan.date < today ? 'was' : 'is'} day ${plan.day}`));
    const version = (advice: boolean, groups: number, withLimits: boolean) =>
      join(
        lead,
        sentence(plan.phase.skin),
        ...plan.phase.todo.map(sentence),
        newlyAllowedSentence(plan.newlyAllowed, isToday ? 'From today' : 'From that day', advice),
        offLimitsSentence(plan.offLimits, today, groups, withLimits),
        followUpSentence(plan, isToday),
      );
    // Under ~25 s with the closing question (SPEC). Shortened in this order: the advice on what just
    // became fine, the "extra care" lines (told every day), then the latest-ending restrictions — the
    // soonest one is always said. The card always has everything.
    const most = protocol.briefing.maxOffLimitsSpoken;
    const shapes: [boolean, number, boolean][] = [[true, most, true], [false, most, true]];
    for (let groups = most; groups >= 1; groups--) shapes.push([false, groups, false]);
    let text = '';
    for (const [advice, groups, withLimits] of shapes) {
      text = version(advice, groups, withLimits);
      if (spokenSecondsOfText(`${text} ${WHAT_NEXT}`) <= BRIEFING_SECONDS) break;
    }
    return text;
  },

  /** The full day on a card: everything still restricted, with dates; extra care on its own lines. */
  briefingCard: (plan: DayPlan, today: IsoDate): { title: string; content: string } => {
    const lines = [
      `Day ${plan.day} (${fullDate(plan.date)})`,
      sentence(plan.phase.skin),
      ...plan.phase.todo.map((t) => `• ${sentence(t)}`),
    ];
    const avoid = plan.offLimits.filter((s) => s.activity.kind === 'avoid');
    const limits = plan.offLimits.filter((s) => s.activity.kind === 'limit');
    if (avoid.length > 0) {
      lines.push('', 'Still off limits:');
      for (const s of avoid) lines.push(`• ${capitalize(s.activity.name)}: until ${fullDate(s.firstFreeDate)} (day ${s.firstFreeDay})`);
    }
    if (limits.length > 0) {
      lines.push('', 'Extra care:');
      for (const s of limits) {
        const last = s.firstFreeDay - 1;
        lines.push(`• ${capitalize(s.activity.name)}: through ${fullDate(dateOfDay(s, last))} (day ${last}). ${sentence(s.activity.whileAvoided)}`);
      }
    }
    if (plan.easedLimits.length > 0) {
      lines.push('', 'Always:');
      for (const s of plan.easedLimits) lines.push(`• ${capitalize(s.activity.name)}: ${withStop(s.activity.onceAllowed)}`);
    }
    lines.push('', followUpCardLine(plan, today));
    return { title: `Microneedling aftercare: day ${plan.day}`, content: lines.join('\n') };
  },

  canI: (s: ActivityStatus, day: number, today: IsoDate): string => {
    const a = s.activity;
    if (a.kind === 'encouraged') return join('Yes, always.', sentence(a.onceAllowed));
    if (a.kind === 'limit') {
      // Never a plain yes: the window only eases the care, the lasting advice stays.
      if (s.allowed) return join('With care.', windowOver(s));
      return `Carefully: through ${whenSpoken(dateOfDay(s, s.firstFreeDay - 1), today)}, day ${s.firstFreeDay - 1}, ${a.whileAvoided}.`;
    }
    if (s.allowed) {
      return s.allowedFromToday
        ? join(`Yes, from today: the wait for ${a.shortName} is over.`, sentence(a.onceAllowed))
        : join(sentence(`yes, ${agree(a.shortName, 'has', 'have')} been fine since day ${s.firstFreeDay}`), sentence(a.onceAllowed));
    }
    return join(
      `Not yet: no ${a.shortName} until ${untilPhrase(s, today)}, day ${s.firstFreeDay}.`,
      sentence(`${a.whileAvoided}`),
      day === s.firstFreeDay - 1 ? 'Just one more day.' : undefined,
    );
  },

  whenCanI: (s: ActivityStatus, today: IsoDate): string => {
    const a = s.activity;
    // The patient may have named any of its words ("sunscreen", "serum"), so the answer names none.
    if (a.kind === 'encouraged') return join("Any time: it's always encouraged.", sentence(a.onceAllowed));
    if (a.kind === 'limit') {
      if (s.allowed) return join('Any time, with care.', windowOver(s));
      const last = s.firstFreeDay - 1;
      return join(
        `Carefully, any time. Your extra care with ${a.shortName} lasts through ${whenSpoken(dateOfDay(s, last), today)}, day ${last}.`,
        sentence(`after that it can ease, but ${a.onceAllowed}`),
      );
    }
    if (s.allowed) {
      return s.allowedFromToday
        ? join(`From today: the wait for ${a.shortName} is over.`, sentence(a.onceAllowed))
        : `You already can: ${agree(a.shortName, 'has', 'have')} been fine since ${fullDate(s.firstFreeDate)}, day ${s.firstFreeDay}.`;
    }
    return join(
      sentence(`${agree(a.shortName, 'is', 'are')} fine again from ${untilPhrase(s, today)}, day ${s.firstFreeDay}`),
      waitSentence(daysBetween(today, s.firstFreeDate)),
    );
  },

  unknownActivity: (word: string | undefined, protocol: Protocol): Speech => {
    const names = protocol.activities.filter((a) => a.kind !== 'encouraged').map((a) => a.shortName);
    return {
      text: join(
        word ? `I don't have guidance about ${topicPhrase(word)}.` : 'What would you like to ask about?',
        `I can tell you about ${listOf(names)}.`,
        word ? 'For anything else, please ask your provider.' : undefined,
        'For example, say: can I wear makeup?',
      ),
      reprompt: 'For example, say: can I wear makeup?',
    };
  },

  whatDay: (day: number, treatment: IsoDate): string =>
    `Today is day ${day} of your recovery. Your treatment was on ${fullDate(treatment)}.`,

  nextSession: (f: FollowUp, today: IsoDate, protocol: Protocol): string => {
    const call = protocol.clinic.phone ? `Call ${protocol.clinic.name} at ${protocol.clinic.phone}.` : undefined;
    if (f.bookableNow) {
      const treatment = addDays(f.fromDate, 1 - f.fromDay);
      return join(`You can schedule your follow-up session now: it's been ${elapsed(daysBetween(treatment, today))} since your treatment.`, call);
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

  help: (): Speech => ({
    text: 'I tell you what to do on each day of your microneedling recovery. Try: what should I do today, can I wear makeup, when can I take ibuprofen, what about tomorrow, or when is my next session. You can also say: remind me every morning. What would you like to know?',
    reprompt: WHAT_NEXT,
  }),
  helpNoDate: (): Speech => ({
    text: `I tell you what to do on each day of your microneedling recovery, once I know your treatment date. ${ASK_DATE}`,
    reprompt: 'When did you have your microneedling treatment?',
  }),
  goodbye: (): string => 'Take good care of your skin. Goodbye!',
  cancelledNothingSaved: (): string => "Okay, I haven't saved anything. Goodbye!",
  fallback: (): Speech => ({
    text: "Sorry, I can't help with that. You can ask what to do today, or whether you can wear makeup. What would you like to know?",
    reprompt: WHAT_NEXT,
  }),
  fallbackAwaitingDate: (): Speech => ({
    text: "Sorry, I didn't catch a day. When was your treatment? For example, say last Friday.",
    reprompt: 'Which day was your treatment?',
  }),
  fallbackAwaitingYesNo: (): Speech => ({ text: 'Sorry, please say yes or no.', reprompt: 'Please say yes or no.' }),
  noQuestionPending: (): Speech => ({
    text: "Sorry, I wasn't asking anything just now. You can ask what to do today. What would you like to know?",
    reprompt: WHAT_NEXT,
  }),
  nothingToRepeat: (): Speech => ({ text: "I haven't said anything yet. What would you like to know?", reprompt: WHAT_NEXT }),

  storeDown: (): Speech => ({
    text: "Sorry, I can't reach your saved details right now. Please try again in a minute.",
    reprompt: 'Please ask me again in a moment.',
  }),
  error: (): Speech => ({
    text: 'Sorry, something went wrong on my side. Please try again.',
    reprompt: 'What would you like to know?',
  }),

  confirmForget: (): Speech => ({
    text: 'Do you want me to delete your treatment dates, your reminders and everything else I keep for you? Say yes to delete, or no to keep them.',
    reprompt: 'Should I delete everything I keep for you? Yes or no?',
  }),
  forgotten: (): string => "Done. I've deleted everything I kept for you. If you come back, just tell me your treatment date. Goodbye!",
  keptData: (): Speech => ({ text: "Okay, I've kept everything. What would you like to know?", reprompt: WHAT_NEXT }),
  nothingToForget: (): string => "I don't have anything saved for you. Goodbye!",
};

/** A phrase ended with a full stop, its first letter left as the clinic wrote it. */
function withStop(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Friday" or "Friday, December 4th", from today's point of view. */
function untilPhrase(s: ActivityStatus, today: IsoDate): string {
  return whenSpoken(s.firstFreeDate, today);
}

/** The date of another recovery day of the same treatment as a status. */
function dateOfDay(s: ActivityStatus, day: number): IsoDate {
  return addDays(s.firstFreeDate, day - s.firstFreeDay);
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

/** A limit after its window: "Your first 14 days of extra care are over, but keep minimizing direct sun…". */
function windowOver(s: ActivityStatus): string {
  const n = s.firstFreeDay - 1;
  const span = n === 1 ? 'your first day of extra care is' : `your first ${n} days of extra care are`;
  return sentence(`${s.allowedFromToday ? 'as of today, ' : ''}${span} over, but ${s.activity.onceAllowed}`);
}

/** How the briefing names a coming day: "tomorrow", "Saturday", or, a week or more away, "November 8th". */
function briefWhen(date: IsoDate, today: IsoDate): string {
  return daysBetween(today, date) >= 7 ? monthDay(date) : whenSpoken(date, today);
}

/**
 * "Until Thursday, no ibuprofen or ice. Until Friday, no retinol." Grouped by end day, soonest first; the
 * rest on the card. A limit is not "off limits": "Extra care with the sun through November 14th."
 */
function offLimitsSentence(items: readonly ActivityStatus[], today: IsoDate, maxGroups: number, withLimits = true): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limits = items.filter((s) => s.activity.kind === 'limit');
  const groups = new Map<IsoDate, Activity[]>();
  for (const s of avoid) groups.set(s.firstFreeDate, [...(groups.get(s.firstFreeDate) ?? []), s.activity]);
  const spoken = [...groups.entries()].slice(0, maxGroups);
  const parts: string[] = [];
  for (const [date, acts] of spoken) {
    parts.push(sentence(`until ${briefWhen(date, today)}, no ${listOf(acts.map((a) => a.shortName), 'or')}`));
  }
  if (withLimits) {
    for (const s of limits) parts.push(`Extra care with ${s.activity.shortName} through ${briefWhen(dateOfDay(s, s.firstFreeDay - 1), today)}.`);
  }
  if (groups.size > spoken.length || (!withLimits && limits.length > 0)) parts.push('More in your Alexa app.');
  return parts.length > 0 ? parts.join(' ') : undefined;
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
