import type { ErrorHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import { StoreUnavailableError } from '../../store/types';
import type { SkillDeps } from '../deps';
import { intentName, isSpokenRequest, requestType } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';
import { AccountNotDeletedError } from './SkillDisabledEventHandler';

/**
 * Always speaks. A store that could not answer gets "please try again" (never "I don't know your date"),
 * and the open question, if any, stays open. Events get an empty response — except a deletion that
 * failed, which fails the invocation so it is seen (and can be delivered again).
 */
export const errorHandler = (deps: SkillDeps): ErrorHandler => ({
  canHandle: () => true,
  handle(input, error) {
    const type = requestType(input);
    const storeDown = error instanceof StoreUnavailableError;
    deps.log.error('request_failed', { requestType: type, intent: intentName(input), error: error?.name ?? 'Error' });
    if (error instanceof AccountNotDeletedError) throw error;
    if (!isSpokenRequest(type)) return input.responseBuilder.getResponse();
    const { pending, deferred } = safeSession(input);
    return reply(input, storeDown ? en.storeDown() : en.error(), { pending, deferred });
  },
});

function safeSession(input: Parameters<typeof readSession>[0]) {
  try {
    return readSession(input);
  } catch {
    return {};
  }
}
