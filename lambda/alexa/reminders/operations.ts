import type { HandlerInput } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { isAhead, reminderPlan, upcomingEntries, type ReminderEntry } from '../../domain/reminderPlan';
import {
  hasActivePlan,
  mergeConcurrent,
  planCancel,
  planSync,
  planTokens,
  recordAfter,
  withConsent,
  withoutConsent,
  type PlanRecord,
  type SyncResults,
  type SyncWork,
} from '../../domain/reminderSync';
import { deadlineIn, type ReminderFailure } from '../../services/remindersClient';
import type { Profile } from '../../store/types';
import type { SkillDeps } from '../deps';
import { emptyResults, openSession, othersTokens, underLease } from './remindersSession';
import type { ReminderUser } from './reminderUser';

/**
 * The reminder operations behind the dialogue: make the alerts match the plan, cancel them, and keep
 * the record (tokens by entry) in the profile. Only the `reminders` field is ever written here, after
 * the treatment date is safely stored — a failed reminder call can never cost the patient their date.
 */

/** Every entry of the plan for the user's treatment at `time`. */
export const planFor = (deps: SkillDeps, user: ReminderUser, time: ClockTime): ReminderEntry[] =>
  reminderPlan(deps.protocol, user.treatment, time);

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
  /** What happened to today's reminder, when the time asked for has already passed today or today's already rang. */
  readonly today?: TodayFate;
}

/**
 * Today's reminder when the plan's time and "now" cross (see planSync): removed (the new time has
 * passed, the old one had not), still set at the old time (that removal failed), already rung at the
 * old time (the new time is still ahead), or none at all (a plan set up at a time already past today).
 */
export type TodayFate = { readonly kind: 'removed' | 'stillSet' | 'rung'; readonly at: ClockTime } | { readonly kind: 'passed' };

function todayFate(
  work: SyncWork,
  results: SyncResults,
  previous: PlanRecord | undefined,
  entries: readonly ReminderEntry[],
  user: ReminderUser,
  time: ClockTime,
): TodayFate | undefined {
  const at = (previous?.time ?? time) as ClockTime;
  if (work.droppedToday) return { kind: results.deleted.has(work.droppedToday.token) ? 'removed' : 'stillSet', at };
  if (work.rungToday) return { kind: 'rung', at };
  const today = entries.find((e) => e.date === user.now.date);
  const hasToday = today !== undefined && planTokens(previous, user.treatment)[today.key] !== undefined;
  return today && !hasToday && !isAhead(today.date, time, user.now) ? { kind: 'passed' } : undefined;
}

/**
 * Makes the alerts match the plan at `time`: deletes stale ones, moves, creates only what is missing.
 * It runs under the person's reminders lease, from the record as stored now and as Alexa's own list
 * shows it, so concurrent requests take turns instead of moving the same alerts to different times.
 * The consent (the plan wanted, and when its creates began) is written before any create, so a run
 * cut short leaves a plan the next attempt completes, and the instant that tells its alerts apart.
 */
export async function syncPlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser, time: ClockTime): Promise<SyncReport> {
  const entries = planFor(deps, user, time);
  const upcoming = upcomingEntries(entries, user.now);
  const nothing = (failure: ReminderFailure, recorded = true): SyncReport => ({
    time,
    set: [],
    missing: upcoming,
    created: 0,
    moved: 0,
    failure,
    recorded,
  });
  if (!user.zoneKnown) {
    // Alerts carry a local time and a zone; with only a guessed zone they could ring hours off. The
    // consent is recorded, so the plan is completed once the zone is known.
    deps.log.warn('reminders_not_synced', { reason: 'zoneUnknown' });
    await rememberConsent(deps, user, time);
    return nothing('zoneUnknown');
  }
  const deadline = deadlineIn(deps.config.remindersBudgetMs);
  return underLease(
    deps,
    user,
    deadline,
    () => nothing('busy'),
    async (fresh) => {
      const session = await openSession(input, deps, fresh, deadline);
      const stored = fresh.profile.reminders;
      let previous = session.reconcile(stored);
      let work = planSync(previous, fresh.treatment, time, entries, fresh.now);
      if (work.creates.length > 0 || session.failure) {
        // Written ahead of the calls: the consent, and the instant this plan's creates began.
        const consented = withConsent(previous, fresh.treatment, time, deps.clock().toISOString());
        if (JSON.stringify(consented) !== JSON.stringify(previous) && (await saveRecord(deps, fresh, consented, stored))) {
          previous = consented;
          work = planSync(previous, fresh.treatment, time, entries, fresh.now);
        }
      }
      if (session.failure) return finish(deps, fresh, time, entries, work, emptyResults(), session.failure, previous, stored);
      const others = work.creates.length > 0 ? await othersTokens(deps, fresh) : undefined;
      const { results, failure } = await session.execute(work, { since: previous?.since, others });
      return finish(deps, fresh, time, entries, work, results, failure, previous, stored);
    },
  );
}

