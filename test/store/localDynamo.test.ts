import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IsoDate } from '../../lambda/domain/calendar';
import { accountIndexId, personItemId } from '../../lambda/store/keys';
import { localDynamoStore, startLocalDynamo } from '../../tools/localDynamo';

describe('local DynamoDB (dynalite)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'care-dynalite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data in a persistent folder across a stop and start', async () => {
    const key = { userId: 'amzn1.ask.account.PERSIST' };
    const first = await startLocalDynamo({ path: dataDir });
    await (await localDynamoStore(first.endpoint, 'care-persist')).update(key, () => ({
      history: [],
      treatmentDate: '2026-11-20' as IsoDate,
    }));
    await first.stop();

    const second = await startLocalDynamo({ path: dataDir });
    try {
      const store = await localDynamoStore(second.endpoint, 'care-persist'); // the table exists already
      expect(await store.load(key)).toEqual({ profile: { history: [], treatmentDate: '2026-11-20' }, version: 1 });
    } finally {
      await second.stop();
    }
  });

  it('binds to 127.0.0.1 on a random port', async () => {
    const dynamo = await startLocalDynamo();
    try {
      expect(dynamo.endpoint).toBe(`http://127.0.0.1:${dynamo.port}`);
      expect(dynamo.port).toBeGreaterThan(0);
    } finally {
      await dynamo.stop();
    }
  });
});

describe('keys', () => {
  it('hash the Amazon ids and keep accounts, voice profiles and the account index apart', () => {
    const userId = 'amzn1.ask.account.ABC';
    const ids = [personItemId({ userId }), personItemId({ userId, personId: 'amzn1.ask.person.X' }), accountIndexId(userId)];
    expect(ids[0]).toMatch(/^p#[0-9a-f]{64}$/);
    expect(ids[2]).toMatch(/^a#[0-9a-f]{64}$/);
    expect(new Set(ids).size).toBe(3);
    expect(ids.join()).not.toContain('ABC');
    expect(personItemId({ userId })).toBe(ids[0]); // stable
    expect(() => personItemId({ userId: 'a\nb' })).toThrow(TypeError); // would make the split ambiguous
  });
});
