import type { RequestHandler } from 'ask-sdk-core';
import { AccountNotDeletedError } from '../../errors';
import type { SkillDeps } from '../deps';
import { requestType } from '../request';

export { AccountNotDeletedError };

/**
 * No one waits for speech on this event, so a failing store gets a few tries inside the Lambda's 7 s:
 * a try is only started when it can run to the store's own deadline before 6.5 s.
 */
const RETRY_DELAYS_MS = [250, 750];
const GIVE_UP_AFTER_MS = 6500;

/**
 * The patient disabled the skill: delete everything kept for the account, every voice profile included.
 * If the store keeps failing, the invocation fails (an error in the Lambda's metrics and logs) rather
 * than answering as if the data were gone.
 */
export const skillDisabledEventHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === 'AlexaSkillEvent.SkillDisabled',
  async handle(input) {
    const userId = input.requestEnvelope?.context?.System?.user?.userId;
    if (typeof userId !== 'string' || userId === '') return input.responseBuilder.getResponse();
    const start = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await deps.store.deleteAccount(userId);
        deps.log.info('account_deleted', { reason: 'skill_disabled', count: attempt + 1 });
        return input.responseBuilder.getResponse();
      } catch (e) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || Date.now() - start + delay + deps.config.storeDeadlineMs > GIVE_UP_AFTER_MS) {
          deps.log.error('account_not_deleted', {
            reason: 'skill_disabled',
            error: e instanceof Error ? e.name : 'Error',
            count: attempt + 1,
          });
          throw new AccountNotDeletedError('the account could not be deleted', { cause: e });
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  },
});
