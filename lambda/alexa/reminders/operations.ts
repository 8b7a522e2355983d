import type { HandlerInput } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { reminderPlan, upcomingEntries, type LocalNow, type ReminderEntry } from '../../domain/reminderPlan';
import { mergeConcurrent, planCancel, planSync, planTokens, recordAfter, withConsent, withoutConsent, type PlanRecord, type SyncWork } from '../../domain/reminderSync';
import { createRemindersClient, deadlineIn, type ReminderFailure, type ReminderRequestBody } from '../../services/remindersClient';
import { reminderText } from '../../speech/reminders.en-US';
import type { Profile } from '../../store/types';
import type { SkillDeps } from '../deps';
import { apiAccess } from '../request';
import { executeWork } from './execute';
import type { ReminderUser } from './reminderUser';

/**
 * The reminder operations behind the dialogue: make the alerts match the plan, cancel them, and keep
 * the record (tokens by entry) in the profile. Only the `reminders` field is ever written here, after
 * the treatment date is safely stored — a failed reminder call can never cost the patient their date.
 */

/**
 * Time for all reminder calls of one request. With the profile read (≤ ~1.5 s, in parallel with the
 * settings call) and the record written afterwards, the answer stays well inside Alexa's 8 seconds.
 */
export const REMINDERS_BUDGET_MS = 4000;

/** Every entry of the plan for the user's treatment at `time`. */
export const planFor = (deps: SkillDeps, user: ReminderUser, time: ClockTime): ReminderEntry[] => reminderPlan(deps.protocol, user.treatment, time);

