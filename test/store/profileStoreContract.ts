import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../lambda/domain/calendar';
import { CorruptProfileError } from '../../lambda/store/codec';
import { accountIndexId, personItemId } from '../../lambda/store/keys';
import { StoreUnavailableError, type Profile, type ProfileKey, type ProfileStore } from '../../lambda/store/types';

/** The behaviour every ProfileStore must show; run against DynamoDB (dynalite) and the memory store. */
export interface StoreUnderTest {
  readonly store: ProfileStore;
  /** Writes an item as the table would hold it, bypassing the codec. */
  putRaw(item: Record<string, unknown>): Promise<void>;
  getRaw(id: string): Promise<Record<string, unknown> | undefined>;
}

/** Stores under test are built with this clock and retention. */
export const FIXED_NOW = new Date('2026-11-25T15:00:00Z');
export const RETENTION_DAYS = 180;

const d = (text: string) => text as IsoDate;
export const newUserId = () => `amzn1.ask.account.TEST-${randomUUID()}`;
const setDate =
  (date: string) =>
  (current: Profile | undefined): Profile => ({
    ...current,
    history: current?.treatmentDate ? [current.treatmentDate, ...current.history] : (current?.history ?? []),
    treatmentDate: d(date),
  });

export function profileStoreContract(subject: () => StoreUnderTest): void {
  it('round-trips a profile and counts versions; a change returning undefined writes nothing', async () => {
    const { store } = subject();
    const key = { userId: newUserId() };
    expect(await store.load(key)).toBeUndefined();
    const profile: Profile = {
      treatmentDate: d('2026-11-20'),
      history: [d('2026-10-01'), d('2026-08-15')],
      timeZone: 'Europe/Berlin',
      reminders: { time: '08:30', forTreatment: d('2026-11-20'), tokens: { 'day-3': 'tok-1' }, incomplete: false },
    };
    expect(await store.update(key, () => profile)).toEqual({ profile, version: 1 });
    expect(await store.load(key)).toEqual({ profile, version: 1 });
    const second = await store.update(key, (p) => ({ ...p!, timeZone: 'America/Chicago' }));
    expect(second).toEqual({ profile: { ...profile, timeZone: 'America/Chicago' }, version: 2 });
    expect(await store.update(key, () => undefined)).toEqual(second);
    expect(await store.update({ userId: newUserId() }, () => undefined)).toBeUndefined();
  });

  it('stores only the profile fields, with the record bookkeeping, and no Amazon id in clear', async () => {
    const { store, getRaw } = subject();
    const key = { userId: newUserId(), personId: `amzn1.ask.person.${randomUUID()}` };
    const extra = { history: [], treatmentDate: d('2026-11-20'), email: 'a@b.c' } as Profile;
    await store.update(key, () => extra);
    const raw = await getRaw(personItemId(key));
    expect(Object.keys(raw ?? {}).sort()).toEqual(['expiresAt', 'history', 'id', 'schemaVersion', 'treatmentDate', 'updatedAt', 'version']);
    expect(JSON.stringify(raw)).not.toContain(key.userId);
    expect(JSON.stringify(raw)).not.toContain(key.personId);
    expect(raw?.updatedAt).toBe(FIXED_NOW.toISOString());
  });

  it('sets expiresAt to the end of (latest treatment + retention days), UTC', async () => {
    const { store, getRaw } = subject();
    const key = { userId: newUserId() };
    await store.update(key, () => ({ treatmentDate: d('2026-11-20'), history: [d('2026-06-01')] }));
    // 2026-11-20 + 180 days = 2027-05-19; the item may go once that day is over.
    expect((await getRaw(personItemId(key)))?.expiresAt).toBe(Date.parse('2027-05-19T23:59:59Z') / 1000);
    const noDate = { userId: newUserId() };
    await store.update(noDate, () => ({ history: [], timeZone: 'Europe/Paris' }));
    expect((await getRaw(personItemId(noDate)))?.expiresAt).toBe(FIXED_NOW.getTime() / 1000 + RETENTION_DAYS * 86_400);
  });

  it('keeps a record at least a day, even for a treatment older than the retention', async () => {
    const { store, getRaw } = subject();
    const key = { userId: newUserId() };
    await store.update(key, () => ({ treatmentDate: d('2025-01-10'), history: [] }));
    expect((await getRaw(personItemId(key)))?.expiresAt).toBe(FIXED_NOW.getTime() / 1000 + 86_400);
    expect((await store.load(key))?.profile.treatmentDate).toBe('2025-01-10');
  });

  it('an item past its expiry reads as gone (TTL deletes late), and a new date is written over it', async () => {
    const { store, putRaw, getRaw } = subject();
    const key = { userId: newUserId() };
    const expired = FIXED_NOW.getTime() / 1000 - 60;
    await putRaw({ id: personItemId(key), schemaVersion: 1, version: 3, history: [], treatmentDate: '2026-01-01', expiresAt: expired });
    expect(await store.load(key)).toBeUndefined();
    let seen: unknown = 'not called';
    await store.update(key, (current) => {
      seen = current;
      return { treatmentDate: d('2026-11-20'), history: [] };
    });
    expect(seen).toBeUndefined();
    expect(await store.load(key)).toMatchObject({ version: 4, profile: { treatmentDate: '2026-11-20', history: [] } });
    expect((await getRaw(personItemId(key)))?.expiresAt).toBeGreaterThan(FIXED_NOW.getTime() / 1000);
  });

  describe('refuses corrupt records and never overwrites them', () => {
    const corrupt: [string, Record<string, unknown>][] = [
      ['a newer schemaVersion', { schemaVersion: 2, version: 1, history: [], treatmentDate: '2026-11-20' }],
      ['no schemaVersion', { version: 1, history: [] }],
      ['an impossible treatmentDate', { schemaVersion: 1, version: 1, history: [], treatmentDate: '2026-02-30' }],
      ['a treatmentDate that is not a string', { schemaVersion: 1, version: 1, history: [], treatmentDate: 20261120 }],
      ['no version', { schemaVersion: 1, history: [], treatmentDate: '2026-11-20' }],
    ];
    it.each(corrupt)('%s', async (_name, fields) => {
      const { store, putRaw, getRaw } = subject();
      const key = { userId: newUserId() };
      const item = { id: personItemId(key), ...fields };
      await putRaw(item);
      const loading = store.load(key);
      await expect(loading).rejects.toBeInstanceOf(CorruptProfileError);
      await expect(loading).rejects.toBeInstanceOf(StoreUnavailableError);
      const change = jest.fn(() => ({ history: [], treatmentDate: d('2026-11-21') }));
      await expect(store.update(key, change)).rejects.toBeInstanceOf(CorruptProfileError);
      expect(change).not.toHaveBeenCalled();
      expect(await getRaw(item.id)).toEqual(item);
    });
  });

  it('drops damaged optional parts instead of failing', async () => {
    const { store, putRaw } = subject();
    const key = { userId: newUserId() };
    await putRaw({
      id: personItemId(key),
      schemaVersion: 1,
      version: 3,
      treatmentDate: '2026-11-20',
      history: ['2026-10-01', 'yesterday', 42, '2026-13-01'],
      timeZone: 42,
      reminders: { time: '25:00', forTreatment: '2026-11-20', tokens: {}, incomplete: false },
    });
    expect(await store.load(key)).toEqual({ profile: { treatmentDate: '2026-11-20', history: ['2026-10-01'] }, version: 3 });
  });

  it('keeps two accounts and two voice profiles apart: nobody reads another one’s profile', async () => {
    const { store } = subject();
    const [userA, userB] = [newUserId(), newUserId()];
    const keys: ProfileKey[] = [
      { userId: userA },
      { userId: userA, personId: 'amzn1.ask.person.ONE' },
      { userId: userA, personId: 'amzn1.ask.person.TWO' },
      { userId: userB },
      { userId: userB, personId: 'amzn1.ask.person.ONE' },
    ];
    expect(new Set(keys.map(personItemId)).size).toBe(keys.length);
    expect(keys.map(personItemId)).not.toContain(accountIndexId(userA));
    const dates = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
    await Promise.all(keys.map((key, i) => store.update(key, setDate(dates[i]!))));
    for (const [i, key] of keys.entries()) expect((await store.load(key))?.profile.treatmentDate).toBe(dates[i]);
  });

  it('loses none of 10 parallel updates to one profile', async () => {
    // Every update appends its own date to the history. Without the conditional write (`#v = :expected`,
    // or the version check in the memory store) several updates read the same version and the last
    // write wins: the final history then misses dates and this test fails (tried: only 1 or 2 of the 10 dates survive).
    const { store } = subject();
    const key = { userId: newUserId(), personId: 'amzn1.ask.person.PARALLEL' };
    const dates = Array.from({ length: 10 }, (_, i) => d(`2026-10-${String(i + 10)}`));
    await Promise.all(dates.map((date) => store.update(key, (p) => ({ history: [date, ...(p?.history ?? [])] }))));
    const stored = await store.load(key);
    expect([...(stored?.profile.history ?? [])].sort()).toEqual(dates);
    expect(stored?.version).toBe(10);
  });

  it('deleteAccount removes the account and all its voice profiles, and nothing of another account', async () => {
    const { store, getRaw } = subject();
    const [userA, userB] = [newUserId(), newUserId()];
    const ofA: ProfileKey[] = [{ userId: userA }, { userId: userA, personId: 'p-one' }, { userId: userA, personId: 'p-two' }];
    const ofB: ProfileKey[] = [{ userId: userB }, { userId: userB, personId: 'p-one' }];
    await Promise.all([...ofA, ...ofB].map((key) => store.update(key, setDate('2026-11-20'))));
    await store.deleteAccount(userA);
    for (const key of ofA) expect(await store.load(key)).toBeUndefined();
    for (const key of ofB) expect((await store.load(key))?.profile.treatmentDate).toBe('2026-11-20');
    expect(await getRaw(accountIndexId(userA))).toBeUndefined();
    await expect(store.deleteAccount(newUserId())).resolves.toBeUndefined();
  });

  it('delete removes one person and leaves the others', async () => {
    const { store } = subject();
    const userId = newUserId();
    const [account, one, two] = [{ userId }, { userId, personId: 'p-one' }, { userId, personId: 'p-two' }];
    await Promise.all([account, one, two].map((key) => store.update(key, setDate('2026-11-20'))));
    await store.delete(one);
    expect(await store.load(one)).toBeUndefined();
    expect(await store.load(two)).toBeDefined();
    expect(await store.load(account)).toBeDefined();
    await store.delete(account);
    expect(await store.load(account)).toBeUndefined();
    expect(await store.load(two)).toBeDefined();
  });

  it("loadAccount returns the account's own profile and every voice profile, and no one else's", async () => {
    const { store } = subject();
    const userId = newUserId();
    const mom = { userId, personId: 'amzn1.ask.person.MOM' };
    const daughter = { userId, personId: 'amzn1.ask.person.DAUGHTER' };
    await store.update({ userId }, setDate('2026-11-01'));
    await store.update(mom, setDate('2026-11-20'));
    await store.update(daughter, setDate('2026-11-21'));
    await store.update({ userId: newUserId(), personId: 'amzn1.ask.person.MOM' }, setDate('2026-11-22'));
    const all = await store.loadAccount(userId);
    expect([...all.keys()].sort()).toEqual([personItemId({ userId }), personItemId(mom), personItemId(daughter)].sort());
    expect(all.get(personItemId(mom))?.treatmentDate).toBe('2026-11-20');
    expect((await store.loadAccount(newUserId())).size).toBe(0);
  });

  it('a lease is held by one claimant at a time, per person, until released or expired', async () => {
    const { store } = subject();
    const userId = newUserId();
    const mom = { userId, personId: 'amzn1.ask.person.MOM' };
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.acquireLease(mom, 60_000)));
    const winners = claims.filter((c): c is string => c !== undefined);
    expect(winners).toHaveLength(1);
    expect(await store.acquireLease({ userId }, 60_000)).toBeDefined(); // another person's reminders
    await store.releaseLease(mom, 'not-the-owner');
    expect(await store.acquireLease(mom, 60_000)).toBeUndefined();
    await store.releaseLease(mom, winners[0] as string);
    const expiring = await store.acquireLease(mom, -1);
    expect(expiring).toBeDefined();
    expect(await store.acquireLease(mom, 60_000)).toBeDefined();
  });
}
