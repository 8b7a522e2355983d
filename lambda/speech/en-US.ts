import { careEn } from './care.en-US';
import { dateTalkEn } from './dateTalk.en-US';
import { sessionEn } from './session.en-US';

export type { Speech, Timing } from './types';
export { BRIEFING_SECONDS, factSentence, limitAnswer, notCoveredSentence, unconfirmed } from './care.en-US';

/**
 * The skill's en-US catalogue, one object for the doors: each topic keeps its sentences in its own file
 * (dateTalk, care, session; reminders, safety, conversation and the add-on's are separate catalogues).
 */
export const en = { ...dateTalkEn, ...careEn, ...sessionEn } as const;
