/** The clinic's care protocol, as data. Every number and phrase the skill speaks about care lives here. */
export interface Phase {
  readonly id: string;
  readonly fromDay: number;
  /** Last day of the phase; absent for the open-ended final phase. */
  readonly toDay?: number;
  /** What the skin is doing, spoken after "Today". */
  readonly skin: string;
  readonly todo: readonly string[];
  readonly source: string;
}

/** avoid: not at all until the window ends; limit: allowed with extra care until it ends; encouraged: always fine. */
export type ActivityKind = 'avoid' | 'limit' | 'encouraged';

export interface Activity {
  readonly id: string;
  /** How the activity is named in a sentence ("anti-inflammatory medicines like ibuprofen"). */
  readonly name: string;
  /** A few words for lists ("no ibuprofen or ice until Thursday"); a plural ("saunas") is spoken with "are". */
  readonly shortName: string;
  readonly kind: ActivityKind;
  /** Everyday words and brand names a patient may say for it; the first is the slot value, the rest its synonyms. */
  readonly synonyms: readonly string[];
  /** Last day (1 = treatment day) of the restriction; 0 when there is none. */
  readonly avoidThroughDay: number;
  /** Why, while the restriction holds (for a limit: the extra care to take). Never about after it. */
  readonly whileAvoided: string;
  /**
   * Advice once it is allowed, never about the wait. For a limit, the care that lasts after its window
   * ("…can ease, but keep minimizing direct sun"): a limit is never simply allowed.
   */
  readonly onceAllowed: string;
  readonly source: string;
  /** false marks a window that is our reading of the article, for the clinic to review first. */
  readonly reviewedByClinic: boolean;
}

export interface Protocol {
  readonly schemaVersion: 1;
  readonly locale: string;
  readonly clinic: { readonly name: string; readonly phone: string };
  readonly disclaimer: string;
  readonly phases: readonly Phase[];
  readonly activities: readonly Activity[];
  readonly followUp: { readonly afterDays: number; readonly source: string };
  readonly briefing: { readonly maxOffLimitsSpoken: number };
}
