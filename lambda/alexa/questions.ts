import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { activityAnswer } from '../answers/activity';
import type { Answer } from '../answers/answer';
import { dayAsked, dayPlanAnswer, type SpokenDay } from '../answers/dayPlan';
import { nextSessionAnswer, whatDayAnswer } from '../answers/followUp';
import { patientOn, type Patient } from '../answers/patient';
import type { IsoDate } from '../domain/calendar';
import { questionKindOf, spanAsked } from '../domain/meaning';
import { en } from '../speech/en-US';
import type { Profile } from '../store/types';
import type { SkillDeps } from './deps';
import { withFirstUseDisclaimer } from './disclaimer';
import { localClockTime } from './reminders/reminderUser';
import { isIntent, requestInstant, slotValue } from './request';
import { screenFor } from './apl/render';
import { answer, reply } from './respond';
import type { DeferredQuestion } from './session';
import { loadUser, type UserView } from './user';

export type { SpokenDay };

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
    return {
      response: reply(input, await withFirstUseDisclaimer(input, deps, en.needDateFirst()), {
        pending: { kind: 'treatmentDate', newTreatment: false },
        deferred: question,
      }),
    };
  }
  return { user: user as KnownUser };
}

/** The patient as the answers core sees them; their local time is read only when an appointment time needs it. */
export function patientOf(input: HandlerInput, deps: SkillDeps, user: KnownUser): Patient {
  return patientOn(deps.protocol, user.profile, user.today, () => localClockTime(requestInstant(input) ?? deps.clock(), user.zone));
}

/** The intents that ask about something (answers/question answers them all, each in its kind). */
export const ASKED_ABOUT = ['CanIIntent', 'WhenCanIIntent', 'NeedIntent', 'CanStopIntent', 'HowLongIntent', 'KeepSunscreenIntent'];

/** Whatever the patient said about it: the activity, and any symptom said with it ("ice on my swollen face"). */
export function heardWords(input: HandlerInput): string | undefined {
  const words = [slotValue(input, 'activity'), slotValue(input, 'symptom')].filter(Boolean).join(' ');
  if (words !== '') return words;
  return isIntent(input, 'KeepSunscreenIntent') ? 'sunscreen' : undefined;
}

/**
 * A question about something in its kind (the intent says which), for the day or the week or weekend
 * the slots name, or today. A symptom in the words goes to the symptom path.
 */
export function activityQuestion(
  p: Patient,
  intent: string,
  word: string | undefined,
  heard: string | undefined,
  spoken: SpokenDay,
): Answer<object> | undefined {
  const span = spanAsked(spoken.date);
  // "When can I … next week?" is answered like "can I … next week?": for each of its days.
  const day = span ? undefined : dayAsked(p, spoken, { weeks: true });
  return activityAnswer(p, { kind: questionKindOf(intent), word, heard, day, span });
}

/** Answers a question that was asked before the date was known, after `lead` (the date confirmation). */
export async function answerDeferred(input: HandlerInput, deps: SkillDeps, q: DeferredQuestion, lead: string): Promise<Response> {
  const p = patientOf(input, deps, (await loadUser(input, deps)) as KnownUser);
  let said: Answer<object> | undefined;
  if (ASKED_ABOUT.includes(q.intent)) said = activityQuestion(p, q.intent, q.activity, q.heard, q);
  else if (q.intent === 'NextSessionIntent') said = nextSessionAnswer(p);
  else if (q.intent === 'WhatDayIntent') said = whatDayAnswer(p);
  const day = q.intent === 'DayPlanIntent' ? (dayAsked(p, q) ?? p.day) : p.day;
  said ??= dayPlanAnswer(p, day);
  return answer(input, `${lead} ${said.sentence.text}`, said.sentence.card, screenFor(input, deps.protocol, said, q.heard));
}
