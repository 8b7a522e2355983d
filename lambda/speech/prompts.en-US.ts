/** Phrases more than one topic of the catalogue says. */
export const WHAT_NEXT = 'What else would you like to know?';
export const ASK_DATE = 'When was your treatment? You can say a day, like yesterday or last Friday.';
