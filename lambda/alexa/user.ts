import type { HandlerInput } from 'ask-sdk-core';
import type { IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { fetchDeviceTimeZone } from '../services/timeZone';
import { localDate } from '../services/zoneClock';
import type { Profile, ProfileKey, StoredProfile } from '../store/types';
import type { SkillDeps } from './deps';
import { LATE, within } from './late';
import { apiAccess, profileKey, requestInstant } from './request';

/** The patient as this request sees them: their stored profile and their own "today". */
export interface UserView {
  readonly key: ProfileKey | undefined;
  readonly stored: StoredProfile | undefined;
  readonly profile: Profile | undefined;
  /** The device's zone from the settings API, when it answered. */
  readonly deviceZone: string | undefined;
  readonly zone: string;
  /** False when `zone` is only DEFAULT_TIME_ZONE: neither the device nor the profile said one. */
  readonly zoneKnown: boolean;
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
  const knownZone = deviceZone ?? profile?.timeZone;
  const zone = knownZone ?? deps.config.defaultTimeZone;
  const today = localDate(requestInstant(input) ?? deps.clock(), zone);
  const view: UserView = {
    key,
    stored,
    profile,
    deviceZone,
    zone,
    zoneKnown: knownZone !== undefined,
    today,
    day: profile?.treatmentDate ? dayNumber(profile.treatmentDate, today) : undefined,
  };
  if (key && profile && deviceZone && deviceZone !== profile.timeZone) await rememberZone(deps, key, deviceZone);
  cache[CACHE] = view;
  return view;
}

/**
 * The device now reports another zone (the patient moved, or it was never saved): keep it with the
 * profile, because requests without a device zone — the permission event, a settings API outage —
 * fall back to it. Only on a change, so a normal request writes nothing; a failure costs the answer
 * nothing (the next request tries again).
 */
async function rememberZone(deps: SkillDeps, key: ProfileKey, zone: string): Promise<void> {
  const write = deps.store.update(key, (current) => (current && current.timeZone !== zone ? { ...current, timeZone: zone } : undefined));
  try {
    // Never worth much of the 8 s: past the budget the answer goes on, and the write lands or not.
    if ((await within(write, deps.config.zoneWriteBudgetMs)) === LATE) deps.log.warn('zone_not_saved', { reason: 'late' });
  } catch (e) {
    deps.log.warn('zone_not_saved', { error: e instanceof Error ? e.name : 'UnknownError' });
  }
}

/** Drops the cached view after a write, so a later read in the same request sees it. */
export function forgetUserView(input: HandlerInput): void {
  delete input.attributesManager.getRequestAttributes()[CACHE];
}
