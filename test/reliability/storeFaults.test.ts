import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDelayingProxy, startThrottlingDynamo } from '../../tools/faults';
import { localDynamoStore, startLocalDynamo } from '../../tools/localDynamo';
import { createDynamoStore } from '../../lambda/store/dynamoStore';
import { skillDisabledEvent } from '../../tools/envelope';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

/**
 * The store failing under a real client: stopped, slow (a delaying TCP proxy) and throttling (a stand-in
 * answering DynamoDB's throttling error). The patient hears an apology and a request to try again —
 * never "I don't know your date" — inside Alexa's 8 seconds, and what was stored is still there.
 */
const MORNING = '2026-11-25T16:00:00Z';
const ALEXA_LIMIT_MS = 8000;
const APOLOGY = "can't reach your saved details right now";
const NOT_A_NEW_USER = /don't know your treatment date|When was your treatment/;
/**
 * Deadlines shrunk tenfold (the store's 3 s to 300 ms), and the faults with them, so no test waits on
 * the real seconds; test/store/storeFaults.test.ts keeps the SDK's real timeouts.
 */
const STORE_DEADLINE_MS = 300;
const SLOW_MS = 1000;
const SHORT = { storeDeadlineMs: STORE_DEADLINE_MS };

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const localStoreAt = (endpoint: string, tableName: string, deadlineMs = STORE_DEADLINE_MS) =>
  createDynamoStore({
    endpoint,
    tableName,
    region: 'us-east-1',
    retentionDays: 180,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    deadlineMs,
  });

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await run();
  return { value, ms: Date.now() - start };
}

async function storedPatient(userId: string): Promise<void> {
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [], timeZone: 'America/Los_Angeles' }));
}

/** Runs `use` with the harness's table reached through a delaying TCP proxy (`delayMs` each way). */
async function withSlowStore(
  delayMs: number,
  use: (store: ReturnType<typeof localStoreAt>) => Promise<void>,
  deadlineMs?: number,
): Promise<void> {
  const proxy = await startDelayingProxy(Number(new URL(h.dynamoEndpoint).port), delayMs);
  try {
    await use(localStoreAt(proxy.endpoint, h.tableName, deadlineMs));
  } finally {
    await proxy.stop();
  }
}

test('store stopped: an apology within 8 s, and the date is all there once it is back', async () => {
  const path = mkdtempSync(join(tmpdir(), 'dynalite-'));
  const first = await startLocalDynamo({ path });
  const store = await localDynamoStore(first.endpoint, 'care');
  const userId = 'amzn1.ask.account.STOPPED';
  await store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [] }));
  await first.stop();

  const down = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store: localStoreAt(first.endpoint, 'care') }) });
  for (const line of [
    'ask microneedling care what day am I on',
    'open microneedling care',
    'ask microneedling care to set my treatment date to yesterday',
  ]) {
    const { value: turn, ms } = await timed(() => down.say(line));
    expect(turn.speech).toContain(APOLOGY);
    expect(turn.speech).not.toMatch(NOT_A_NEW_USER);
    expect(ms).toBeLessThan(ALEXA_LIMIT_MS);
  }

  const again = await startLocalDynamo({ path, port: first.port });
  try {
    const back = await localDynamoStore(again.endpoint, 'care');
    expect((await back.load({ userId }))?.profile.treatmentDate).toBe('2026-11-20');
    const up = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store: localStoreAt(again.endpoint, 'care') }) });
    expect((await up.say('ask microneedling care what day am I on')).speech).toContain('Today is day 6');
  } finally {
    await again.stop();
  }
});

test('store slower than its deadline each way: an apology at the deadline, and a date change is not half-written', async () => {
  const userId = 'amzn1.ask.account.SLOW';
  await storedPatient(userId);
  await withSlowStore(SLOW_MS, async (store) => {
    const slow = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store, config: SHORT }) });
    for (const line of ['ask microneedling care can I wear makeup', 'ask microneedling care I had another treatment today']) {
      const { value: turn, ms } = await timed(() => slow.say(line));
      expect(turn.speech).toContain(APOLOGY);
      expect(ms).toBeLessThan(SLOW_MS);
    }
  });
  expect((await h.store.load({ userId }))?.profile).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test('store throttling: an apology quickly, with a bounded number of calls, and nothing overwritten', async () => {
  const userId = 'amzn1.ask.account.THROTTLED';
  await storedPatient(userId);
  const throttling = await startThrottlingDynamo();
  try {
    const throttled = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store: localStoreAt(throttling.endpoint, h.tableName) }) });
    const { value: turn, ms } = await timed(() => throttled.say('ask microneedling care my treatment was yesterday'));
    expect(turn.speech).toContain(APOLOGY);
    expect(ms).toBeLessThan(ALEXA_LIMIT_MS);
    expect(throttling.requests).toBeLessThanOrEqual(2);
  } finally {
    await throttling.stop();
  }
  expect((await h.store.load({ userId }))?.profile.treatmentDate).toBe('2026-11-20');
});

