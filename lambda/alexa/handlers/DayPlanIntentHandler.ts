import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { daysBetween, parseIsoDate } from '../../domain/calendar';
import { planForDay } from '../../domain/care';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { requireTreatmentDate } from '../questions';
import { isIntent, slotValue } from '../request';
import { answer, reply } from '../respond';

/** Pending name of "which day would you like to hear about?": a bare date answers it (not a new treatment date). */
export const DAY_PLAN_QUESTION = 'dayPlan';

/** "What about tomorrow?", "what about day 5?", "what should I do on Friday?" */
export const dayPlanIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'DayPlanIntent'),
  handle: (input) => answerDayPlan(input, deps, { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') }),
});

export async function answerDayPlan(input: HandlerInput, deps: SkillDeps, spoken: { date?: string; dayNumber?: string }): Promise<Response> {
  const known = await requireTreatmentDate(input, deps, { intent: 'TodayPlanIntent' });
  if ('response' in known) return known.response;
  const { user } = known;
  const treatment = user.profile.treatmentDate;

  // A day number wins; otherwise an exact date (Alexa sends coming days forward, which is what we want here).
  const spokenNumber = Number(spoken.dayNumber);
  const spokenDate = parseIsoDate(spoken.date ?? '');
  let day: number | undefined;
  if (Number.isInteger(spokenNumber) && spokenNumber >= 1 && spokenNumber <= 3650) day = spokenNumber;
  else if (spokenDate) day = daysBetween(treatment, spokenDate) + 1;
  if (day === undefined) return reply(input, en.askWhichDay(), { pending: { kind: 'other', name: DAY_PLAN_QUESTION } });
  if (day < 1) return answer(input, en.beforeTreatment());

  const plan = planForDay(deps.protocol, treatment, day);
  return answer(input, en.briefing(plan, user.today, deps.protocol), en.briefingCard(plan, user.today));
}
