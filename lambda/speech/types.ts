import type { ClockTime } from '../domain/clockTime';

/** What the skill says: plain text for speech (SSML is made in one place), a card, and the re-prompt. */
export interface Speech {
  readonly text: string;
  readonly reprompt?: string;
  readonly card?: { readonly title: string; readonly content: string };
}

/** The appointment's time of day (when the patient gave it) and the patient's local time now. */
export interface Timing {
  readonly appointment?: ClockTime;
  readonly now?: ClockTime;
}
