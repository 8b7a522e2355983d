import type { RequestHandler } from 'ask-sdk-core';
import { safetyEn } from '../../speech/safety.en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "What SPF should I use?" and "can I stop wearing sunscreen?" — the same every day, so no date is needed. */
export const sunCareIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SunscreenIntent', 'KeepSunscreenIntent'),
  async handle(input) {
    const text = isIntent(input, 'KeepSunscreenIntent') ? safetyEn.keepSunscreen(deps.protocol) : safetyEn.sunscreen(deps.protocol);
    const said = await withFirstUseDisclaimer(input, deps, { text });
    return answer(input, said.text, said.card);
  },
});
