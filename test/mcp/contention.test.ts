/**
 * Write contention on the add-on, as a patient meets it: another writer keeps changing the same profile
 * between our read and our conditional write (a DynamoDB client on which every conditional put is
 * preceded by a competing write to the same item, against dynalite), until the store gives up with a
 * version conflict. The store is up the whole time, so the patient must hear that another change is in
 * progress — not that their details cannot be reached — and trying again must work.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { encodeProfile } from '../../lambda/store/codec';
import { createDocumentClient, createDynamoStore } from '../../lambda/store/dynamoStore';
import type { ProfileStore } from '../../lambda/store/types';
import { startLocalMcp, type LocalMcp } from '../../tools/localMcp';
import { connect, discover, patientToken } from '../../tools/mcpClient';
import { testProtocol } from '../support/testProtocol';

const TODAY = new Date('2026-11-25T15:00:00Z');

let local: LocalMcp;
let client: Client;
let racing = false;
let racingStore: ProfileStore | undefined;
/** The store the add-on is given: the racing one, built once dynalite is up. */
const store = new Proxy({} as ProfileStore, {
  get: (_target, name) => {
    const member = (racingStore as unknown as Record<string | symbol, unknown>)[name];
    return typeof member === 'function' ? member.bind(racingStore) : member;
  },
});

beforeAll(async () => {
  local = await startLocalMcp({ quiet: true, deps: { protocol: testProtocol(), clock: () => TODAY, store } });
  const options = { endpoint: local.dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const TableName = local.deps.config.tableName;
  const raw = createDocumentClient(options);
  const losing = createDocumentClient(options);
  losing.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Item?: { id?: string }; ConditionExpression?: string };
      const id = input.Item?.id;
      if (racing && id && input.ConditionExpression) {
        const current = await raw.send(new GetCommand({ TableName, Key: { id } }));
        if (current.Item) {
          const bump = {
            UpdateExpression: 'SET #v = #v + :one',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':one': 1 },
          };
          await raw.send(new UpdateCommand({ TableName, Key: { id }, ...bump }));
        } else {
          await raw.send(new PutCommand({ TableName, Item: encodeProfile(id, { history: [] }, 1, TODAY, 180) }));
        }
      }
      return next(args);
    },
    { step: 'initialize' },
  );
  racingStore = createDynamoStore({ ...options, tableName: TableName, retentionDays: 180, now: () => TODAY, client: losing });
  client = await connect(local.mcp.url, await patientToken(await discover(local.mcp.url), local.auth.patient, 'contended'));
}, 30_000);

afterAll(async () => {
  await client?.close();
  await local?.stop();
});

const call = async (name: string, args: Record<string, unknown>) => {
  const r = (await client.callTool({ name, arguments: args })) as {
    content: { text: string }[];
    structuredContent: Record<string, unknown>;
    isError?: boolean;
  };
  return { text: r.content[0]?.text ?? '', facts: r.structuredContent, isError: r.isError === true };
};

test('a write that keeps losing the race is told as another change in progress, and trying again works', async () => {
  racing = true;
  const contended = await call('set_treatment_date', { date: '2026-11-20' });
  expect(contended.isError).toBe(true);
  expect(contended.facts.error).toBe('busy');
  expect(contended.text).toMatch(/^Another change to your saved details is in progress; please try again\./);
  expect(contended.text).not.toMatch(/can't reach/i);

  racing = false;
  const again = await call('set_treatment_date', { date: '2026-11-20' });
  expect(again.isError).toBe(false);
  expect(again.facts.error).toBeUndefined();
});
