/**
 * The clinic's care protocol, as data. Every care fact the skill speaks lives here, and every fact
 * names its source: the clinic's article (with the sentence it comes from) or the clinic's own reading,
 * which stays unreviewed — and blocks a deploy — until the clinic confirms it.
 */

/** Where a care fact comes from. */
export type Source =
  /** The article's own sentence(s), verbatim; several are joined with " … ". */
  | { readonly article: string; readonly supports?: Supports }
  /** The clinic's reading (what it rests on); `reviewedByClinic` false until the clinic confirms it. */
  | { readonly clinic: string; readonly reviewedByClinic: boolean; readonly supports?: Supports };

/**
 * The values a window's source vouches for, by the field beside it: `{ "avoidThroughDay": 2, "atLeastHours": 48 }`
 * for "Wait at least 48 hours…", or the values the clinic signed off. Once the field says something else,
 * the fact is the clinic's reading, unreviewed (facts.ts: sourceOf).
 */
export type Supports = Readonly<Record<string, number>>;

/** A care fact: the words the skill speaks, and where they come from. */
export interface Fact {
  readonly text: string;
  readonly source: Source;
}

export interface Phase {
  readonly id: string;
  readonly fromDay: number;
  /** Last day of the phase; absent for the open-ended final phase. */
  readonly toDay?: number;
  /** What the skin is doing. */
  readonly skin: Fact;
  /** What to do (may be empty: a limit's own line can say it, like the sun care of days 7–14). */
  readonly todo: readonly Fact[];
}

/** avoid: not at all until the window ends; limit: allowed with extra care until it ends; encouraged: always fine. */
export type ActivityKind = 'avoid' | 'limit' | 'encouraged';

export interface Activity {
  readonly id: string;
  /** How the activity is named in a sentence ("anti-inflammatory medicines, like ibuprofen, aspirin or naproxen"). */
  readonly name: string;
  /** A few words for lists ("no anti-inflammatories or ice until Thursday"); a plural ("saunas") is spoken with "are". */
  readonly shortName: string;
  readonly kind: ActivityKind;
  /** Everyday words and brand names a patient may say for it; the first is the slot value, the rest its synonyms. */
  readonly synonyms: readonly string[];
  /** Heard words the answer names as themselves ("no aspirin or other anti-inflammatories until…"). */
  readonly namedAsHeard?: readonly string[];
  /** Last day (1 = treatment day) of the restriction; 0 when there is none. */
  readonly avoidThroughDay: number;
  /**
   * The article's "at least": the restriction lasts this many hours from the appointment, so on its first
   * free day it ends at the appointment's time of day, never at midnight. Must be avoidThroughDay × 24.
   */
  readonly atLeastHours?: number;
  /** Where the window (avoidThroughDay, atLeastHours) comes from. */
  readonly source: Source;
  /** Why, while the restriction holds (for a limit: the extra care to take). Never about after it. */
  readonly whileAvoided?: Fact;
  /**
   * Advice once it is allowed, never about the wait. For a limit, the care that lasts after its window
   * (sun protection): a limit is never simply allowed. For an encouraged activity, what to do.
   */
  readonly onceAllowed?: Fact;
  /** For a limit: its care in a few words, said in every briefing of its window ("Until the 15th, extra sun care: a wide-brimmed hat…"). */
  readonly briefly?: Fact;
}

/** A question answered the same way on every day, recognized by words in it (a prescription, tanning). */
export interface FixedAnswer {
  readonly words: readonly string[];
  readonly answer: Fact;
}

/** What the article calls normal on some days; said only on those days, and only when nothing else worries. */
export interface NormalSymptom {
  readonly id: string;
  readonly fromDay: number;
  readonly toDay: number;
  readonly words: readonly string[];
  readonly answer: Fact;
}

export interface Symptoms {
  readonly normal: readonly NormalSymptom[];
  /** Words that always go to the clinic, whatever the day: the clinic's data, never a diagnosis. */
  readonly warningSigns: { readonly words: readonly string[]; readonly source: Source };
  /** Words that say the patient is worried: always the clinic. */
  readonly worryWords: readonly string[];
}

/** The clinic itself: kept in its own file (clinic.json) beside the protocol. */
export interface Clinic {
  readonly name: string;
  readonly phone: string;
  readonly emergencyLine: string;
  readonly privacyPolicyUrl: string;
  readonly termsOfUseUrl: string;
}

export interface Protocol {
  readonly schemaVersion: 2;
  readonly locale: string;
  /** From clinic.json, joined at load. */
  readonly clinic: Clinic;
  readonly disclaimer: string;
  readonly phases: readonly Phase[];
  readonly activities: readonly Activity[];
  readonly prescriptions: FixedAnswer;
  readonly tanning: FixedAnswer;
  /** "What SPF should I use?" */
  readonly sunscreen: Fact;
  /** "Can I stop wearing sunscreen?" */
  readonly keepSunscreen: Fact;
  readonly symptoms: Symptoms;
  readonly followUp: { readonly afterDays: number; readonly source: Source };
  readonly briefing: { readonly maxOffLimitsSpoken: number };
  /**
   * Topics the article does not rule on ("hot tubs", "chemical peels"): answered as such, with the clinic's
   * phone, never with a yes or a no borrowed from a rule about something else. The clinic's list to edit.
   */
  readonly notCovered?: readonly NotCoveredTopic[];
  /** Medicines a patient may take on prescription ("baby aspirin"): the rule, plus the doctor before stopping. */
  readonly prescribedToo?: FixedAnswer;
}

/** A topic the article is silent on: how it is named in a sentence (a plural noun phrase) and the words for it. */
export interface NotCoveredTopic {
  readonly name: string;
  readonly words: readonly string[];
}

/** One fact of a protocol, for the report, the deploy gate and the clinic studio. */
export interface ProtocolFact {
  /** Where it sits in the file: "activities[3].whileAvoided". */
  readonly path: string;
  /** The words spoken, or for a window how it reads ("makeup: avoid on days 1–2 (at least 48 hours)"). */
  readonly text: string;
  readonly source: Source;
  /** An article fact, or a clinic reading the clinic confirmed. */
  readonly reviewed: boolean;
}