async function finish(
  deps: SkillDeps,
  user: ReminderUser,
  time: ClockTime,
  entries: readonly ReminderEntry[],
  work: SyncWork,
  results: SyncResults,
  failure: ReminderFailure | undefined,
  previous: PlanRecord | undefined,
  stored: PlanRecord | undefined,
): Promise<SyncReport> {
  const upcoming = upcomingEntries(entries, user.now);
  const record = recordAfter(work, results, { time, forTreatment: user.treatment, upcomingKeys: upcoming.map((e) => e.key) }, previous);
  const recorded = await saveRecord(deps, user, record, stored);
  const tokens = planTokens(record, user.treatment);
  const today = todayFate(work, results, previous, entries, user, time);
  // Today's alert that already rang is held, but will not ring again: not counted as one still to come.
  const ahead = upcoming.filter((e) => e !== work.rungToday);
  return {
    time,
    set: ahead.filter((e) => tokens[e.key] !== undefined),
    missing: ahead.filter((e) => tokens[e.key] === undefined),
    created: results.created.size,
    moved: results.moved.size,
    failure,
    recorded,
    ...(today && { today }),
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
 * Deletes every alert we made; whatever could not be deleted is kept as stale, to delete next time. The
 * count spoken is what Alexa's own list held, not what the record says. A plan whose work was
 * interrupted may have alerts we never recorded (made just before the store failed): those are found
 * in Alexa's list by their words, time and age, and deleted too.
 */
export async function cancelPlan(
  input: HandlerInput,
  deps: SkillDeps,
  user: ReminderUser,
  previous: PlanRecord | undefined = user.profile.reminders,
): Promise<CancelReport> {
  const deadline = deadlineIn(deps.config.remindersBudgetMs);
  const busy = (): CancelReport => {
    const total = upcomingWithTokens(deps, user, previous).length;
    return { total, cancelled: 0, deleted: 0, failure: 'busy' };
  };
  return underLease(deps, user, deadline, busy, async (fresh) => {
    // The record as stored now (another request may have changed it) — of the same plan: a plan made
    // meanwhile for another treatment date is not the one this cancel was asked for.
    const current = fresh.profile.reminders;
    const stored = current && current.forTreatment === previous?.forTreatment ? current : previous;
    const session = await openSession(input, deps, fresh, deadline);
    const record = session.reconcile(stored);
    const unrecorded = interruptedEntries(deps, fresh, record);
    const work = { ...planCancel(record), unrecorded };
    const recorded = upcomingWithTokens(deps, fresh, record).length;
    if (work.deletes.length === 0 && unrecorded.length === 0) {
      await saveRecord(deps, fresh, undefined, stored);
      return { total: recorded, cancelled: recorded, deleted: 0 };
    }
    if (session.failure) return { total: recorded, cancelled: 0, deleted: 0, failure: session.failure };
    const others = unrecorded.length > 0 ? await othersTokens(deps, fresh) : undefined;
    const { results, failure, found } = await session.execute(work, { since: record?.since, others });
    // Found alerts that could not be deleted are recorded now (as stale), so the next cancel gets them.
    const after = recordAfter({ ...work, deletes: [...work.deletes, ...found] }, results, undefined, record);
    await saveRecord(deps, fresh, after, stored);
    const surviving = new Set(Object.values(after?.tokens ?? {}));
    const before = planTokens(record, fresh.treatment);
    const total = recorded + found.length;
    const left =
      upcomingWithTokens(deps, fresh, record).filter((e) => surviving.has(before[e.key] ?? '')).length +
      found.filter((t) => !results.deleted.has(t)).length;
    return { total, cancelled: total - left, deleted: results.deleted.size, failure };
  });
}

/** The record as Alexa's own list shows it (the record alone when the list cannot be read), before anything is said about it. */
async function listedRecord(input: HandlerInput, deps: SkillDeps, user: ReminderUser): Promise<PlanRecord | undefined> {
  const session = await openSession(input, deps, user, deadlineIn(deps.config.remindersBudgetMs));
  return session.reconcile(user.profile.reminders);
}

/** The user with a plan's record reconciled with Alexa's list; as loaded when there is no plan to check. */
export async function withListedPlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser): Promise<ReminderUser> {
  if (!hasActivePlan(user.profile.reminders, user.treatment)) return user;
  const reminders = await listedRecord(input, deps, user);
  return { ...user, profile: withReminders(user.profile, reminders) };
}

/** The plan as Alexa lists it, for saying what is set: which of its alerts will ring at the plan's time. */
export interface ListedPlan {
  readonly user: ReminderUser;
  /**
   * Tokens of the plan that Alexa holds but will not ring at the plan's time: today's, which rang at
   * the old time before a move. They are not counted as reminders still to come.
   */
  readonly silent: ReadonlySet<string>;
}

export async function listedPlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser): Promise<ListedPlan> {
  if (!hasActivePlan(user.profile.reminders, user.treatment)) return { user, silent: new Set() };
  const session = await openSession(input, deps, user, deadlineIn(deps.config.remindersBudgetMs));
  const reminders = session.reconcile(user.profile.reminders);
  const listed = session.listed;
  const silent = new Set<string>();
  if (listed && reminders) {
    for (const token of Object.values(planTokens(reminders, user.treatment)))
      if (listed.has(token) && listed.get(token) !== reminders.time) silent.add(token);
  }
  return { user: { ...user, profile: withReminders(user.profile, reminders) }, silent };
}

