import type { RequestHandler } from 'ask-sdk-core';
import { safetyEn } from '../../speech/safety.en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';
import { answer } from '../respond';

/**
 * "What SPF should I use?" — the same every day, so no date is needed. ("Can I stop wearing sunscreen?"
 * is a question of its kind, answered with the others: ActivityQuestionHandler.)
 */
export const sunCareIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SunscreenIntent'),
  async handle(input) {
    const text = safetyEn.sunscreen(deps.protocol);
    const said = await withFirstUseDisclaimer(input, deps, { text });
    return answer(input, said.text, said.card);
  },
});
