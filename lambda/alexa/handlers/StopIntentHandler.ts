import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';

/** Stop, Cancel and Navigate Home all end the session; an unconfirmed date is dropped and we say so. */
export const stopIntentHandler = (): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle(input) {
    const unsaved = readSession(input).pending?.kind === 'confirmDate';
    return reply(input, { text: unsaved ? en.cancelledNothingSaved() : en.goodbye() }, { end: true });
  },
});