test('the apology keeps the session open, so the patient can simply ask again', async () => {
  const userId = 'amzn1.ask.account.RETRY';
  await storedPatient(userId);
  const throttling = await startThrottlingDynamo();
  try {
    const patient = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store: localStoreAt(throttling.endpoint, h.tableName) }) });
    await patient.say('open microneedling care');
    expect(patient.sessionOpen).toBe(true);
    expect(patient.lastTurn?.reprompt).toContain('ask me again');
  } finally {
    await throttling.stop();
  }
});

test('a slow write of a changed device zone does not hold up the answer, and loses nothing', async () => {
  // The delaying proxy cannot slow writes but not reads, so the write is slowed at the store's edge:
  // the real dynalite store underneath, its update started 1 s late, against a zone-write budget of 100 ms.
  const userId = 'amzn1.ask.account.SLOWZONE';
  await storedPatient(userId);
  const slowWrites = {
    ...h.store,
    update: async (...args: Parameters<typeof h.store.update>) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      return h.store.update(...args);
    },
  };
  const moved = talk(h, {
    userId,
    zone: 'Europe/Berlin',
    at: MORNING,
    invoke: h.skillWith({ store: slowWrites, config: { zoneWriteBudgetMs: 100 } }),
  });
  const { value: turn, ms } = await timed(() => moved.say('ask microneedling care what day am I on'));
  expect(turn.speech).toContain('Today is day 6');
  expect(ms).toBeLessThan(SLOW_MS); // the budget, not the slow write
  await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 200));
  expect((await h.store.load({ userId }))?.profile).toMatchObject({ treatmentDate: '2026-11-20', timeZone: 'Europe/Berlin' });
});

test('skill disabled while the store is down: the invocation fails (never a silent success), and a second delivery deletes', async () => {
  const path = mkdtempSync(join(tmpdir(), 'dynalite-'));
  const first = await startLocalDynamo({ path });
  const store = await localDynamoStore(first.endpoint, 'care');
  const userId = 'amzn1.ask.account.DISABLEDDOWN';
  await store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [] }));
  await store.update({ userId, personId: 'amzn1.ask.person.P1' }, () => ({ treatmentDate: '2026-11-18' as never, history: [] }));
  await first.stop();

  const event = skillDisabledEvent({ userId });
  const started = Date.now();
  await expect(h.skillWith({ store: localStoreAt(first.endpoint, 'care'), config: SHORT })(event)).rejects.toThrow(
    'the account could not be deleted',
  );
  expect(Date.now() - started).toBeLessThan(ALEXA_LIMIT_MS);

  const again = await startLocalDynamo({ path, port: first.port });
  try {
    const back = await localDynamoStore(again.endpoint, 'care');
    expect((await back.load({ userId }))?.profile.treatmentDate).toBe('2026-11-20');
    await h.skillWith({ store: localStoreAt(again.endpoint, 'care'), config: SHORT })(event);
    expect(await back.load({ userId })).toBeUndefined();
    expect(await back.load({ userId, personId: 'amzn1.ask.person.P1' })).toBeUndefined();
  } finally {
    await again.stop();
  }
});

test('the net under every deadline: whatever is still pending, the patient hears an answer at answerDeadlineMs', async () => {
  // The parts' own deadlines (3 s store, 4 s reminders…) can add up; the skill answers by its
  // answer deadline regardless. Shrunk here to 800 ms against a store slowed to 1 s each way.
  const userId = 'amzn1.ask.account.NET';
  await storedPatient(userId);
  await withSlowStore(
    1000,
    async (store) => {
      const slow = talk(h, { userId, at: MORNING, invoke: h.skillWith({ store, config: { answerDeadlineMs: 800 } }) });
      const { value: turn, ms } = await timed(() => slow.say('open microneedling care'));
      expect(turn.speech).toContain("that's taking me too long");
      expect(turn.sessionEnded).toBe(false);
      expect(ms).toBeLessThan(1500);
    },
    3000,
  ); // the store's own deadline longer than the net, as in production
  expect((await h.store.load({ userId }))?.profile).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test("skill disabled while the store hangs: retried inside the Lambda's 7 s, then the invocation fails (the answer net is only for speech)", async () => {
  const userId = 'amzn1.ask.account.DISABLEDSLOW';
  await storedPatient(userId);
  await withSlowStore(SLOW_MS, async (store) => {
    const started = Date.now();
    // An answer net shorter than the retries: it must not turn the failed deletion into a spoken answer.
    const disabled = h.skillWith({ store, config: { ...SHORT, answerDeadlineMs: 400 } });
    await expect(disabled(skillDisabledEvent({ userId }))).rejects.toThrow('the account could not be deleted');
    expect(Date.now() - started).toBeLessThan(7000);
  });
  expect((await h.store.load({ userId }))?.profile.treatmentDate).toBe('2026-11-20');
});