/** Upcoming entries of an interrupted plan (agreed, unfinished, this treatment) that have no recorded alert. */
function interruptedEntries(deps: SkillDeps, user: ReminderUser, record: PlanRecord | undefined): ReminderEntry[] {
  if (record?.since === undefined) return [];
  return upcomingWithoutTokens(deps, user, record);
}

/** The upcoming entries of an unfinished plan for this treatment (`incomplete`) that still have no alert. */
export function upcomingWithoutTokens(
  deps: SkillDeps,
  user: ReminderUser,
  record: PlanRecord | undefined = user.profile.reminders,
): ReminderEntry[] {
  if (!record?.incomplete || record.forTreatment !== user.treatment) return [];
  const tokens = planTokens(record, user.treatment);
  return upcomingEntries(planFor(deps, user, record.time as ClockTime), user.now).filter((e) => tokens[e.key] === undefined);
}

/** The upcoming entries of the current plan that have an alert. */
export function upcomingWithTokens(
  deps: SkillDeps,
  user: ReminderUser,
  record: PlanRecord | undefined = user.profile.reminders,
): ReminderEntry[] {
  const tokens = planTokens(record, user.treatment);
  if (!record || Object.keys(tokens).length === 0) return [];
  return upcomingEntries(planFor(deps, user, record.time as ClockTime), user.now).filter((e) => tokens[e.key] !== undefined);
}

/** The patient agreed, but the calls must wait (no permission or no zone yet): remember the wanted plan. */
export async function rememberConsent(deps: SkillDeps, user: ReminderUser, time: ClockTime): Promise<ReminderUser> {
  const prior = user.profile.reminders;
  const { since: _unused, ...waiting } = withConsent(prior, user.treatment, time, deps.clock().toISOString());
  void _unused;
  // No call is made now, so no alert can be this plan's yet: its window opens when its creates begin
  // (syncPlan), unless an earlier attempt already opened one.
  const earlier = prior?.incomplete && prior.forTreatment === user.treatment ? prior.since : undefined;
  const record: PlanRecord = earlier ? { ...waiting, since: earlier } : waiting;
  await saveRecord(deps, user, record);
  return { ...user, profile: { ...user.profile, reminders: record } };
}

/** The patient declined the permission: nothing waits any more. */
export async function dropConsent(deps: SkillDeps, user: ReminderUser): Promise<void> {
  await saveRecord(deps, user, withoutConsent(user.profile.reminders));
}

/**
 * Writes only `reminders`, onto whatever the profile is now: another device may have written since, so
 * its alerts are merged in (`mergeConcurrent`; `before` is the record this run started from). A profile
 * deleted meanwhile stays deleted. If the write fails the alerts still exist; the next run finds them
 * in Alexa's list and adopts them instead of creating them twice.
 */
async function saveRecord(
  deps: SkillDeps,
  user: ReminderUser,
  record: PlanRecord | undefined,
  before: PlanRecord | undefined = user.profile.reminders,
): Promise<boolean> {
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
