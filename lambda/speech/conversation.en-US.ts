import type { Protocol } from '../protocol/types';
import { clinicName, clinicPhone } from './clinic';
import { join, sentence } from './phrasing';
import type { Speech } from './types';

import { WHAT_NEXT } from './prompts.en-US';
/** The three things most worth saying to this skill, offered after two misses. */
const THREE_THINGS = 'You can say: what should I do today, can I wear makeup, or when is my next session.';
const THREE_DATES = 'You can say a day like yesterday, last Friday, or November 20th.';

const name = (p: Protocol) => clinicName(p.clinic) ?? 'your clinic';
/** "call Bright Skin at 555-0100" — or the clinic alone while its phone is still a placeholder. */
const callThem = (p: Protocol) => {
  const phone = clinicPhone(p.clinic);
  return phone ? `call ${name(p)} at ${phone}` : `call ${name(p)}`;
};

/** The conversation's own sentences (thanks, "I don't know", the clinic's number, two misses): no care facts. */
export const conversationEn = {
  welcome: (): string => "You're welcome. Take good care of your skin. Goodbye!",
  welcomeThenAsk: (ask: Speech): Speech => ({ text: `You're welcome. ${ask.text}`, reprompt: ask.reprompt }),

  /** "I don't know" to "when was your treatment?": the clinic has the date. */
  dontKnowDate: (p: Protocol): Speech => ({
    text: join(
      `That's okay. Your clinic has the date of your treatment: ${callThem(p)}.`,
      `When you know it, just tell me the day. ${THREE_DATES}`,
    ),
    reprompt: `When was your treatment? ${THREE_DATES}`,
  }),
  dontKnow: (): Speech => ({ text: `That's okay. ${THREE_THINGS} ${WHAT_NEXT}`, reprompt: THREE_THINGS }),

  /** The clinic's number (clinic data), and the emergency line. */
  clinicContact: (p: Protocol): string => {
    const phone = clinicPhone(p.clinic);
    const reach = phone
      ? `You can reach ${name(p)} at ${phone}.`
      : "Your clinic's phone number isn't set up in this skill yet; please use the number on your aftercare sheet.";
    return `${reach} If it's an emergency, call ${p.clinic.emergencyLine}.`;
  },

  /** Nothing understood twice in a row: the three most useful things to say, and the clinic. */
  fallbackTwice: (p: Protocol): Speech => ({
    text: `Sorry, I still didn't understand. ${THREE_THINGS} If you're worried about your skin, ${callThem(p)}.`,
    reprompt: `${THREE_THINGS} Or ${callThem(p)}.`,
  }),
  fallbackTwiceAwaitingDate: (p: Protocol): Speech => ({
    text: `Sorry, I still didn't catch a day. ${THREE_DATES} If you don't know the date, ${callThem(p)}.`,
    reprompt: `When was your treatment? ${THREE_DATES} Or ${callThem(p)}.`,
  }),

  /** The article's own sentence for how long something is normal, and the clinic if it lasts or worries. */
  howLong: (articleText: string, p: Protocol): string => join(sentence(articleText), `If it lasts longer or worries you, ${callThem(p)}.`),
  fromDay: (day: number, articleText: string): string => sentence(`From day ${day}, ${articleText}`),
  askClinic: (topic: string, p: Protocol): string => `Your clinic's aftercare doesn't say about ${topic}; please ${callThem(p)}.`,
};
