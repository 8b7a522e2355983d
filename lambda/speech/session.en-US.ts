import type { Protocol } from '../protocol/types';
import { join } from './phrasing';
import type { Speech } from './types';
import { clinicName, clinicPhone } from './clinic';
import { ASK_DATE, WHAT_NEXT } from './prompts.en-US';

/** The session itself: help, goodbye, fallbacks, errors, forgetting the patient. */
export const sessionEn = {
  help: (): Speech => ({
    text: 'I tell you what to do on each day of your microneedling recovery. Try: what should I do today, can I wear makeup, when can I take ibuprofen, what about tomorrow, or when is my next session. You can also say: remind me every morning. What would you like to know?',
    reprompt: WHAT_NEXT,
  }),
  helpNoDate: (): Speech => ({
    text: `I tell you what to do on each day of your microneedling recovery, once I know your treatment date. ${ASK_DATE}`,
    reprompt: 'When did you have your microneedling treatment?',
  }),
  goodbye: (): string => 'Take good care of your skin. Goodbye!',
  cancelledNothingSaved: (): string => "Okay, I haven't saved anything. Goodbye!",
  fallback: (p: Protocol): Speech => ({
    text: join(
      "Sorry, I can't help with that.",
      `If you're worried about your skin, call ${clinicName(p.clinic) ?? 'your clinic'}${clinicPhone(p.clinic) ? ` at ${clinicPhone(p.clinic)}` : ''}.`,
      'You can ask what to do today, or whether you can wear makeup. What would you like to know?',
    ),
    reprompt: WHAT_NEXT,
  }),
  fallbackAwaitingDate: (): Speech => ({
    text: "Sorry, I didn't catch a day. When was your treatment? For example, say last Friday.",
    reprompt: 'Which day was your treatment?',
  }),
  fallbackAwaitingYesNo: (): Speech => ({ text: 'Sorry, please say yes or no.', reprompt: 'Please say yes or no.' }),
  noQuestionPending: (): Speech => ({
    text: "Sorry, I wasn't asking anything just now. You can ask what to do today. What would you like to know?",
    reprompt: WHAT_NEXT,
  }),
  nothingToRepeat: (): Speech => ({ text: "I haven't said anything yet. What would you like to know?", reprompt: WHAT_NEXT }),

  storeDown: (): Speech => ({
    text: "Sorry, I can't reach your saved details right now. Please try again in a minute.",
    reprompt: 'Please ask me again in a moment.',
  }),
  error: (): Speech => ({
    text: 'Sorry, something went wrong on my side. Please try again.',
    reprompt: 'What would you like to know?',
  }),

  confirmForget: (): Speech => ({
    text: 'Do you want me to delete your treatment dates, your reminders and everything else I keep for you? Say yes to delete, or no to keep them.',
    reprompt: 'Should I delete everything I keep for you? Yes or no?',
  }),
  forgotten: (): string => "Done. I've deleted everything I kept for you. If you come back, just tell me your treatment date. Goodbye!",
  keptData: (): Speech => ({ text: "Okay, I've kept everything. What would you like to know?", reprompt: WHAT_NEXT }),
  nothingToForget: (): string => "I don't have anything saved for you. Goodbye!",
};
