import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent, requestType } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/**
 * Anything we did not understand (and unknown intents): re-ask the open question, or offer examples —
 * with the clinic's number for a worry, since Alexa sends no words with a fallback and it may be a symptom.
 */
export const fallbackIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent') || requestType(input) === 'IntentRequest',
  async handle(input) {
    const { pending, deferred } = readSession(input);
    if (pending?.kind === 'treatmentDate') return reply(input, en.fallbackAwaitingDate(), { pending, deferred });
    if (pending?.kind === 'confirmDate' || pending?.kind === 'confirmForget') return reply(input, en.fallbackAwaitingYesNo(), { pending, deferred });
    return reply(input, await withFirstUseDisclaimer(input, deps, en.fallback(deps.protocol)));
  },
});
