import type { HandlerInput } from 'ask-sdk-core';
import type { IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { fetchDeviceTimeZone } from '../services/timeZone';
import { localDate } from '../services/zoneClock';
import type { Profile, ProfileKey, StoredProfile } from '../store/types';
import type { SkillDeps } from './deps';
import { apiAccess, profileKey, requestInstant } from './request';

/** The patient as this request sees them: their stored profile and their own "today". */
export interface UserView {
  readonly key: ProfileKey | undefined;
  readonly stored: StoredProfile | undefined;
  readonly profile: Profile | undefined;
  /** The device's zone from the settings API, when it answered. */
  readonly deviceZone: string | undefined;
  readonly zone: string;
  readonly today: IsoDate;
  /** Today's recovery day, when a treatment date is stored. */
  readonly day: number | undefined;
}

const CACHE = 'userView';

/**
 * Loads the profile and asks the settings API for the device's zone at the same time (independent
 * calls, so the slower one sets the latency, not their sum). Zone: device, else the one saved with the
 * profile, else DEFAULT_TIME_ZONE. Throws StoreUnavailableError when the store cannot answer.
 */
export async function loadUser(input: HandlerInput, deps: SkillDeps): Promise<UserView> {
  const cache = input.attributesManager.getRequestAttributes();
  const cached = cache[CACHE] as UserView | undefined;
  if (cached) return cached;

  const key = profileKey(input);
  const [deviceZone, stored] = await Promise.all([
    fetchDeviceTimeZone(apiAccess(input), deps.config.serviceTimeoutMs),
    key ? deps.store.load(key) : Promise.resolve(undefined),
  ]);
  const profile = stored?.profile;
  const zone = deviceZone ?? profile?.timeZone ?? deps.config.defaultTimeZone;
  const today = localDate(requestInstant(input) ?? deps.clock(), zone);
  const view: UserView = {
    key,
    stored,
    profile,
    deviceZone,
    zone,
    today,
    day: profile?.treatmentDate ? dayNumber(profile.treatmentDate, today) : undefined,
  };
  cache[CACHE] = view;
  return view;
}

/** Drops the cached view after a write, so a later read in the same request sees it. */
export function forgetUserView(input: HandlerInput): void {
  delete input.attributesManager.getRequestAttributes()[CACHE];
}
