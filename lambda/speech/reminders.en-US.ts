import { daysBetween, type IsoDate } from '../domain/calendar';
import type { ClockTime } from '../domain/clockTime';
import type { ReminderEntry } from '../domain/reminderPlan';
import type { Protocol } from '../protocol/types';
import type { ReminderFailure } from '../errors';
import { monthDay, spokenTime, whenSpoken } from './dates';

/** Kept for its callers; the wording of a time lives with the wording of dates. */
export { spokenTime };
import type { Speech } from './types';
import { callClinic } from './clinic';
import { spokenSecondsOfText } from './spokenLength';
import { BRIEFING_SECONDS } from './en-US';
import { join, listOf, newlyAllowedSentence, restrictionsSentence, sentence, withStop } from './phrasing';

/**
 * Every sentence about reminders: the reminders' own texts (spoken by Alexa at the set time, built from
 * the protocol's phrases) and the dialogue that sets them up.
 */

/**
 * Our cap for one reminder's text: Alexa reads it twice, to someone getting ready, so keep it short — yet
 * long enough to name every restriction of the first days with its end (issue 17); the spoken cap
 * (BRIEFING_SECONDS) is the one that binds.
 */
export const MAX_REMINDER_TEXT = 400;

function followUpSentence(protocol: Protocol): string {
  return join('From today, you can book your follow-up session.', callClinic(protocol.clinic));
}

/**
 * The words of one reminder: "Day 3 of your microneedling recovery: your skin may peel… Keep moisturizing.
 * From today, makeup is fine again… No anti-inflammatories for a full week, until Sunday. …". Every
 * restriction in force that day is named with its end (issue 17), readings said to be readings; the
 * richest version that fits MAX_REMINDER_TEXT, the day first, descriptions before instructions.
 */
export function reminderText(entry: ReminderEntry, protocol: Protocol): string {
  const lead = `Day ${entry.day} of your microneedling recovery`;
  const todo = entry.daily ? entry.plan.phase.todo.map((t) => sentence(t.text)) : [];
  const news = (advice: boolean) =>
    join(newlyAllowedSentence(entry.milestones, 'From today', advice), entry.followUpFromToday && followUpSentence(protocol));
  const still = (sunFull: boolean) =>
    entry.daily
      ? restrictionsSentence(
          entry.plan.offLimits,
          (date) => (daysBetween(entry.date, date) >= 7 ? monthDay(date) : whenSpoken(date, entry.date)),
          { sunFull },
        )
      : undefined;
  const withSkin = entry.daily ? `${lead}: ${withStop(entry.plan.phase.skin.text)}` : `${lead}.`;
  const candidates = [
    join(withSkin, ...todo, news(true), still(true)),
    join(withSkin, ...todo, news(true), still(false)),
    join(`${lead}.`, ...todo, news(true), still(false)),
    join(`${lead}.`, ...todo, news(false), still(false)),
    join(`${lead}.`, todo[0], news(false), still(false)),
    join(`${lead}.`, news(false), still(false)),
  ];
  const fits = candidates.find((c) => c.length <= MAX_REMINDER_TEXT && spokenSecondsOfText(c) <= BRIEFING_SECONDS);
  if (fits) return fits;
  // A clinic's phrases too long for any version: cut at a word, never send what Alexa would refuse.
  const last = candidates[candidates.length - 1] ?? lead;
  return `${last.slice(0, MAX_REMINDER_TEXT - 1).replace(/\s+\S*$/, '')}…`;
}

/** Why a reminder falls on a day outside the morning briefings. */
function reasonFor(entry: ReminderEntry): string {
  const reasons: string[] = [];
  const limit = entry.milestones.filter((s) => s.activity.kind === 'limit');
  const avoid = entry.milestones.filter((s) => s.activity.kind === 'avoid');
  for (const s of limit) reasons.push(`your extra care with ${s.activity.shortName} can ease`);
  if (avoid.length > 0) reasons.push(`${listOf(avoid.map((s) => s.activity.shortName))} ${avoid.length === 1 ? 'is' : 'are'} fine again`);
  if (entry.followUpFromToday) reasons.push('you can book your follow-up');
  return listOf(reasons);
}

