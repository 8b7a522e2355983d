import type { ActivityStatus } from '../domain/care';
import type { QuestionKind } from '../domain/meaning';
import type { Activity } from '../protocol/types';
import { fullDate } from './dates';
import { factSentence, unconfirmed } from './en-US';
import { agree, join, sentence } from './phrasing';

/**
 * The words of a question answered in its kind (answers/question decides): the yes or no a "do I still
 * need" or a "can I stop" gets before the care itself, never a care fact of their own.
 */
export const meaningEn = {
  /** Care the article encourages every day (moisturizer, sunscreen and a hat). */
  encouraged: (a: Activity, kind: QuestionKind): string => {
    const care = factSentence(a.onceAllowed);
    switch (kind) {
      case 'need':
        return join('Yes.', care);
      case 'canStop':
        return join('No, keep it up.', care);
      case 'howLong':
        return join('Always.', care);
      case 'whenCanI':
        return join("You already can: it's always encouraged.", care);
      default:
        return join('Yes, always.', care);
    }
  },

  /** The sun: the article's words every time; "can I stop" / "do I still need" get their no or yes first. */
  limit: (said: string, kind: QuestionKind): string =>
    kind === 'canStop' ? join('No.', said) : kind === 'need' ? join('Yes.', said) : said,

  /** "Do I still have to wait for makeup?" once it is fine: that the wait is over — never a bare "No". */
  waitOver: (s: ActivityStatus): string =>
    join(
      `The wait is over: ${agree(s.activity.shortName, 'has', 'have')} been fine since ${fullDate(s.firstFreeDate)}, day ${s.firstFreeDay}.`,
      unconfirmed(s.activity),
      factSentence(s.activity.onceAllowed),
    ),

  /** "This weekend is days 6 to 7." */
  spanLead: (span: string, first: number, last: number): string => sentence(`${span} is days ${first} to ${last}`),
};
