import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeProfile, encodeProfile, isExpired } from './codec';
import { randomUUID } from 'node:crypto';
import { accountIndexId, isVoiceProfile, leaseIdOfItem, leaseItemId, personItemId } from './keys';
import { StoreUnavailableError, VersionConflictError, type Profile, type ProfileStore, type StoredProfile } from './types';

export interface DynamoClientOptions {
  readonly endpoint?: string;
  readonly region: string;
  readonly credentials?: DynamoDBClientConfig['credentials'];
}

export interface DynamoStoreOptions extends DynamoClientOptions {
  readonly tableName: string;
  readonly retentionDays: number;
  readonly now?: () => Date;
  /** A ready client (shared, or instrumented in tests); otherwise one is created from the options above. */
  readonly client?: DynamoDBDocumentClient;
  /** Overall budget of one store operation, retries included; keeps us well inside Alexa's 8 s. */
  readonly deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 3000;
const MAX_UPDATE_TRIES = 5;
const BATCH_SIZE = 25;
const MAX_BATCH_RETRIES = 3;

/**
 * The DynamoDB client with deliberately short limits: one retry, and timeouts that make a hanging socket
 * fail. Without `throwOnRequestTimeout` the SDK only logs a warning when `requestTimeout` passes.
 */
export function createDocumentClient(opts: DynamoClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: opts.region,
    endpoint: opts.endpoint,
    credentials: opts.credentials,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 800, requestTimeout: 1500, throwOnRequestTimeout: true },
    // Stated rather than looked up: each unset option makes the SDK read ~/.aws/config on the first
    // request, a cold-start cost for files a Lambda does not have.
    retryMode: 'standard',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    accountIdEndpointMode: 'disabled',
    authSchemePreference: [],
    endpointDiscoveryEnabled: false,
    userAgentAppId: 'aftercare',
    streamCollector: collectNodeStream,
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Reads a response body. The SDK's own collector first asks `instanceof ReadableStream`, and touching
 * that global makes Node load its whole web-streams implementation on the first response (~1 ms of
 * every cold start); the Node HTTP handler only ever hands over a Node stream.
 */
export function collectNodeStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

const errorName = (e: unknown): string => (e instanceof Error ? e.name : 'UnknownError');
const isConditionFailure = (e: unknown): boolean => errorName(e) === 'ConditionalCheckFailedException';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Random wait before retrying a lost race. The window grows with the attempt and with how long a try
 * took (a slow store means longer overlaps), so contenders spread out instead of colliding again.
 */
const conflictBackoffMs = (attempt: number, slowestTryMs: number): number =>
  Math.random() * Math.min(500, 2 ** (attempt + 1) * Math.max(10, slowestTryMs));

/**
 * Every SDK failure becomes StoreUnavailableError, except a failed condition, which callers handle.
 * The message names the operation and the error, never a user.
 */
async function guard<T>(op: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (isConditionFailure(e)) throw e;
    throw new StoreUnavailableError(`DynamoDB ${op} failed: ${errorName(e)}`, { cause: e });
  }
}

/** Runs one store operation under an overall deadline; the abort frees the socket, the race guarantees the time. */
async function withDeadline<T>(op: string, ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StoreUnavailableError(`DynamoDB ${op} exceeded its ${ms} ms deadline`));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface ReadResult {
  readonly stored: StoredProfile;
  readonly expiresAt: number;
  /** False once expired: the item is still there (TTL deletes late) but no longer anyone's data. */
  readonly live: boolean;
}

