import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { isIntent } from '../request';
import { reply } from '../respond';
import { loadUser } from '../user';
import { voiceTag } from '../voice';

/** "Delete my data" — asks for confirmation first; the Yes handler deletes. */
export const forgetMeIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ForgetMeIntent'),
  async handle(input) {
    const user = await loadUser(input, deps);
    if (!user.stored) return reply(input, { text: en.nothingToForget() }, { end: true });
    return reply(input, en.confirmForget(), { pending: { kind: 'confirmForget', who: voiceTag(input) } });
  },
});
