import type { IsoDate } from '../domain/calendar';
import { StoreUnavailableError, VersionConflictError } from '../errors';

/** Who a profile belongs to: the recognized voice profile when Alexa knows the speaker, else the account. */
export interface ProfileKey {
  readonly userId: string;
  readonly personId?: string;
  /**
   * 'mcp': a patient of the Alexa+ add-on, `userId` being their token's issuer and subject. Kept in its own
   * key space, so no token subject can ever name an Alexa account's item or the other way round.
   */
  readonly space?: 'mcp';
}

/** Reminder state kept with the profile (issue 3): the alert tokens of the plan, so it can be managed later. */
export interface ReminderState {
  /** Local time "HH:MM" the patient chose. */
  readonly time: string;
  /** The treatment date the plan was built for; a new date replaces the plan. */
  readonly forTreatment: IsoDate;
  /** Alert tokens by plan entry key (e.g. "day-3", "milestone-makeup"), so retries never duplicate. */
  readonly tokens: Readonly<Record<string, string>>;
  /** true while some planned reminders could not be created. */
  readonly incomplete: boolean;
  /**
   * ISO instant the unfinished creates began. Alerts Alexa made before it are not this plan's to adopt
   * (the account's list also holds other voice profiles' alerts, with the same texts and times).
   */
  readonly since?: string;
}

/** What the skill stores about one patient: only what it needs. */
export interface Profile {
  /** The active treatment date (day 1). */
  readonly treatmentDate?: IsoDate;
  /** Earlier treatment dates, newest first. */
  readonly history: readonly IsoDate[];
  /** The device's IANA zone, last seen; the fallback when the settings API cannot answer. */
  readonly timeZone?: string;
  readonly reminders?: ReminderState;
  /**
   * The appointment's time of day ("HH:MM"), when the patient gave it, with the treatment date it
   * belongs to: the article's "at least 48 hours" ends at that time on day 3.
   */
  readonly appointment?: { readonly date: IsoDate; readonly time: string };
}

export interface StoredProfile {
  readonly profile: Profile;
  /** Optimistic-lock version; 0 means nothing is stored yet. */
  readonly version: number;
}

export { StoreUnavailableError, VersionConflictError };

export interface ProfileStore {
  /** The stored profile, or undefined when there is none. Throws StoreUnavailableError on failure. */
  load(key: ProfileKey): Promise<StoredProfile | undefined>;
  /**
   * Read-modify-write with a conditional write on the version; on a conflict it re-reads and applies
   * `change` again (bounded), so concurrent updates from two devices are never lost. `change` returning
   * undefined means "nothing to write". Returns what is stored afterwards.
   */
  update(key: ProfileKey, change: (current: Profile | undefined) => Profile | undefined): Promise<StoredProfile | undefined>;
  /** Deletes one person's profile. */
  delete(key: ProfileKey): Promise<void>;
  /** Deletes every profile of an account, voice profiles included (skill disabled). No scan. */
  deleteAccount(userId: string): Promise<void>;
  /**
   * Every live profile of the account — its own and its voice profiles' — by item id (see keys.ts), so a
   * plan can tell which of the account's alerts another person's record holds. No scan.
   */
  loadAccount(userId: string): Promise<ReadonlyMap<string, Profile>>;
  /**
   * A short exclusive claim on one person's reminders, so concurrent requests never move or create the
   * same alerts at once. Resolves with the claim's id, or undefined when someone else holds an unexpired one.
   */
  acquireLease(key: ProfileKey, ms: number): Promise<string | undefined>;
  /** Gives the claim back (only if it is still ours); an expired claim needs no release. */
  releaseLease(key: ProfileKey, lease: string): Promise<void>;
}
