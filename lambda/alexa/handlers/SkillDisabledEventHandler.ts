import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { requestType } from '../request';

/** The patient disabled the skill: delete everything kept for the account, every voice profile included. */
export const skillDisabledEventHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === 'AlexaSkillEvent.SkillDisabled',
  async handle(input) {
    const userId = input.requestEnvelope?.context?.System?.user?.userId;
    if (typeof userId === 'string' && userId !== '') {
      await deps.store.deleteAccount(userId);
      deps.log.info('account_deleted', { reason: 'skill_disabled' });
    }
    return input.responseBuilder.getResponse();
  },
});
