import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../lambda/store/dynamoStore';
import { createLogger } from '../../lambda/log';
import { accountIndexId, personItemId } from '../../lambda/store/keys';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { intentRequest, launchRequest } from '../../tools/envelope';

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

test('the logs of a whole conversation are JSON lines with no user ids, tokens, dates or speech', async () => {
  const lines: string[] = [];
  const logged = h.skillWith({ log: createLogger((line) => lines.push(line)) });
  const userId = 'amzn1.ask.account.PRIVATE-ACCOUNT-ID';
  const personId = 'amzn1.ask.person.PRIVATE-PERSON-ID';
  const patient = talk(h, { userId, personId, at: '2026-11-25T16:00:00Z', invoke: logged });
  const said = [
    'open microneedling care',
    'friday',
    'yes',
    'no thanks',
    'can I wear makeup',
    'can I take advil',
    'what about tomorrow',
    'gibberish words here',
    'delete my data',
    'yes',
  ];
  const heard: string[] = [];
  for (const line of said) heard.push((await patient.say(line)).speech);
  // Errors are logged too: a failing store.
  h.api.settings.mode = 'garbage';
  await talk(h, {
    userId,
    at: '2026-11-25T16:00:00Z',
    invoke: h.skillWith({
      log: createLogger((l) => lines.push(l)),
      store: {
        ...h.store,
        load: async () => {
          throw new Error(`boom for ${userId}`);
        },
      },
    }),
  }).say('open microneedling care');
  h.api.settings.mode = 'ok';

  expect(lines.length).toBeGreaterThan(0);
  const all = lines.join('\n');
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  for (const secret of [
    userId,
    personId,
    'PRIVATE',
    'local-api-access-token',
    'Bearer',
    personItemId({ userId, personId }),
    accountIndexId(userId),
  ]) {
    expect(all).not.toContain(secret);
  }
  expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}|November|Friday|\bday \d/);
  // No three consecutive words of anything the skill said appear in the logs.
  const lower = all.toLowerCase();
  for (const speech of heard) {
    const words = speech
      .toLowerCase()
      .split(/[^a-z']+/)
      .filter(Boolean);
    for (let i = 0; i + 3 <= words.length; i++) expect(lower).not.toContain(words.slice(i, i + 3).join(' '));
  }
  for (const line of said) expect(all).not.toContain(line);
});

test('stored items are keyed by a hash, never the Amazon ids in clear', () => {
  const id = personItemId({ userId: 'amzn1.ask.account.X', personId: 'amzn1.ask.person.Y' });
  expect(id).not.toContain('amzn1');
  expect(id).toMatch(/^p#[0-9a-f]{64}$/);
  expect(personItemId({ userId: 'amzn1.ask.account.X' })).not.toBe(id);
});

test('"delete my data" still deletes a record the skill cannot read any more', async () => {
  const userId = 'amzn1.ask.account.UNREADABLE';
  const doc = createDocumentClient({
    endpoint: h.dynamoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const Key = { id: personItemId({ userId }) };
  // As a newer version of the skill might have written it.
  await doc.send(
    new PutCommand({ TableName: h.tableName, Item: { ...Key, schemaVersion: 99, version: 1, history: [], treatmentDate: '2026-11-20' } }),
  );
  const patient = talk(h, { userId, at: '2026-11-25T16:00:00Z' });
  expect((await patient.say('ask microneedling care to delete my data')).speech).toContain('Do you want me to delete');
  expect((await patient.say('yes')).speech).toContain("I've deleted everything");
  expect((await doc.send(new GetCommand({ TableName: h.tableName, Key, ConsistentRead: true }))).Item).toBeUndefined();
  doc.destroy();
});

test('every logged field is bounded: a 1 MB request type or intent name writes short lines', async () => {
  const lines: string[] = [];
  const logged = h.skillWith({ log: createLogger((line) => lines.push(line)) });
  const huge = 'X'.repeat(1_000_000);
  const launch = launchRequest({ timestamp: new Date().toISOString() });
  await logged({ ...launch, request: { ...launch.request, type: huge } } as never);
  const intent = intentRequest('CanIIntent', { activity: 'makeup' });
  await logged({ ...intent, request: { ...intent.request, intent: { name: huge, confirmationStatus: 'NONE', slots: {} } } } as never);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.length).toBeLessThan(400);
});
