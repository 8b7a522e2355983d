import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/** "Repeat that" — says the last answer again, keeping whatever question was open. */
export const repeatIntentHandler = (): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.RepeatIntent'),
  handle(input) {
    const { last, pending, deferred } = readSession(input);
    if (!last) return reply(input, en.nothingToRepeat());
    return reply(input, { text: last.text, reprompt: last.reprompt }, { pending, deferred });
  },
});
