import { decodeProfile, encodeProfile, isExpired, type ProfileRecord } from './codec';
import { randomUUID } from 'node:crypto';
import { accountIndexId, isVoiceProfile, leaseItemId, personItemId } from './keys';
import { VersionConflictError, type Profile, type ProfileStore, type StoredProfile } from './types';

export interface MemoryStoreOptions {
  readonly retentionDays?: number;
  readonly now?: () => Date;
}

export interface MemoryStore extends ProfileStore {
  /** The encoded records by item id, as DynamoDB would hold them; tests may plant damaged ones. */
  readonly records: Map<string, Record<string, unknown>>;
}

const MAX_UPDATE_TRIES = 5;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Random wait before retrying a lost race, growing with the attempt (same rule as the DynamoDB store). */
const conflictBackoffMs = (attempt: number, slowestTryMs: number): number =>
  Math.random() * Math.min(500, 2 ** (attempt + 1) * Math.max(10, slowestTryMs));
/** Stands in for the network between a read and a write, so concurrent updates really interleave. */
const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The ProfileStore in process: same keys, same codec, same version rule as the DynamoDB store.
 * For benchmarks and fast unit tests; nothing is shared between instances. Expired items read as gone,
 * as in the DynamoDB store (here nothing deletes them).
 */
export function createMemoryStore(opts: MemoryStoreOptions = {}): MemoryStore {
  const records = new Map<string, Record<string, unknown>>();
  const accountIndex = new Map<string, Set<string>>();
  const leases = new Map<string, { owner: string; until: number }>();
  const retentionDays = opts.retentionDays ?? 180;
  const now = opts.now ?? (() => new Date());

  /** The stored item's profile (version included), and whether it is still live (not expired). */
  const read = (id: string): { stored: StoredProfile; live: boolean } | undefined => {
    const item = records.get(id);
    return item && { stored: decodeProfile(item), live: !isExpired(item, now()) };
  };

  /** The conditional put: lands only on the version that was read (0 = nothing stored). */
  const putIfVersion = (record: ProfileRecord, expected: number): boolean => {
    const stored = records.get(record.id);
    if ((stored ? stored.version : 0) !== expected) return false;
    // JSON, like the DynamoDB marshaller with removeUndefinedValues: absent fields are not stored at all.
    records.set(record.id, JSON.parse(JSON.stringify(record)) as Record<string, unknown>);
    return true;
  };

  return {
    records,

    async load(key) {
      await roundTrip();
      const found = read(personItemId(key));
      return found?.live ? found.stored : undefined;
    },

    async update(key, change) {
      const id = personItemId(key);
      let slowestTryMs = 0;
      for (let attempt = 1; attempt <= MAX_UPDATE_TRIES; attempt++) {
        if (attempt > 1) await sleep(conflictBackoffMs(attempt, slowestTryMs));
        const tryStarted = Date.now();
        const current = read(id);
        const live = current?.live ? current.stored : undefined;
        const next = change(live?.profile);
        if (next === undefined) return live;
        const expected = current?.stored.version ?? 0;
        const record = encodeProfile(id, next, expected + 1, now(), retentionDays);
        if (isVoiceProfile(key)) {
          const indexId = accountIndexId(key.userId);
          accountIndex.set(indexId, (accountIndex.get(indexId) ?? new Set()).add(id));
        }
        await roundTrip();
        if (putIfVersion(record, expected)) return decodeProfile(record);
        slowestTryMs = Math.max(slowestTryMs, Date.now() - tryStarted);
      }
      throw new VersionConflictError(`profile changed concurrently ${MAX_UPDATE_TRIES} times`);
    },

    async delete(key) {
      await roundTrip();
      const id = personItemId(key);
      records.delete(id);
      accountIndex.get(accountIndexId(key.userId))?.delete(id);
    },

    async deleteAccount(userId) {
      await roundTrip();
      const indexId = accountIndexId(userId);
      for (const id of accountIndex.get(indexId) ?? []) records.delete(id);
      records.delete(personItemId({ userId }));
      accountIndex.delete(indexId);
    },

    async loadAccount(userId) {
      await roundTrip();
      const profiles = new Map<string, Profile>();
      for (const id of [personItemId({ userId }), ...(accountIndex.get(accountIndexId(userId)) ?? [])]) {
        const found = read(id);
        if (found?.live) profiles.set(id, found.stored.profile);
      }
      return profiles;
    },

    async acquireLease(key, ms) {
      await roundTrip();
      const id = leaseItemId(key);
      const held = leases.get(id);
      if (held && held.until > now().getTime()) return undefined;
      const owner = randomUUID();
      leases.set(id, { owner, until: now().getTime() + ms });
      return owner;
    },

    async releaseLease(key, lease) {
      await roundTrip();
      const id = leaseItemId(key);
      if (leases.get(id)?.owner === lease) leases.delete(id);
    },
  };
}
