import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { IsoDate } from '../domain/calendar';
import { activityStatus, dateOfDay, findActivity, followUp, planForDay } from '../domain/care';
import { fixedQuestion } from '../domain/mentions';
import { dayAskedAbout } from '../domain/spokenDate';
import type { Protocol } from '../protocol/types';
import type { ClockTime } from '../domain/clockTime';
import { canIOn } from '../speech/anotherDay.en-US';
import { en, type Timing } from '../speech/en-US';
import { safetyEn } from '../speech/safety.en-US';
import { withFirstUseDisclaimer } from './disclaimer';
import type { Profile } from '../store/types';
import type { SkillDeps } from './deps';
import { answer, reply } from './respond';
import type { DeferredQuestion } from './session';
import { localClockTime } from './reminders/reminderUser';
import { requestInstant } from './request';
import { loadUser, type UserView } from './user';
import { activityView, dayView, sentenceView } from '../screens/dayView';
import { screenEn } from '../screens/labels.en-US';
import type { Screen } from './apl/render';

/** A user with a treatment date: what the question handlers work from. */
export interface KnownUser extends UserView {
  readonly day: number;
  readonly profile: Profile & { readonly treatmentDate: IsoDate };
}

/**
 * Loads the user; when no treatment date is stored yet, asks for it and remembers the question so it
 * is answered right after the date is set. Returns the user, or the response to send instead.
 */
export async function requireTreatmentDate(
  input: HandlerInput,
  deps: SkillDeps,
  question: DeferredQuestion,
): Promise<{ user: KnownUser } | { response: Response }> {
  const user = await loadUser(input, deps);
  if (user.profile?.treatmentDate === undefined || user.day === undefined) {
    return { response: reply(input, await withFirstUseDisclaimer(input, deps, en.needDateFirst()), { pending: { kind: 'treatmentDate', newTreatment: false }, deferred: question }) };
  }
  return { user: user as KnownUser };
}

export function todayBriefing(deps: SkillDeps, user: KnownUser): { text: string; card: { title: string; content: string }; screen: Screen } {
  const plan = planForDay(deps.protocol, user.profile.treatmentDate, user.day);
  return {
    text: en.briefing(plan, user.today, deps.protocol, { appointment: appointmentTime(user) }),
    card: en.briefingCard(plan, user.today),
    screen: { kind: 'day', view: dayView(plan, user.today, user.profile.treatmentDate) },
  };
}

/** A day the patient asked about, as Alexa sent the slots ("tomorrow", "on day 9"). */
export interface SpokenDay {
  readonly date?: string;
  readonly dayNumber?: string;
  /** A weekday said alone, when "which day?" was answered with one. */
  readonly weekday?: string;
}

/** The appointment's time of day, when the patient gave it for this treatment date. */
export function appointmentTime(user: KnownUser): ClockTime | undefined {
  const a = user.profile.appointment;
  return a && a.date === user.profile.treatmentDate ? (a.time as ClockTime) : undefined;
}

/** The appointment time and the local time now — read only when there is an appointment time to compare with. */
export function timingOf(input: HandlerInput, deps: SkillDeps, user: KnownUser): Timing {
  const appointment = appointmentTime(user);
  return appointment ? { appointment, now: localClockTime(requestInstant(input) ?? deps.clock(), user.zone) } : {};
}

/** The answer to a question answered the same on every day (domain/mentions: fixedQuestion), if it is one. */
export function fixedActivityAnswer(protocol: Protocol, heard: string | undefined): string | undefined {
  const question = fixedQuestion(protocol, heard);
  return question && safetyEn.fixedAnswer(protocol, question);
}

/**
 * Answers an activity question ("can I" or "when can I") for the user's day, or — "can I … tomorrow",
 * "on Saturday", "on day 9", "next week" — for the day asked about, with its day number; `heard` is the
 * patient's own word.
 */
export function activityAnswer(
  deps: SkillDeps,
  user: KnownUser,
  intent: string,
  word: string | undefined,
  heard?: string,
  timing: Timing = {},
  spoken: SpokenDay = {},
): string | undefined {
  return activityReply(deps, user, intent, word, heard, timing, spoken)?.text;
}

