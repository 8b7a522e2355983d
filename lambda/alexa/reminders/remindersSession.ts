import type { HandlerInput } from 'ask-sdk-core';
import type { ReminderEntry, LocalNow } from '../../domain/reminderPlan';
import { reconcile, type PlanRecord, type SyncResults, type SyncWork } from '../../domain/reminderSync';
import { createRemindersClient, type Deadline, type ReminderFailure, type ReminderRequestBody } from '../../services/remindersClient';
import { reminderText } from '../../speech/reminders.en-US';
import { personItemId } from '../../store/keys';
import type { SkillDeps } from '../deps';
import { apiAccess } from '../request';
import { executeWork, listForRun, type Adoption, type Execution } from './execute';
import type { ReminderUser } from './reminderUser';

/**
 * What every reminder operation runs within: the person's lease (one request at a time changes their
 * alerts), the profile as stored now, and one Reminders API session that reads Alexa's list first.
 */

/** The Reminders API body for one entry: local time without offset, and the device's zone. */
export function reminderBody(deps: SkillDeps, entry: ReminderEntry, zone: string, now: LocalNow): ReminderRequestBody {
  return {
    requestTime: `${now.date}T${now.time}:00.000`,
    trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: `${entry.date}T${entry.time}:00.000`, timeZoneId: zone },
    alertInfo: { spokenInfo: { content: [{ locale: deps.protocol.locale, text: reminderText(entry, deps.protocol) }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

export const emptyResults = (): SyncResults => ({
  deleted: new Set<string>(),
  moved: new Set<string>(),
  created: new Map<string, string>(),
});

/** The Reminders API for one operation: Alexa's list read once, the record reconciled with it, then the calls. */
export interface RemindersSession {
  /** Set when no call can help (no permission, device without reminders): nothing else is attempted. */
  readonly failure?: ReminderFailure;
  /** Alexa's list, read once: token → the "HH:MM" it rings at (undefined once rung). Undefined when unread. */
  readonly listed?: ReadonlyMap<string, string | undefined>;
  reconcile(record: PlanRecord | undefined): PlanRecord | undefined;
  execute(work: SyncWork, adoption: Omit<Adoption, 'listed'>): Promise<Execution>;
}

export async function openSession(input: HandlerInput, deps: SkillDeps, user: ReminderUser, deadline: Deadline): Promise<RemindersSession> {
  const access = apiAccess(input);
  if (!access.apiEndpoint || !access.apiAccessToken) {
    return {
      failure: 'noPermission',
      reconcile: (r) => r,
      execute: async () => ({ results: emptyResults(), failure: 'noPermission', found: [] }),
    };
  }
  const client = createRemindersClient({
    apiEndpoint: access.apiEndpoint,
    apiAccessToken: access.apiAccessToken,
    callTimeoutMs: deps.config.serviceTimeoutMs,
    deadline,
  });
  const listed = await listForRun(client);
  const failure = listed === 'noPermission' || listed === 'deviceUnsupported' ? listed : undefined;
  const alerts = Array.isArray(listed) ? listed : undefined;
  if (failure) deps.log.warn('reminder_call_failed', { reason: `list:${failure}` });
  const present =
    alerts && new Map(alerts.map((a) => [a.alertToken, a.status === 'COMPLETED' ? undefined : a.scheduledTime?.slice(11, 16)]));
  return {
    failure,
    ...(present && { listed: present }),
    reconcile: (record) => (present ? reconcile(record, present) : record),
    async execute(work, adoption) {
      const started = Date.now();
      const execution = await executeWork(client, work, (entry) => reminderBody(deps, entry, user.zone, user.now), deps.log, {
        ...adoption,
        listed: alerts,
      });
      deps.log.info('reminders_synced', { ms: Date.now() - started, count: execution.results.created.size, reason: execution.failure });
      return execution;
    },
  };
}

/** Tokens recorded by the account's other profiles; undefined when they cannot be read (then nothing is adopted). */
export async function othersTokens(deps: SkillDeps, user: ReminderUser): Promise<ReadonlySet<string> | undefined> {
  try {
    const profiles = await deps.store.loadAccount(user.key.userId);
    const own = personItemId(user.key);
    return new Set([...profiles].filter(([id]) => id !== own).flatMap(([, p]) => Object.values(p.reminders?.tokens ?? {})));
  } catch (e) {
    deps.log.warn('reminders_household_unread', { error: e instanceof Error ? e.name : 'Error' });
    return undefined;
  }
}

/** Longer than a Lambda can run, so a holder never loses it mid-run; a crashed holder's expires. */
const LEASE_MS = 8000;
/** Waits for a lease held by another request: about a second in all, then the patient hears so. */
const LEASE_WAITS_MS = [60, 120, 200, 300, 350];

/**
 * Runs `work` while holding the person's reminders lease, on the profile as stored now. When another
 * request holds it past the waits, `busy()` answers instead: nothing is changed. A store that cannot
 * grant a lease (down or too slow) fails the request before anything is changed.
 */
export async function underLease<T>(
  deps: SkillDeps,
  user: ReminderUser,
  deadline: Deadline,
  busy: () => T,
  work: (fresh: ReminderUser) => Promise<T>,
): Promise<T> {
  let lease: string | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      lease = await deps.store.acquireLease(user.key, LEASE_MS);
    } catch (e) {
      // A store too slow or down to grant the lease may still be granting it to others: changing alerts
      // without it is how parallel changes diverge. Nothing is changed; the patient hears the store failed.
      deps.log.warn('reminders_lease_unavailable', { error: e instanceof Error ? e.name : 'Error' });
      throw e;
    }
    if (lease) break;
    const wait = LEASE_WAITS_MS[attempt];
    if (wait === undefined || deadline.remainingMs() < wait + MIN_WORK_MS) {
      deps.log.warn('reminders_busy', { count: attempt + 1 });
      return busy();
    }
    await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
  }
  try {
    return await work(await reloaded(deps, user));
  } finally {
    // Given back before the answer, briefly waited for: a release that cannot land simply expires.
    const release = deps.store.releaseLease(user.key, lease).catch(() => deps.log.warn('reminders_lease_not_released'));
    await Promise.race([release, new Promise((resolve) => setTimeout(resolve, RELEASE_WAIT_MS).unref())]);
  }
}

const RELEASE_WAIT_MS = 300;

/** Time a holder needs at least to do anything useful with the lease. */
const MIN_WORK_MS = 1500;

/** The user with the profile as stored now (what the previous lease holder left); as loaded when it cannot be read. */
async function reloaded(deps: SkillDeps, user: ReminderUser): Promise<ReminderUser> {
  try {
    const stored = await deps.store.load(user.key);
    if (!stored) return user;
    return { ...user, profile: { ...stored.profile, treatmentDate: user.treatment } };
  } catch {
    return user;
  }
}
