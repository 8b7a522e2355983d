import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { dayPlanAnswer } from '../../answers/dayPlan';
import { patientOf, requireTreatmentDate } from '../questions';
import { isIntent } from '../request';
import { answer } from '../respond';
import { screenFor } from '../apl/render';

/** "What should I do today?" — day N, what the skin is doing, what to do, what is still off limits and until when. */
export const todayPlanIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'TodayPlanIntent'),
  async handle(input) {
    const known = await requireTreatmentDate(input, deps, { intent: 'TodayPlanIntent' });
    if ('response' in known) return known.response;
    const p = patientOf(input, deps, known.user);
    const plan = dayPlanAnswer(p, p.day);
    return answer(input, plan.sentence.text, plan.sentence.card, screenFor(input, deps.protocol, plan));
  },
});
