import type { IsoDate } from '../../lambda/domain/calendar';
import { createDynamoStore, ensureTable } from '../../lambda/store/dynamoStore';
import { StoreUnavailableError, type ProfileStore } from '../../lambda/store/types';
import { startDelayingProxy, startThrottlingDynamo } from '../../tools/faults';
import { startLocalDynamo } from '../../tools/localDynamo';

/** Issue 5: a store that is down, slow or throttling is reported quickly as StoreUnavailableError. */
const TableName = 'care-fault-test';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const storeAt = (endpoint: string): ProfileStore =>
  createDynamoStore({ endpoint, region: 'us-east-1', credentials, tableName: TableName, retentionDays: 180 });
const userId = 'amzn1.ask.account.FAULTS';
const key = { userId, personId: 'amzn1.ask.person.FAULTS' };
const setDate = () => ({ history: [], treatmentDate: '2026-11-20' as IsoDate });

/** Runs `op`, expecting StoreUnavailableError without user ids in the message; returns the elapsed ms. */
async function expectUnavailable(op: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  const error = await op().then(
    () => undefined,
    (e: unknown) => e,
  );
  const elapsed = Date.now() - started;
  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect((error as Error).message).not.toContain(userId);
  expect((error as Error).message).not.toContain(key.personId);
  return elapsed;
}

const operations: [string, (store: ProfileStore) => Promise<unknown>][] = [
  ['load', (store) => store.load(key)],
  ['update', (store) => store.update(key, setDate)],
  ['delete', (store) => store.delete(key)],
  ['deleteAccount', (store) => store.deleteAccount(userId)],
];

describe('store stopped', () => {
  it.each(operations)('%s fails with StoreUnavailableError within 3.5 s', async (_name, op) => {
    const dynamo = await startLocalDynamo();
    await ensureTable({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials }, TableName);
    const store = storeAt(dynamo.endpoint);
    await store.update(key, setDate);
    await dynamo.stop();
    expect(await expectUnavailable(() => op(store))).toBeLessThan(3500);
  });
});

describe('store slow (every byte delayed past the deadline)', () => {
  it('load and update fail with StoreUnavailableError at the deadline, and work again once the link is fast', async () => {
    const dynamo = await startLocalDynamo();
    const proxy = await startDelayingProxy(dynamo.port, 0);
    try {
      await ensureTable({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials }, TableName);
      // The overall deadline shrunk to 400 ms (3 s in production), the link slowed past it.
      const store = createDynamoStore({
        endpoint: proxy.endpoint,
        region: 'us-east-1',
        credentials,
        tableName: TableName,
        retentionDays: 180,
        deadlineMs: 400,
      });
      await store.update(key, setDate); // through the proxy, undelayed
      proxy.setDelay(1000);
      for (const op of [() => store.load(key), () => store.update(key, setDate)]) {
        const elapsed = await expectUnavailable(op);
        expect(elapsed).toBeGreaterThanOrEqual(390); // it was the deadline, not a refused connection
        expect(elapsed).toBeLessThan(1000);
      }
      proxy.setDelay(0);
      expect((await store.load(key))?.profile.treatmentDate).toBe('2026-11-20');
    } finally {
      await proxy.stop();
      await dynamo.stop();
    }
  });

  it('the SDK itself gives up after 2 attempts of 1.5 s, even without the overall deadline', async () => {
    // Guards the client options: without throwOnRequestTimeout the SDK would only log a warning and wait.
    // The one fault test on real seconds: the production client's own timeouts are what it checks.
    const dynamo = await startLocalDynamo();
    const proxy = await startDelayingProxy(dynamo.port, 5000);
    try {
      const store = createDynamoStore({
        endpoint: proxy.endpoint,
        region: 'us-east-1',
        credentials,
        tableName: TableName,
        retentionDays: 180,
        deadlineMs: 10_000,
      });
      const started = Date.now();
      await expect(store.load(key)).rejects.toThrow('DynamoDB GetItem failed: TimeoutError');
      expect(Date.now() - started).toBeGreaterThan(2900);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await proxy.stop();
      await dynamo.stop();
    }
  }, 20_000);
});

describe('store throttling (ProvisionedThroughputExceededException)', () => {
  it.each(operations)('%s fails with StoreUnavailableError after at most 2 requests', async (_name, op) => {
    const throttler = await startThrottlingDynamo();
    try {
      const store = storeAt(throttler.endpoint);
      expect(await expectUnavailable(() => op(store))).toBeLessThan(3500);
      expect(throttler.requests).toBeGreaterThanOrEqual(1);
      expect(throttler.requests).toBeLessThanOrEqual(2);
    } finally {
      await throttler.stop();
    }
  });
});
