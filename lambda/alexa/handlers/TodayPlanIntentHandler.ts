import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { requireTreatmentDate, todayBriefing } from '../questions';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "What should I do today?" — day N, what the skin is doing, what to do, what is still off limits and until when. */
export const todayPlanIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'TodayPlanIntent'),
  async handle(input) {
    const known = await requireTreatmentDate(input, deps, { intent: 'TodayPlanIntent' });
    if ('response' in known) return known.response;
    const brief = todayBriefing(deps, known.user);
    return answer(input, brief.text, brief.card, brief.screen);
  },
});