/**
 * The plan in one breath: "every morning from tomorrow, day 2, through Sunday, December 6th, day 14,
 * with that day's care tips, plus one on Monday, December 7th, when your extra care with the sun can ease".
 */
export function describeEntries(entries: readonly ReminderEntry[], today: IsoDate): string {
  const daily = entries.filter((e) => e.daily);
  const extra = entries.filter((e) => !e.daily);
  const parts: string[] = [];
  const first = daily[0];
  const last = daily[daily.length - 1];
  if (first && last && daily.length > 1) {
    parts.push(
      `every morning from ${whenSpoken(first.date, today)}, day ${first.day}, through ${whenSpoken(last.date, today)}, day ${last.day}, with that day's care tips`,
    );
  } else if (first) {
    parts.push(`one on ${whenSpoken(first.date, today)}, day ${first.day}, with that day's care tips`);
  }
  const extras = extra.map((e) => `one on ${whenSpoken(e.date, today)}, when ${reasonFor(e)}`);
  // Each extra already holds a comma, so a serial comma keeps them apart: "…, and one on …".
  const extraList = extras.length > 1 ? `${extras.slice(0, -1).join(', ')}, and ${extras[extras.length - 1]}` : (extras[0] ?? '');
  if (parts.length === 0) return extraList;
  return extras.length > 0 ? `${parts[0]}, plus ${extraList}` : (parts[0] ?? '');
}

const count = (n: number): string => `${n} ${n === 1 ? 'reminder' : 'reminders'}`;

/** Today's reminder when the time asked for and "now" cross (the reminder operations' TodayFate, structurally). */
export type TodaysReminder = { readonly kind: 'removed' | 'stillSet' | 'rung'; readonly at: ClockTime } | { readonly kind: 'passed' };

/** "4:05 PM has already passed today, so there's none for today." — said whenever it is so, never left to be guessed. */
function todaySentence(today: TodaysReminder | undefined, time: ClockTime): string | undefined {
  if (!today) return undefined;
  switch (today.kind) {
    case 'passed':
      return `${spokenTime(time)} has already passed today, so there's none for today.`;
    case 'removed':
      return `${spokenTime(time)} has already passed today, so I removed today's reminder at ${spokenTime(today.at)}.`;
    case 'stillSet':
      return `Today's reminder is still set for ${spokenTime(today.at)}: I couldn't remove it just now.`;
    case 'rung':
      return `Today's already went off at ${spokenTime(today.at)}.`;
  }
}

const FAILURE_REASON: Record<ReminderFailure, string> = {
  noPermission: "I don't have permission to set reminders",
  deviceUnsupported: "this device can't do reminders",
  limitReached: "Alexa's limit on reminders is reached; deleting old reminders in the Alexa app makes room",
  notFound: 'Alexa could not find them',
  rejected: 'Alexa refused them',
  unavailable: "the reminders service isn't answering right now",
  timeout: "the reminders service didn't answer in time",
  outOfTime: 'the reminders service was too slow to finish in one go',
  zoneUnknown: "I can't tell your time zone right now",
  busy: 'I was still busy with another change to your reminders',
};

/** Whether trying again later can help (not for a device without reminders). */
const retryHelps = (f: ReminderFailure): boolean => f !== 'deviceUnsupported';

const WHAT_NEXT = 'What else would you like to know?';
const ASK_TIME_REPROMPT = 'What time should I remind you each morning? For example, 7:30. Or say no.';