/** The Reminders API body for one entry: local time without offset, and the device's zone. */
export function reminderBody(deps: SkillDeps, entry: ReminderEntry, zone: string, now: LocalNow): ReminderRequestBody {
  return {
    requestTime: `${now.date}T${now.time}:00.000`,
    trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: `${entry.date}T${entry.time}:00.000`, timeZoneId: zone },
    alertInfo: { spokenInfo: { content: [{ locale: deps.protocol.locale, text: reminderText(entry, deps.protocol) }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

export interface SyncReport {
  readonly time: ClockTime;
  /** Upcoming entries that have an alert now. */
  readonly set: readonly ReminderEntry[];
  /** Upcoming entries still without one. */
  readonly missing: readonly ReminderEntry[];
  readonly created: number;
  readonly moved: number;
  readonly failure?: ReminderFailure;
  /** False when the alerts changed but the profile could not note them (the store failed). */
  readonly recorded?: boolean;
}

/** Makes the alerts match the plan at `time`: deletes stale ones, moves, creates only what is missing. */
export async function syncPlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser, time: ClockTime): Promise<SyncReport> {
  const entries = planFor(deps, user, time);
  const upcoming = upcomingEntries(entries, user.now);
  if (!user.zoneKnown) {
    // Alerts carry a local time and a zone; with only a guessed zone they could ring hours off. The
    // consent stays recorded, so the plan is completed once the zone is known.
    deps.log.warn('reminders_not_synced', { reason: 'zoneUnknown' });
    return { time, set: [], missing: upcoming, created: 0, moved: 0, failure: 'zoneUnknown', recorded: true };
  }
  const previous = user.profile.reminders;
  const work = planSync(previous, user.treatment, time, entries, user.now);
  const { results, failure } = await run(input, deps, user, work);
  const record = recordAfter(work, results, { time, forTreatment: user.treatment, upcomingKeys: upcoming.map((e) => e.key) }, previous);
  const recorded = await saveRecord(deps, user, record);
  const tokens = planTokens(record, user.treatment);
  return {
    time,
    set: upcoming.filter((e) => tokens[e.key] !== undefined),
    missing: upcoming.filter((e) => tokens[e.key] === undefined),
    created: results.created.size,
    moved: results.moved.size,
    failure,
    recorded,
  };
}

export interface CancelReport {
  /** Alerts of the plan that existed before. */
  readonly total: number;
  readonly cancelled: number;
  /** Delete calls that succeeded, stale leftovers of an earlier cancel included. */
  readonly deleted: number;
  readonly failure?: ReminderFailure;
}

/**
 * Deletes every alert we made; whatever could not be deleted is kept as stale, to delete next time. A
 * plan whose work was interrupted may have alerts we never recorded (made just before the store
 * failed): those are found in Alexa's list by their words, time and age, and deleted too.
 */
export async function cancelPlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser, previous: PlanRecord | undefined = user.profile.reminders): Promise<CancelReport> {
  const unrecorded = interruptedEntries(deps, user, previous);
  const work = { ...planCancel(previous), unrecorded };
  const recorded = upcomingWithTokens(deps, user, previous).length;
  if (work.deletes.length === 0 && unrecorded.length === 0) {
    await saveRecord(deps, user, undefined, previous);
    return { total: recorded, cancelled: recorded, deleted: 0 };
  }
  const { results, failure, found } = await run(input, deps, user, work, previous?.since);
  // Found alerts that could not be deleted are recorded now (as stale), so the next cancel gets them.
  const record = recordAfter({ ...work, deletes: [...work.deletes, ...found] }, results, undefined, previous);
  await saveRecord(deps, user, record, previous);
  const surviving = new Set(Object.values(record?.tokens ?? {}));
  const before = planTokens(previous, user.treatment);
  const total = recorded + found.length;
  const left =
    upcomingWithTokens(deps, user, previous).filter((e) => surviving.has(before[e.key] ?? '')).length + found.filter((t) => !results.deleted.has(t)).length;
  return { total, cancelled: total - left, deleted: results.deleted.size, failure };
}

/** Upcoming entries of an interrupted plan (agreed, unfinished, this treatment) that have no recorded alert. */
function interruptedEntries(deps: SkillDeps, user: ReminderUser, record: PlanRecord | undefined): ReminderEntry[] {
  if (record?.since === undefined) return [];
  return upcomingWithoutTokens(deps, user, record);
}

/** The upcoming entries of an unfinished plan for this treatment (`incomplete`) that still have no alert. */
export function upcomingWithoutTokens(deps: SkillDeps, user: ReminderUser, record: PlanRecord | undefined = user.profile.reminders): ReminderEntry[] {
  if (!record?.incomplete || record.forTreatment !== user.treatment) return [];
  const tokens = planTokens(record, user.treatment);
  return upcomingEntries(planFor(deps, user, record.time as ClockTime), user.now).filter((e) => tokens[e.key] === undefined);
}

/** The upcoming entries of the current plan that have an alert. */
export function upcomingWithTokens(deps: SkillDeps, user: ReminderUser, record: PlanRecord | undefined = user.profile.reminders): ReminderEntry[] {
  const tokens = planTokens(record, user.treatment);
  if (!record || Object.keys(tokens).length === 0) return [];
  return upcomingEntries(planFor(deps, user, record.time as ClockTime), user.now).filter((e) => tokens[e.key] !== undefined);
}

/** The patient agreed, but the calls must wait (no permission yet): remember the wanted plan. */
export async function rememberConsent(deps: SkillDeps, user: ReminderUser, time: ClockTime): Promise<ReminderUser> {
  const record = withConsent(user.profile.reminders, user.treatment, time, deps.clock().toISOString());
  await saveRecord(deps, user, record);
  return { ...user, profile: { ...user.profile, reminders: record } };
}

/** The patient declined the permission: nothing waits any more. */
export async function dropConsent(deps: SkillDeps, user: ReminderUser): Promise<void> {
  await saveRecord(deps, user, withoutConsent(user.profile.reminders));
}

async function run(input: HandlerInput, deps: SkillDeps, user: ReminderUser, work: SyncWork, since = user.profile.reminders?.since) {
  const access = apiAccess(input);
  if (!access.apiEndpoint || !access.apiAccessToken) {
    return { results: { deleted: new Set<string>(), moved: new Set<string>(), created: new Map<string, string>() }, failure: 'noPermission' as const, found: [] };
  }
  const client = createRemindersClient({
    apiEndpoint: access.apiEndpoint,
    apiAccessToken: access.apiAccessToken,
    callTimeoutMs: deps.config.serviceTimeoutMs,
    deadline: deadlineIn(REMINDERS_BUDGET_MS),
  });
  const started = Date.now();
  const execution = await executeWork(client, work, (entry) => reminderBody(deps, entry, user.zone, user.now), deps.log, since);
  deps.log.info('reminders_synced', { ms: Date.now() - started, count: execution.results.created.size, reason: execution.failure });
  return execution;
}

/**
 * Writes only `reminders`, onto whatever the profile is now: another device may have written since, so
 * its alerts are merged in (`mergeConcurrent`; `before` is the record this run started from). A profile
 * deleted meanwhile stays deleted. If the write fails the alerts still exist; the next run finds them
 * in Alexa's list and adopts them instead of creating them twice.
 */
async function saveRecord(deps: SkillDeps, user: ReminderUser, record: PlanRecord | undefined, before: PlanRecord | undefined = user.profile.reminders): Promise<boolean> {
  try {
    await deps.store.update(user.key, (current) => {
      if (!current) return undefined;
      const merged = mergeConcurrent(record, before, current.reminders);
      return !merged && !current.reminders ? undefined : withReminders(current, merged);
    });
    return true;
  } catch (e) {
    deps.log.error('reminders_not_recorded', { error: e instanceof Error ? e.name : 'Error' });
    return false;
  }
}

export function withReminders(profile: Profile, record: PlanRecord | undefined): Profile {
  const { reminders: _dropped, ...rest } = profile;
  void _dropped;
  return record ? { ...rest, reminders: record } : rest;
}
