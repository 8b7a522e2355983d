import type { RequestHandler } from 'ask-sdk-core';
import { conversationEn } from '../../speech/conversation.en-US';
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
    const { pending, deferred, misses = 0 } = readSession(input);
    // The second miss in a row offers the three most useful things to say, and the clinic's phone.
    const again = misses >= 1;
    const counted = { misses: misses + 1 };
    if (pending?.kind === 'treatmentDate') {
      return reply(input, again ? conversationEn.fallbackTwiceAwaitingDate(deps.protocol) : en.fallbackAwaitingDate(), {
        pending,
        deferred,
        ...counted,
      });
    }
    if (pending?.kind === 'confirmDate' || pending?.kind === 'confirmForget')
      return reply(input, en.fallbackAwaitingYesNo(), { pending, deferred, ...counted });
    return reply(
      input,
      await withFirstUseDisclaimer(input, deps, again ? conversationEn.fallbackTwice(deps.protocol) : en.fallback(deps.protocol)),
      counted,
    );
  },
});
