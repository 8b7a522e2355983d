import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { IsoDate } from '../domain/calendar';
import { followUp, planForDay } from '../domain/care';
import { questionKindOf, spanAsked } from '../domain/meaning';
import { decide } from '../speech/meaning.en-US';
import { fixedQuestion } from '../domain/mentions';
import { dayAskedAbout } from '../domain/spokenDate';
import type { Protocol } from '../protocol/types';
import type { ClockTime } from '../domain/clockTime';
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

export function todayBriefing(deps: SkillDeps, user: KnownUser): { text: string; card: { title: string; content: string } } {
  const plan = planForDay(deps.protocol, user.profile.treatmentDate, user.day);
  return { text: en.briefing(plan, user.today, deps.protocol, { appointment: appointmentTime(user) }), card: en.briefingCard(plan, user.today) };
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
 * Answers a question about something ("can I", "when can I", "do I still need", "can I stop", "how
 * long") for the user's day, or — "can I … tomorrow", "on Saturday", "on day 9", "this weekend" — for
 * the day or days asked about; `heard` is the patient's own words. What the words mean and how each kind
 * is answered is decided once, for every door (speech/meaning.en-US: decide). Undefined when the words
 * name nothing we can place, or a symptom (the symptom path answers those).
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
  const treatment = user.profile.treatmentDate;
  const span = spanAsked(spoken.date);
  const asked = span ? undefined : dayAskedAbout(spoken, treatment, user.today, { weeks: true });
  const decided = decide(deps.protocol, { kind: questionKindOf(intent), heard: heard ?? word, resolved: word, treatment, today: user.today, day: asked, span, timing });
  return decided.route === 'answer' ? decided.say : undefined;
}

/**
 * The plan of the day a patient asked about: a day number wins, otherwise an exact date (Alexa sends
 * coming days forward, which is what is wanted here). `ask` when neither names a day.
 */
export function dayPlanAnswer(deps: SkillDeps, user: KnownUser, spoken: SpokenDay): { text: string; card?: { title: string; content: string } } | 'ask' {
  const treatment = user.profile.treatmentDate;
  const day = dayAskedAbout(spoken, treatment, user.today);
  if (day === undefined) return 'ask';
  if (day < 1) return { text: en.beforeTreatment() };
  const plan = planForDay(deps.protocol, treatment, day);
  return { text: en.briefing(plan, user.today, deps.protocol, { appointment: appointmentTime(user) }), card: en.briefingCard(plan, user.today) };
}

/** The intents that ask about something (speech/meaning.en-US: decide answers them all). */
export const ASKED_ABOUT = ['CanIIntent', 'WhenCanIIntent', 'NeedIntent', 'CanStopIntent', 'HowLongIntent', 'KeepSunscreenIntent'];

/** Answers a question that was asked before the date was known, after `lead` (the date confirmation). */
export async function answerDeferred(input: HandlerInput, deps: SkillDeps, q: DeferredQuestion, lead: string): Promise<Response> {
  const user = (await loadUser(input, deps)) as KnownUser;
  let text: string | undefined;
  if (ASKED_ABOUT.includes(q.intent)) text = activityAnswer(deps, user, q.intent, q.activity, q.heard, {}, q);
  else if (q.intent === 'NextSessionIntent') text = en.nextSession(followUp(deps.protocol, user.profile.treatmentDate, user.day), user.today, deps.protocol);
  else if (q.intent === 'WhatDayIntent') text = en.whatDay(user.day, user.profile.treatmentDate);
  else if (q.intent === 'DayPlanIntent') {
    const day = dayPlanAnswer(deps, user, q);
    if (day !== 'ask') return answer(input, `${lead} ${day.text}`, day.card);
  }
  if (text === undefined) {
    const brief = todayBriefing(deps, user);
    return answer(input, `${lead} ${brief.text}`, brief.card);
  }
  return answer(input, `${lead} ${text}`);
}
