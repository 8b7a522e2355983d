import type { IsoDate } from '../domain/calendar';
import { fullDate } from '../speech/dates';

/**
 * The few words a screen adds around the answers' own sentences and facts: headings and the
 * "until … (day N)" of a date. No care fact lives here; those come from the protocol through the answers.
 */
export const screenEn = {
  dayTitle: (day: number): string => (day === 1 ? 'Day 1, your treatment day' : `Day ${day} of your recovery`),
  dayOnly: (day: number): string => `Day ${day}`,
  date: (date: IsoDate): string => fullDate(date),
  /** "until Friday, November 27th (day 8)": "until" names the first day it is fine again, as the speech does. */
  until: (date: IsoDate, day: number): string => `until ${fullDate(date)} (day ${day})`,
  from: (date: IsoDate, day: number): string => `from ${fullDate(date)} (day ${day})`,
  since: (date: IsoDate, day: number): string => `since ${fullDate(date)} (day ${day})`,
  throughDay: (date: IsoDate, day: number): string => `through ${fullDate(date)} (day ${day})`,
  skinHeading: 'Your skin',
  todoHeading: 'Do',
  offLimitsHeading: 'Not yet',
  sunHeading: 'Sun',
  fineAgainHeading: 'Fine again from today',
  followUpHeading: 'Next session',
  stripHeading: 'Days 1 to 35',
  reading: "the clinic's reading, not yet confirmed",
  touchHint: 'Touch one to hear it.',
  clinicHeading: 'Your clinic',
  emergency: 'Emergency',
  notYet: 'Not yet',
  fine: 'Fine',
  fineFromToday: 'Fine from today',
  extraCare: 'Extra care',
  always: 'Always',
  never: 'Never',
  askDoctor: 'Ask your doctor',
  symptomHeading: 'Symptoms',
  callClinic: 'Call your clinic',
  ifWorried: "If you're worried, call your clinic",
};

/** The headings of the day screen, sent with its data so the screens themselves hold no words. */
export const dayLabels = () => ({
  skin: screenEn.skinHeading,
  todo: screenEn.todoHeading,
  sun: screenEn.sunHeading,
  offLimits: screenEn.offLimitsHeading,
  touchHint: screenEn.touchHint,
  fineAgain: screenEn.fineAgainHeading,
  followUp: screenEn.followUpHeading,
  strip: screenEn.stripHeading,
});