/** activityAnswer with its screen: the sentence and the status it was made from, shown together. */
export function activityReply(
  deps: SkillDeps,
  user: KnownUser,
  intent: string,
  word: string | undefined,
  heard?: string,
  timing: Timing = {},
  spoken: SpokenDay = {},
): { text: string; screen: Screen } | undefined {
  const said = (text: string, status: string) => ({ text, screen: { kind: 'answer', view: sentenceView(capitalFirst(heard ?? word ?? ''), status, text, user.today) } as Screen });
  const question = fixedQuestion(deps.protocol, heard ?? word);
  const fixed = fixedActivityAnswer(deps.protocol, heard ?? word);
  if (fixed !== undefined) return said(fixed, question === 'tanning' ? screenEn.never : screenEn.askDoctor);
  const activity = findActivity(deps.protocol, word);
  if (!activity) return undefined;
  const treatment = user.profile.treatmentDate;
  const onDay = (day: number, text: string) => {
    const date = dateOfDay(treatment, day);
    return { text, screen: { kind: 'answer', view: activityView(activityStatus(activity, treatment, day), day, date, text) } as Screen };
  };
  // "When can I … next week?" is answered like "can I … next week?": for that day.
  const asked = dayAskedAbout(spoken, treatment, user.today, { weeks: true });
  if (asked !== undefined && asked !== user.day) {
    if (asked < 1) return said(en.beforeTreatment(), screenEn.dayOnly(asked));
    return onDay(asked, canIOn(activityStatus(activity, treatment, asked), asked, dateOfDay(treatment, asked), user.today, heard));
  }
  const status = activityStatus(activity, treatment, user.day);
  return onDay(user.day, intent === 'WhenCanIIntent' ? en.whenCanI(status, user.today, heard, timing) : en.canI(status, user.day, user.today, heard, timing));
}

const capitalFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The plan of the day a patient asked about: a day number wins, otherwise an exact date (Alexa sends
 * coming days forward, which is what is wanted here). `ask` when neither names a day.
 */
export function dayPlanAnswer(deps: SkillDeps, user: KnownUser, spoken: SpokenDay): { text: string; card?: { title: string; content: string }; screen?: Screen } | 'ask' {
  const treatment = user.profile.treatmentDate;
  const day = dayAskedAbout(spoken, treatment, user.today);
  if (day === undefined) return 'ask';
  if (day < 1) return { text: en.beforeTreatment() };
  const plan = planForDay(deps.protocol, treatment, day);
  return {
    text: en.briefing(plan, user.today, deps.protocol, { appointment: appointmentTime(user) }),
    card: en.briefingCard(plan, user.today),
    screen: { kind: 'day', view: dayView(plan, user.today, treatment) },
  };
}

/** Answers a question that was asked before the date was known, after `lead` (the date confirmation). */
export async function answerDeferred(input: HandlerInput, deps: SkillDeps, q: DeferredQuestion, lead: string): Promise<Response> {
  const user = (await loadUser(input, deps)) as KnownUser;
  let text: string | undefined;
  let screen: Screen | undefined;
  if (q.intent === 'CanIIntent' || q.intent === 'WhenCanIIntent') ({ text, screen } = activityReply(deps, user, q.intent, q.activity, q.heard, {}, q) ?? {});
  else if (q.intent === 'NextSessionIntent') text = en.nextSession(followUp(deps.protocol, user.profile.treatmentDate, user.day), user.today, deps.protocol);
  else if (q.intent === 'WhatDayIntent') text = en.whatDay(user.day, user.profile.treatmentDate);
  else if (q.intent === 'DayPlanIntent') {
    const day = dayPlanAnswer(deps, user, q);
    if (day !== 'ask') return answer(input, `${lead} ${day.text}`, day.card, day.screen);
  }
  if (text === undefined) {
    const brief = todayBriefing(deps, user);
    return answer(input, `${lead} ${brief.text}`, brief.card, brief.screen);
  }
  return answer(input, `${lead} ${text}`, undefined, screen);
}
