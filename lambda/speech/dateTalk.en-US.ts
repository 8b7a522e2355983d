import type { IsoDate } from '../domain/calendar';
import type { Protocol } from '../protocol/types';
import { fullDate, fullDateWithYear } from './dates';
import { join } from './phrasing';
import type { Speech } from './types';
import { clinicName } from './clinic';
import { ASK_DATE, WHAT_NEXT } from './prompts.en-US';

/** A treatment day read back: with its year when it is far enough back that the year could be wrong. */
const dayName = (date: IsoDate, withYear: boolean): string => (withYear ? fullDateWithYear(date) : fullDate(date));

/** The treatment date: asking for it, reading it back, confirming and saving it. */
export const dateTalkEn = {
  whatNext: WHAT_NEXT,

  welcomeNew: (p: Protocol): Speech => {
    const name = clinicName(p.clinic);
    return {
      text: join(`Welcome to ${name === undefined ? 'your microneedling aftercare' : `${name} aftercare`}.`, p.disclaimer, ASK_DATE),
      reprompt: 'When did you have your microneedling treatment?',
    };
  },

  askTreatmentDate: (): Speech => ({ text: ASK_DATE, reprompt: 'When did you have your microneedling treatment?' }),
  askNewTreatmentDate: (): Speech => ({
    text: 'When was your new treatment? You can say today, yesterday, or a date.',
    reprompt: 'When did you have your new microneedling treatment?',
  }),
  askExactDay: (): Speech => ({
    text: 'I need the exact day of your treatment. For example, say November 20th, or last Friday.',
    reprompt: 'Which day was your treatment?',
  }),
  notADate: (): Speech => ({
    text: "Sorry, that isn't a date I know. Which day was your treatment? For example, November 20th.",
    reprompt: 'Which day was your treatment?',
  }),
  futureDate: (date: IsoDate): Speech => ({
    text: `${fullDate(date)} is still to come, and I can only count from a treatment you've had. Which day was your treatment?`,
    reprompt: 'Which day was your treatment?',
  }),
  /** `withYear`: a day far enough back (about 11 months) that its year must be heard before it is kept. */
  confirmDate: (date: IsoDate, todayDay: number, withYear = false): Speech => ({
    text: `${dayName(date, withYear)}. That makes today day ${todayDay}. Is that right?`,
    reprompt: `Was your treatment on ${dayName(date, withYear)}? Please say yes or no.`,
  }),
  /** After a no: the next day the same words could have meant. */
  confirmNextDate: (date: IsoDate, todayDay: number, withYear = false): Speech => ({
    text: `Then was it ${dayName(date, withYear)}? That makes today day ${todayDay}.`,
    reprompt: `Was your treatment on ${dayName(date, withYear)}? Please say yes or no.`,
  }),
  /** A day more than two years back: not a recovery this aftercare follows, and likely a mishearing. */
  tooLongAgo: (date: IsoDate): Speech => ({
    text: `${fullDateWithYear(date)} is more than two years ago, and I can only follow the recovery from a recent treatment. Which day was your treatment?`,
    reprompt: 'Which day was your treatment?',
  }),
  /** Every day the words could have meant was turned down: the month settles it. */
  askMonthAndDay: (): Speech => ({
    text: 'Sorry about that. Which day was your treatment? Please tell me the month and the day, for example: October 3rd.',
    reprompt: 'Which month and day was your treatment?',
  }),
  dateSaved: (date: IsoDate, todayDay: number, newTreatment: boolean, withYear = false): string =>
    newTreatment
      ? `Got it: your new treatment was ${dayName(date, withYear)}, so today is ${todayDay === 1 ? 'day 1 again' : `day ${todayDay} of your new recovery`}. I've kept your earlier date too.`
      : `Got it: ${dayName(date, withYear)}. That makes today day ${todayDay}.`,
  /** A date told while one is stored and no date was asked for: never replaced without a yes. */
  confirmChange: (stored: IsoDate, date: IsoDate, todayDay: number, withYear = false): Speech => ({
    text: `Change your treatment date from ${fullDate(stored)} to ${dayName(date, withYear)}? That makes today day ${todayDay}.`,
    reprompt: `Should I change your treatment date to ${dayName(date, withYear)}? Please say yes or no.`,
  }),
  keptDate: (stored: IsoDate): Speech => ({
    text: `Okay, your treatment date stays ${fullDate(stored)}. What would you like to know?`,
    reprompt: 'What would you like to know?',
  }),
  newTreatmentNotAfter: (current: IsoDate): Speech => ({
    text: `Your current treatment was on ${fullDate(current)}, so a new one comes after it. When was your new treatment?`,
    reprompt: 'When was your new treatment?',
  }),
  /** The request ran out of time (a slow store or service); nothing the patient needs to redo is lost. */
  tooSlow: (): Speech => ({
    text: "Sorry, that's taking me too long right now. Please ask me again in a moment.",
    reprompt: 'Please ask me again.',
  }),
  /** A yes or no to a question asked of one voice, heard from another (or from none). */
  otherVoice: (): Speech => ({
    text: "Sorry, I'm not sure that answer came from the person I asked, so I haven't changed anything yet. If it was you, please say yes or no again.",
    reprompt: 'Please say yes or no.',
  }),
  alreadyThatDate: (date: IsoDate): string => `I already have ${fullDate(date)} as your treatment date, so nothing changes.`,
  afterDateSaved: (): string => 'You can ask what to do today, or whether you can wear makeup.',

  needDateFirst: (): Speech => ({
    text: `I don't know your treatment date yet. ${ASK_DATE}`,
    reprompt: 'When did you have your microneedling treatment?',
  }),

  /**
   * The day briefing: day, skin, what to do, what changes, what is still off limits with the day it is
   * fine again, and — every day of its window — the sun care in a few words.
   */
};
