import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../lambda/domain/calendar';
import { collectNodeStream, createDocumentClient, createDynamoStore, ensureTable } from '../../lambda/store/dynamoStore';
import { accountIndexId, personItemId } from '../../lambda/store/keys';
import { VersionConflictError, type ProfileStore } from '../../lambda/store/types';
import { startLocalDynamo, type LocalDynamo } from '../../tools/localDynamo';
import { FIXED_NOW, newUserId, profileStoreContract, RETENTION_DAYS, type StoreUnderTest } from './profileStoreContract';

const TableName = 'care-store-test';
const d = (text: string) => text as IsoDate;

let dynamo: LocalDynamo;
let raw: DynamoDBDocumentClient;
let store: ProfileStore;

const clientOptions = () => ({
  endpoint: dynamo.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const getRaw = async (id: string) => (await raw.send(new GetCommand({ TableName, Key: { id }, ConsistentRead: true }))).Item;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  raw = createDocumentClient(clientOptions());
  await ensureTable(raw, TableName);
  store = createDynamoStore({ ...clientOptions(), tableName: TableName, retentionDays: RETENTION_DAYS, now: () => FIXED_NOW, client: raw });
});

afterAll(async () => {
  raw.destroy();
  await dynamo.stop();
});

describe('DynamoDB store (dynalite)', () => {
  const subject = (): StoreUnderTest => ({
    store,
    putRaw: async (item) => void (await raw.send(new PutCommand({ TableName, Item: item }))),
    getRaw,
  });
  profileStoreContract(subject);

  it('lists voice profiles in the account index, with a TTL that grows with its members', async () => {
    const userId = newUserId();
    const voice = { userId, personId: 'amzn1.ask.person.A' };
    await store.update({ userId }, () => ({ history: [], treatmentDate: d('2026-11-01') }));
    expect(await getRaw(accountIndexId(userId))).toBeUndefined(); // the account item is found without an index

    await store.update(voice, () => ({ history: [], treatmentDate: d('2026-11-01') }));
    const index = await getRaw(accountIndexId(userId));
    expect(index?.members).toEqual(new Set([personItemId(voice)]));
    expect(index?.expiresAt).toBe((await getRaw(personItemId(voice)))?.expiresAt);

    await store.update(voice, (p) => ({ history: [p!.treatmentDate!], treatmentDate: d('2026-11-24') }));
    expect((await getRaw(accountIndexId(userId)))?.expiresAt).toBe((await getRaw(personItemId(voice)))?.expiresAt);

    await store.delete(voice);
    expect((await getRaw(accountIndexId(userId)))?.members).toBeUndefined();
    expect((await getRaw(accountIndexId(userId)))?.expiresAt).toBeGreaterThan(FIXED_NOW.getTime() / 1000);
  });

  it('deleting a voice profile never creates an index item (it would have no TTL)', async () => {
    const userId = newUserId();
    await store.delete({ userId, personId: 'amzn1.ask.person.NEVER' });
    expect(await getRaw(accountIndexId(userId))).toBeUndefined();
  });

  it('gives up with VersionConflictError after 5 lost races, leaving the winner’s data', async () => {
    const key = { userId: newUserId() };
    await store.update(key, () => ({ history: [], treatmentDate: d('2026-11-01') }));
    // A client on which every conditional put is preceded by a competing write to the same item.
    const racing = createDocumentClient(clientOptions());
    let puts = 0;
    racing.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Item?: unknown; ConditionExpression?: string };
        if (input.Item && input.ConditionExpression) {
          puts++;
          await raw.send(
            new UpdateCommand({
              TableName,
              Key: { id: personItemId(key) },
              UpdateExpression: 'SET #v = #v + :one',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':one': 1 },
            }),
          );
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const loser = createDynamoStore({ ...clientOptions(), tableName: TableName, retentionDays: RETENTION_DAYS, client: racing });
    await expect(loser.update(key, (p) => ({ ...p!, treatmentDate: d('2026-11-02') }))).rejects.toBeInstanceOf(VersionConflictError);
    expect(puts).toBe(5);
    expect(await store.load(key)).toEqual({ profile: { history: [], treatmentDate: '2026-11-01' }, version: 6 });
    racing.destroy();
  });
});

describe('reading response bodies (our collector in place of the SDK one)', () => {
  test('a body in several chunks arrives whole; a broken one fails the read', async () => {
    const { Readable } = await import('node:stream');
    const bytes = await collectNodeStream(Readable.from([Buffer.from('{"Item":'), Buffer.from('{}}')]));
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"Item":{}}');
    const broken = new Readable({
      read() {
        this.destroy(new Error('socket hang up'));
      },
    });
    await expect(collectNodeStream(broken)).rejects.toThrow('socket hang up');
  });
});
