import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import { isIntent, requestType } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/** Anything we did not understand (and unknown intents): re-ask the open question, or offer examples. */
export const fallbackIntentHandler = (): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent') || requestType(input) === 'IntentRequest',
  handle(input) {
    const { pending, deferred } = readSession(input);
    if (pending?.kind === 'treatmentDate') return reply(input, en.fallbackAwaitingDate(), { pending, deferred });
    if (pending?.kind === 'confirmDate' || pending?.kind === 'confirmForget') return reply(input, en.fallbackAwaitingYesNo(), { pending, deferred });
    return reply(input, en.fallback());
  },
});
