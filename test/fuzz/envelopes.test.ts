import fc from 'fast-check';
import { readConfig } from '../../lambda/config';
import { silentLogger } from '../../lambda/log';
import { testProtocol } from '../support/testProtocol';
import { createSkill } from '../../lambda/skill';
import { createMemoryStore } from '../../lambda/store/memoryStore';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/localAlexaApi';
import { envelope } from './arbitraries';
import { checkOneEnvelope, recordingStore, seedPatients } from './property';

/**
 * Random and malformed envelopes through the real skill. The store is the in-process one (the same
 * codec and keys as DynamoDB; the DynamoDB store has its own tests against dynalite) so hundreds of
 * cases run in seconds; the Alexa APIs are the local HTTP stand-in. `npm run fuzz` runs 10,000+.
 */
const SKILL_ID = 'amzn1.ask.skill.fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

let api: LocalAlexaApi;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  api = await startLocalAlexaApi({ timeZone: 'Europe/Berlin' });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await api.stop();
});

test(`${RUNS} random and malformed envelopes: each gets a well-formed answer or a clean refusal, and writes only its own key`, async () => {
  const memory = createMemoryStore();
  await seedPatients(memory);
  const recorded = recordingStore(memory);
  const config = { ...readConfig({}), skillId: SKILL_ID, serviceTimeoutMs: 300 };
  const skill = createSkill({ store: recorded.store, protocol: testProtocol(), config, log: silentLogger, clock: () => new Date() });
  await fc.assert(
    fc.asyncProperty(envelope(api.endpoint, SKILL_ID), (event) => checkOneEnvelope((e) => skill.invoke(e), recorded, event, SKILL_ID)),
    { numRuns: RUNS },
  );
  await new Promise((r) => setImmediate(r));
  expect(unhandled).toEqual([]);
}, 120_000);