export const remindersEn = {
  /** Appended to the "date saved" confirmation. */
  offer: (): Speech => ({
    text: 'Would you like a short reminder each morning? If so, what time?',
    reprompt: ASK_TIME_REPROMPT,
  }),
  askTime: (): Speech => ({ text: 'What time each morning? For example, 7:30.', reprompt: ASK_TIME_REPROMPT }),
  askExactTime: (): Speech => ({
    text: 'What exact time should I remind you? For example, 7 AM, or 7:30.',
    reprompt: ASK_TIME_REPROMPT,
  }),
  offerDeclined: (): string => 'Okay, no reminders. If you change your mind, just say: remind me every morning.',

  confirmPlan: (entries: readonly ReminderEntry[], time: ClockTime, today: IsoDate, todays?: TodaysReminder): Speech => ({
    text: join(
      todaySentence(todays, time),
      `I'll set ${count(entries.length)}, each at ${spokenTime(time)}: ${describeEntries(entries, today)}. Shall I set ${entries.length === 1 ? 'it' : 'them'}?`,
    ),
    reprompt: `Should I set ${count(entries.length)} at ${spokenTime(time)}? Yes or no?`,
  }),
  confirmFinish: (missing: number, time: ClockTime): Speech => ({
    text: `${count(missing)} of your plan ${missing === 1 ? "isn't" : "aren't"} set yet. Shall I add ${missing === 1 ? 'it' : 'them'}, at ${spokenTime(time)}?`,
    reprompt: `Should I add the missing ${count(missing)}? Yes or no?`,
  }),
  confirmMove: (from: ClockTime, to: ClockTime, dropsToday = false): Speech => ({
    text: join(
      `Your reminders are at ${spokenTime(from)}.`,
      dropsToday ? `${spokenTime(to)} has already passed today, so today's reminder at ${spokenTime(from)} would be removed.` : undefined,
      `Shall I move them to ${spokenTime(to)}?`,
    ),
    reprompt: `Should I move your reminders to ${spokenTime(to)}? Yes or no?`,
  }),
  planDeclined: (): string => "Okay, I haven't set anything.",
  moveDeclined: (time: ClockTime): string => `Okay, they stay at ${spokenTime(time)}.`,
  alreadySet: (entries: readonly ReminderEntry[], time: ClockTime, today: IsoDate): string =>
    `You already have ${count(entries.length)} at ${spokenTime(time)}: ${describeEntries(entries, today)}.`,
  nothingAhead: (): string => 'Your recovery plan has no reminders left to set: all of its days have passed.',

  /** Alerts were made (or moved) but the store failed to note them, so the skill can't manage them later. */
  setButNotNoted: (n: number, time: ClockTime): string =>
    `I set ${count(n)} at ${spokenTime(time)}, but I couldn't save a note of ${n === 1 ? 'it' : 'them'}, so I may not be able to change or cancel ${n === 1 ? 'it' : 'them'} for you. You can always delete reminders in the Alexa app.`,
  /** After a run that set everything wanted. */
  allSet: (entries: readonly ReminderEntry[], time: ClockTime, today: IsoDate, todays?: TodaysReminder): string => {
    const first = entries[0];
    const last = entries[entries.length - 1];
    if (!first || !last) return 'Done.';
    const range =
      entries.length === 1
        ? `on ${whenSpoken(first.date, today)}`
        : `from ${whenSpoken(first.date, today)} through ${whenSpoken(last.date, today)}`;
    return join(
      `Done: ${count(entries.length)} at ${spokenTime(time)}, ${range}.`,
      todaySentence(todays, time),
      'To change the time, say: change my reminder time.',
    );
  },
  /** After a run that set only part of the plan: what was and wasn't set, and why. */
  partlySet: (
    set: readonly ReminderEntry[],
    missing: readonly ReminderEntry[],
    time: ClockTime,
    today: IsoDate,
    why: ReminderFailure,
  ): string => {
    const range = (es: readonly ReminderEntry[]) => {
      const [a, b] = [es[0], es[es.length - 1]];
      if (!a || !b) return '';
      return es.length === 1
        ? `for ${whenSpoken(a.date, today)}`
        : `from ${whenSpoken(a.date, today)} through ${whenSpoken(b.date, today)}`;
    };
    const total = set.length + missing.length;
    const head =
      set.length === 0
        ? `I couldn't set your reminders: ${FAILURE_REASON[why]}.`
        : `I set ${set.length} of your ${count(total)}, at ${spokenTime(time)}, ${range(set)}. The other ${missing.length}, ${range(missing)}, aren't set: ${FAILURE_REASON[why]}.`;
    return join(head, retryHelps(why) ? "Say 'set up my reminders' later, and I'll add only the missing ones." : undefined);
  },

  list: (set: readonly ReminderEntry[], missing: number, time: ClockTime, today: IsoDate): string => {
    if (set.length === 0 && missing === 0) return "You don't have any reminders from me. You can say: remind me every morning at 7.";
    const head =
      set.length > 0
        ? `You have ${count(set.length)} at ${spokenTime(time)}: ${describeEntries(set, today)}.`
        : 'None of your reminders are set yet.';
    const tail =
      missing > 0
        ? `${count(missing)} of your plan ${missing === 1 ? "isn't" : "aren't"} set yet; say set up my reminders to add ${missing === 1 ? 'it' : 'them'}.`
        : undefined;
    return join(head, tail);
  },
  noReminders: (): string => "You don't have any reminders from me. You can say: remind me every morning at 7.",

  alreadyAt: (time: ClockTime): string => `Your reminders already go off at ${spokenTime(time)}.`,
  askNewTime: (): Speech => ({ text: 'What time should your reminders go off instead? For example, 8 AM.', reprompt: ASK_TIME_REPROMPT }),
  /** `n` counts the alerts that ring at the new time; today's, when its fate differs, is told apart. */
  moved: (n: number, time: ClockTime, todays?: TodaysReminder): string =>
    todays && todays.kind !== 'passed'
      ? join(`Done: your ${count(n)} from tomorrow on now go off at ${spokenTime(time)}.`, todaySentence(todays, time))
      : join(`Done: your ${count(n)} now go off at ${spokenTime(time)}.`, todaySentence(todays, time)),
  cancelled: (n: number): string => `Done: I've cancelled your ${count(n)}.`,
  cancelledRest: (): string => "Done: I've cancelled the rest of your reminders.",
  cancelPartly: (done: number, total: number, why: ReminderFailure): string =>
    `I cancelled ${done} of your ${count(total)}; the other ${total - done} are still set, because ${FAILURE_REASON[why]}. Say 'cancel my reminders' again in a minute.`,
  /** A new treatment date made the old plan wrong. */
  replaced: (removedAll: boolean): string =>
    removedAll ? "I've removed the reminders for your earlier date." : "Your reminders were for your earlier date; I'll remove them.",
  offerNewPlan: (entries: readonly ReminderEntry[], time: ClockTime, today: IsoDate): Speech => ({
    text: `Shall I set new ones? ${count(entries.length)}, each at ${spokenTime(time)}: ${describeEntries(entries, today)}.`,
    reprompt: `Should I set new reminders at ${spokenTime(time)}? Yes or no?`,
  }),

  /** Spoken just before Alexa's own permission question. */
  askPermission: (): string => 'To remind you, I need your permission to set reminders.',
  permissionDenied: (): string =>
    'Okay, no reminders then. If you change your mind, you can allow reminders for this skill in the Alexa app.',
  permissionCard: (): Speech => ({
    text: "I've sent a card to your Alexa app. Allow reminders there, and I'll set them up right away.",
    reprompt: WHAT_NEXT,
  }),
  /** Another request held the reminders the whole time: nothing was changed by this one. */
  busy: (): string => "I'm in the middle of another change to your reminders, so I haven't changed anything. Please ask again in a moment.",
  failure: (why: ReminderFailure): string =>
    join(`Sorry, ${FAILURE_REASON[why]}.`, retryHelps(why) ? 'Please try again later.' : undefined),
};
