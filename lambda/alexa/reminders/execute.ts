import type { ReminderEntry } from '../../domain/reminderPlan';
import type { SyncResults, SyncWork } from '../../domain/reminderSync';
import type { Logger } from '../../log';
import {
  RemindersApiError,
  type ListedReminder,
  type ReminderFailure,
  type ReminderRequestBody,
  type RemindersClient,
} from '../../services/remindersClient';

/**
 * Runs one SyncWork against the Reminders API: clean-ups first, then moves, then creates (soonest first),
 * a few calls at a time. It stops starting calls when a failure says more calls cannot help (no
 * permission, unsupported device, limit reached) or would only pile up (throttled, slow, out of time),
 * and always reports exactly what happened, so the caller can record it.
 */
export interface Execution {
  readonly results: SyncResults;
  /** Unrecorded alerts found in Alexa's list for `work.unrecorded` (also in `deletes` when removed). */
  readonly found: readonly string[];
  /** Why it stopped or what last went wrong; undefined when every call succeeded. */
  readonly failure?: ReminderFailure;
}

/** Small: enough to stay well inside the time budget, few enough not to trip Alexa's rate limits. */
const CONCURRENCY = 3;

const STOPS_EVERYTHING: ReadonlySet<ReminderFailure> = new Set([
  'noPermission',
  'deviceUnsupported',
  'limitReached',
  'unavailable',
  'timeout',
  'outOfTime',
]);

/**
 * What may be adopted from Alexa's list (the whole account's alerts): nothing unless this plan's
 * unfinished work began at a known instant (`since`) and the account's other records are known.
 */
export interface Adoption {
  /** Alexa's list, read once at the start of the run; undefined when it could not be read. */
  readonly listed?: readonly ListedReminder[];
  /** The instant this plan's unfinished creates began: only alerts made since are candidates. */
  readonly since?: string;
  /** Tokens the account's other voice profiles (or the account itself) have recorded: never ours. Undefined: unknown, adopt nothing. */
  readonly others?: ReadonlySet<string>;
}

export async function executeWork(
  client: RemindersClient,
  work: SyncWork,
  bodyFor: (entry: ReminderEntry) => ReminderRequestBody,
  log: Logger,
  adoption: Adoption = {},
): Promise<Execution> {
  const deleted = new Set<string>();
  const moved = new Set<string>();
  const created = new Map<string, string>();
  let failure: ReminderFailure | undefined;
  let stopped = false;

  const fail = (e: unknown, op: string): void => {
    const f: ReminderFailure = e instanceof RemindersApiError ? e.failure : 'unavailable';
    log.warn('reminder_call_failed', { reason: `${op}:${f}`, status: e instanceof RemindersApiError ? e.status : undefined });
    if (!stopped) failure = f;
    if (STOPS_EVERYTHING.has(f)) stopped = true;
  };

  // An interrupted plan's alerts that never made it into our record: found by what they say and when.
  const found = work.unrecorded?.length ? findUnrecorded(adoption, work.unrecorded, bodyFor, new Set(work.deletes)) : [];
  await inPool(
    [...work.deletes, ...found],
    () => stopped,
    async (token) => {
      try {
        await client.remove(token);
        deleted.add(token);
      } catch (e) {
        fail(e, 'delete');
      }
    },
  );

  // A move whose alert has vanished (deleted in the Alexa app) becomes a fresh create.
  const recreate: ReminderEntry[] = [];
  await inPool(
    work.moves,
    () => stopped,
    async ({ entry, token }) => {
      try {
        await client.update(token, bodyFor(entry));
        moved.add(entry.key);
      } catch (e) {
        if (e instanceof RemindersApiError && e.failure === 'notFound') {
          deleted.add(token);
          recreate.push(entry);
        } else {
          fail(e, 'update');
        }
      }
    },
  );

  const creates = [...work.creates, ...recreate].sort((a, b) => a.day - b.day);
  if (creates.length > 0 && !stopped) {
    const known = new Set([...Object.values(work.keep), ...work.moves.map((m) => m.token)]);
    const pending = adoptExisting(adoption, creates, bodyFor, known, created);
    await inPool(
      pending,
      () => stopped,
      async (entry) => {
        try {
          created.set(entry.key, await client.create(bodyFor(entry)));
        } catch (e) {
          fail(e, 'create');
        }
      },
    );
  }
  return { results: { deleted, moved, created }, failure, found };
}

/**
 * Before creating, look for alerts that already exist for an entry — made by an earlier run whose
 * answer never arrived (a timeout after Alexa had created it) or whose record was never saved.
 * Adopting them is what makes "asking twice" safe even then. Only alerts this plan can prove it made
 * qualify (see matchListed). Returns the entries still to create.
 */
function adoptExisting(
  adoption: Adoption,
  creates: readonly ReminderEntry[],
  bodyFor: (entry: ReminderEntry) => ReminderRequestBody,
  known: Set<string>,
  created: Map<string, string>,
): ReminderEntry[] {
  const matches = matchListed(adoption, creates, bodyFor, known);
  for (const [key, token] of matches) created.set(key, token);
  return creates.filter((entry) => !matches.has(entry.key));
}

/** The tokens of alerts made for `entries` by this plan's interrupted work that nobody recorded. */
function findUnrecorded(
  adoption: Adoption,
  entries: readonly ReminderEntry[],
  bodyFor: (entry: ReminderEntry) => ReminderRequestBody,
  known: Set<string>,
): string[] {
  return [...matchListed(adoption, entries, bodyFor, known).values()];
}

/** Alexa's list for the run; 'stop' when permission says no more calls can help, undefined when it just failed. */
export async function listForRun(client: RemindersClient): Promise<ListedReminder[] | 'noPermission' | 'deviceUnsupported' | undefined> {
  try {
    return await client.list();
  } catch (e) {
    if (e instanceof RemindersApiError && (e.failure === 'noPermission' || e.failure === 'deviceUnsupported')) return e.failure;
    return undefined;
  }
}

/**
 * Entry key → token of a listed alert that is provably that entry's: same minute, same words, not
 * already known, recorded by none of the account's other profiles, and made since this plan's
 * unfinished work began (less a few minutes for clock skew). The list is the whole account's, and
 * another voice profile's identical plan must stay theirs: without `since` or without knowing the other
 * records, nothing is adopted.
 */
function matchListed(
  adoption: Adoption,
  entries: readonly ReminderEntry[],
  bodyFor: (entry: ReminderEntry) => ReminderRequestBody,
  known: Set<string>,
): Map<string, string> {
  const matches = new Map<string, string>();
  const { listed, since, others } = adoption;
  if (!listed || since === undefined || !others) return matches;
  const notBefore = Date.parse(since) - CLOCK_SKEW_MS;
  const ours = (r: ListedReminder) => !others.has(r.alertToken) && r.createdTime !== undefined && Date.parse(r.createdTime) >= notBefore;
  for (const entry of entries) {
    const body = bodyFor(entry);
    const minute = body.trigger.scheduledTime.slice(0, 16);
    const match = listed.find(
      (r) =>
        !known.has(r.alertToken) &&
        ours(r) &&
        r.status !== 'COMPLETED' &&
        r.scheduledTime?.slice(0, 16) === minute &&
        r.text === body.alertInfo.spokenInfo.content[0]?.text,
    );
    if (match) {
      known.add(match.alertToken);
      matches.set(entry.key, match.alertToken);
    }
  }
  return matches;
}

/** Alexa's clock and ours may disagree a little; an alert made just before `since` is still ours. */
const CLOCK_SKEW_MS = 60 * 1000;

async function inPool<T>(items: readonly T[], stop: () => boolean, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
