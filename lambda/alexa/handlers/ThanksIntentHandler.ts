import type { RequestHandler } from 'ask-sdk-core';
import { conversationEn } from '../../speech/conversation.en-US';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/**
 * "Thank you" — a kind word back. With a question still open (the treatment date, a yes or no) the
 * question is asked again; otherwise the patient is done and the session closes.
 */
export const thanksIntentHandler = (): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ThanksIntent'),
  handle(input) {
    const { pending, deferred, last } = readSession(input);
    if (pending && last?.reprompt)
      return reply(input, conversationEn.welcomeThenAsk({ text: last.reprompt, reprompt: last.reprompt }), { pending, deferred });
    return reply(input, { text: conversationEn.welcome() }, { end: true });
  },
});
