import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { dayAsked, dayPlanAnswer } from '../../answers/dayPlan';
import { patientOf, requireTreatmentDate, type SpokenDay } from '../questions';
import { isIntent, slotValue } from '../request';
import { answer, reply } from '../respond';
import { screenFor } from '../apl/render';

/** Pending kind of "which day would you like to hear about?": a bare date answers it (not a new treatment date). */
export const DAY_PLAN_QUESTION = 'dayPlan';

/** "What about tomorrow?", "what about day 5?", "what should I do on Friday?" */
export const dayPlanIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'DayPlanIntent'),
  handle: (input) => answerDayPlan(input, deps, { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') }),
});

export async function answerDayPlan(input: HandlerInput, deps: SkillDeps, spoken: SpokenDay): Promise<Response> {
  // Asked before any date is stored: the date comes first, then this very day is answered.
  const known = await requireTreatmentDate(input, deps, { intent: 'DayPlanIntent', ...spoken });
  if ('response' in known) return known.response;
  const p = patientOf(input, deps, known.user);
  const day = dayAsked(p, spoken);
  if (day === undefined) return reply(input, en.askWhichDay(), { pending: { kind: DAY_PLAN_QUESTION } });
  const plan = dayPlanAnswer(p, day);
  return answer(input, plan.sentence.text, plan.sentence.card, screenFor(input, deps.protocol, plan));
}
