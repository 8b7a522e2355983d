import type { RequestHandler } from 'ask-sdk-core';
import { conversationEn } from '../../speech/conversation.en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/**
 * "I don't know" — to "when was your treatment?" (or "was it Friday?"): the clinic has the date, with its
 * phone, and the question stays open; said out of the blue, what the patient can ask.
 */
export const dontKnowIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'DontKnowIntent'),
  async handle(input) {
    const { pending, deferred } = readSession(input);
    if (pending?.kind === 'treatmentDate' || pending?.kind === 'confirmDate') {
      const newTreatment = pending.newTreatment;
      const speech = await withFirstUseDisclaimer(input, deps, conversationEn.dontKnowDate(deps.protocol));
      return reply(input, speech, { pending: { kind: 'treatmentDate', newTreatment }, deferred });
    }
    return reply(input, await withFirstUseDisclaimer(input, deps, conversationEn.dontKnow()));
  },
});