export function createDynamoStore(opts: DynamoStoreOptions): ProfileStore {
  const doc = opts.client ?? createDocumentClient(opts);
  const TableName = opts.tableName;
  const now = opts.now ?? (() => new Date());
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;

  async function read(id: string, signal: AbortSignal): Promise<ReadResult | undefined> {
    // Consistent read: the answer right after "my treatment was yesterday" must already know it.
    const get = new GetCommand({ TableName, Key: { id }, ConsistentRead: true });
    const out = await guard('GetItem', doc.send(get, { abortSignal: signal }));
    if (!out.Item) return undefined;
    const expiresAt = typeof out.Item.expiresAt === 'number' ? out.Item.expiresAt : 0;
    return { stored: decodeProfile(out.Item), expiresAt, live: !isExpired(out.Item, now()) };
  }

  /**
   * Lists a voice-profile item in its account index before the item is written, so deleteAccount finds it.
   * The index's TTL only ever grows to the latest member's, so it never expires before a member does.
   */
  async function registerVoiceProfile(userId: string, itemId: string, expiresAt: number, signal: AbortSignal): Promise<void> {
    const base = {
      TableName,
      Key: { id: accountIndexId(userId) },
      ExpressionAttributeNames: { '#m': 'members', '#e': 'expiresAt' },
    };
    const listAndExtend = new UpdateCommand({
      ...base,
      UpdateExpression: 'ADD #m :m SET #e = :e',
      ConditionExpression: 'attribute_not_exists(#e) OR #e < :e',
      ExpressionAttributeValues: { ':m': new Set([itemId]), ':e': expiresAt },
    });
    try {
      await guard('UpdateItem', doc.send(listAndExtend, { abortSignal: signal }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      // The index already outlives this item: only make sure it lists it.
      const listOnly = new UpdateCommand({
        ...base,
        UpdateExpression: 'ADD #m :m SET #e = if_not_exists(#e, :e)',
        ExpressionAttributeValues: { ':m': new Set([itemId]), ':e': expiresAt },
      });
      await guard('UpdateItem', doc.send(listOnly, { abortSignal: signal }));
    }
  }

  async function batchDelete(ids: readonly string[], signal: AbortSignal): Promise<void> {
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = ids
        .slice(start, start + BATCH_SIZE)
        .map((id) => ({ DeleteRequest: { Key: { id } } }));
      for (let retry = 0; requests.length > 0; retry++) {
        if (retry > MAX_BATCH_RETRIES) throw new StoreUnavailableError('DynamoDB BatchWriteItem left items unprocessed');
        if (retry > 0) await sleep(50 * 2 ** retry);
        const batch = new BatchWriteCommand({ RequestItems: { [TableName]: requests } });
        const out = await guard('BatchWriteItem', doc.send(batch, { abortSignal: signal }));
        const unprocessed = out.UnprocessedItems?.[TableName] ?? [];
        requests = unprocessed.flatMap((r) => (r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: r.DeleteRequest.Key } }] : []));
      }
    }
  }

  return {
    load: (key) =>
      withDeadline('load', deadlineMs, async (signal) => {
        const found = await read(personItemId(key), signal);
        return found?.live ? found.stored : undefined;
      }),

    update: (key, change) =>
      withDeadline('update', deadlineMs, async (signal) => {
        const id = personItemId(key);
        let indexedUntil = 0;
        let slowestTryMs = 0;
        for (let attempt = 1; attempt <= MAX_UPDATE_TRIES; attempt++) {
          if (attempt > 1) await sleep(conflictBackoffMs(attempt, slowestTryMs));
          const tryStarted = Date.now();
          const current = await read(id, signal);
          const live = current?.live ? current.stored : undefined;
          const next = change(live?.profile);
          if (next === undefined) return live;
          // An expired item is written over from scratch, but the lock still holds its version.
          const expected = current?.stored.version ?? 0;
          const record = encodeProfile(id, next, expected + 1, now(), opts.retentionDays);
          const needsIndex = isVoiceProfile(key) && record.expiresAt > Math.max(indexedUntil, current?.expiresAt ?? 0);
          if (needsIndex) {
            await registerVoiceProfile(key.userId, id, record.expiresAt, signal);
            indexedUntil = record.expiresAt;
          }
          const put = new PutCommand({
            TableName,
            Item: record,
            // The optimistic lock: the write only lands on the version we read.
            ConditionExpression: expected === 0 ? 'attribute_not_exists(id)' : '#v = :expected',
            ...(expected !== 0 && { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': expected } }),
          });
          try {
            await guard('PutItem', doc.send(put, { abortSignal: signal }));
            return decodeProfile(record);
          } catch (e) {
            if (!isConditionFailure(e)) throw e;
          }
          slowestTryMs = Math.max(slowestTryMs, Date.now() - tryStarted);
        }
        throw new VersionConflictError(`profile changed concurrently ${MAX_UPDATE_TRIES} times`);
      }),

    delete: (key) =>
      withDeadline('delete', deadlineMs, async (signal) => {
        const id = personItemId(key);
        await guard('DeleteItem', doc.send(new DeleteCommand({ TableName, Key: { id } }), { abortSignal: signal }));
        if (!isVoiceProfile(key)) return;
        const unlist = new UpdateCommand({
          TableName,
          Key: { id: accountIndexId(key.userId) },
          UpdateExpression: 'DELETE #m :m',
          // Never create an index item (it would have no TTL) just to remove a member from it.
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: { '#m': 'members' },
          ExpressionAttributeValues: { ':m': new Set([id]) },
        });
        try {
          await guard('UpdateItem', doc.send(unlist, { abortSignal: signal }));
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      }),

    deleteAccount: (userId) =>
      withDeadline('deleteAccount', deadlineMs, async (signal) => {
        const indexId = accountIndexId(userId);
        const getIndex = new GetCommand({ TableName, Key: { id: indexId }, ConsistentRead: true });
        const index = await guard('GetItem', doc.send(getIndex, { abortSignal: signal }));
        const members = index.Item?.members instanceof Set ? [...(index.Item.members as Set<unknown>)] : [];
        const ids = new Set([personItemId({ userId }), ...members.filter((m): m is string => typeof m === 'string' && m.startsWith('p#'))]);
        await batchDelete([...ids, ...[...ids].map(leaseIdOfItem)], signal);
        // The index goes last, so a failed run can simply be repeated.
        await guard('DeleteItem', doc.send(new DeleteCommand({ TableName, Key: { id: indexId } }), { abortSignal: signal }));
      }),

    loadAccount: (userId) =>
      withDeadline('loadAccount', deadlineMs, async (signal) => {
        const getIndex = new GetCommand({ TableName, Key: { id: accountIndexId(userId) }, ConsistentRead: true });
        const index = await guard('GetItem', doc.send(getIndex, { abortSignal: signal }));
        const members = index.Item?.members instanceof Set ? [...(index.Item.members as Set<unknown>)] : [];
        const ids = [
          ...new Set([personItemId({ userId }), ...members.filter((m): m is string => typeof m === 'string' && m.startsWith('p#'))]),
        ];
        // A record that cannot be read fails the whole call: its tokens could not be told apart otherwise.
        const found = await Promise.all(ids.map((id) => read(id, signal)));
        const profiles = new Map<string, Profile>();
        found.forEach((item, i) => {
          if (item?.live) profiles.set(ids[i] as string, item.stored.profile);
        });
        return profiles;
      }),

    acquireLease: (key, ms) =>
      withDeadline('acquireLease', deadlineMs, async (signal) => {
        const owner = randomUUID();
        const until = now().getTime() + ms;
        const put = new PutCommand({
          TableName,
          // Nothing but the claim; the TTL removes a forgotten one.
          Item: { id: leaseItemId(key), owner, until, expiresAt: Math.ceil(until / 1000) + 60 },
          ConditionExpression: 'attribute_not_exists(id) OR #u < :now',
          ExpressionAttributeNames: { '#u': 'until' },
          ExpressionAttributeValues: { ':now': now().getTime() },
        });
        try {
          await guard('PutItem', doc.send(put, { abortSignal: signal }));
          return owner;
        } catch (e) {
          if (isConditionFailure(e)) return undefined;
          throw e;
        }
      }),

    releaseLease: (key, lease) =>
      withDeadline('releaseLease', deadlineMs, async (signal) => {
        const del = new DeleteCommand({
          TableName,
          Key: { id: leaseItemId(key) },
          ConditionExpression: '#o = :o',
          ExpressionAttributeNames: { '#o': 'owner' },
          ExpressionAttributeValues: { ':o': lease },
        });
        try {
          await guard('DeleteItem', doc.send(del, { abortSignal: signal }));
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      }),
  };
}

/** Creates the table (partition key `id`, on demand) if missing and waits until it is ACTIVE. For local use. */
export async function ensureTable(target: DynamoDBClient | DynamoDBDocumentClient | DynamoClientOptions, tableName: string): Promise<void> {
  const owned = !(target instanceof DynamoDBClient || target instanceof DynamoDBDocumentClient);
  const client =
    target instanceof DynamoDBDocumentClient
      ? target
      : target instanceof DynamoDBClient
        ? DynamoDBDocumentClient.from(target)
        : createDocumentClient(target);
  try {
    if (!(await tableStatus(client, tableName))) {
      try {
        await client.send(
          new CreateTableCommand({
            TableName: tableName,
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        );
      } catch (e) {
        if (errorName(e) !== 'ResourceInUseException') throw e; // someone else created it meanwhile
      }
      try {
        await client.send(
          new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }),
        );
      } catch {
        // dynalite has no UpdateTimeToLive; locally nothing expires anyway.
      }
    }
    for (const started = Date.now(); (await tableStatus(client, tableName)) !== 'ACTIVE'; ) {
      if (Date.now() - started > 30_000) throw new Error(`table ${tableName} did not become ACTIVE`);
      await sleep(50);
    }
  } finally {
    if (owned) client.destroy();
  }
}

async function tableStatus(client: DynamoDBDocumentClient, tableName: string): Promise<string | undefined> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table?.TableStatus ?? 'UNKNOWN';
  } catch (e) {
    if (errorName(e) === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}
