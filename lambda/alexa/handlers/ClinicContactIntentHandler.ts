import type { RequestHandler } from 'ask-sdk-core';
import { conversationEn } from '../../speech/conversation.en-US';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';
import { answer, reply } from '../respond';
import { readSession } from '../session';

/** "What's the clinic's number?", "I want to talk to someone" — the clinic's name and phone (clinic data). */
export const clinicContactIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ClinicContactIntent'),
  async handle(input) {
    const { pending, deferred } = readSession(input);
    const said = await withFirstUseDisclaimer(input, deps, { text: conversationEn.clinicContact(deps.protocol) });
    // Asked while "when was your treatment?" is open: the number, then the question again.
    if (pending?.kind === 'treatmentDate') {
      const ask = pending.newTreatment ? en.askNewTreatmentDate() : en.askTreatmentDate();
      return reply(input, { text: `${said.text} ${ask.text}`, reprompt: ask.reprompt }, { pending, deferred });
    }
    return answer(input, said.text);
  },
});
