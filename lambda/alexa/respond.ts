import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { en, type Speech } from '../speech/en-US';
import { toSsml } from '../speech/ssml';
import { withScreen, type Screen } from './apl/render';
import { wasDisclaimed } from './disclaimer';
import { readSession, writeSession, type DeferredQuestion, type Pending } from './session';
import { voiceTag } from './voice';

export interface ReplyOptions {
  /** Close the session after speaking (one-shot answers, goodbyes). */
  readonly end?: boolean;
  /** The question now awaiting an answer, if any. */
  readonly pending?: Pending;
  readonly deferred?: DeferredQuestion;
  /** Turns in a row not understood, this one included (only the fallback counts; any other reply resets it). */
  readonly misses?: number;
  /** What an Echo Show shows with the words (nothing on a device without a screen). */
  readonly screen?: Screen;
}

/** A one-shot ("Alexa, ask microneedling care can I wear makeup") gets its answer and closes. */
export function isOneShot(input: HandlerInput): boolean {
  return input.requestEnvelope?.session?.new === true && input.requestEnvelope.request?.type === 'IntentRequest';
}

/**
 * Builds every response: SSML through one escaper, a re-prompt whenever the session stays open, and
 * the words kept in the session for "repeat that".
 */
export function reply(input: HandlerInput, speech: Speech, opts: ReplyOptions = {}): Response {
  const end = opts.end === true;
  const reprompt = speech.reprompt ?? en.whatNext;
  const rb = input.responseBuilder.speak(toSsml(speech.text));
  if (speech.card) rb.withSimpleCard(speech.card.title, speech.card.content);
  withScreen(input, opts.screen);
  if (end) {
    rb.withShouldEndSession(true);
  } else {
    rb.reprompt(toSsml(reprompt));
    writeSession(input, {
      pending: opts.pending && { ...opts.pending, who: opts.pending.who ?? voiceTag(input) },
      deferred: opts.deferred,
      last: { text: speech.text, reprompt },
      disclaimed: wasDisclaimed(input) || undefined,
      misses: opts.misses,
    });
  }
  return rb.getResponse();
}

/** An answer to a question: closes a one-shot, else stays open and invites the next question. */
export function answer(input: HandlerInput, text: string, card?: Speech['card'], screen?: Screen): Response {
  if (isOneShot(input)) return reply(input, { text, card }, { end: true, screen });
  return reply(input, { text: `${text} ${en.whatNext}`, reprompt: en.whatNext, card }, { screen });
}

export { readSession };
