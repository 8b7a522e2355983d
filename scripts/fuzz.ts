/**
 * `npm run fuzz`: the long sweeps that `npm test` only samples. First the integer calendar against Date
 * for every day 1900-2200 (jest checks the century years), then the envelope fuzz of test/fuzz at scale
 * (default 10,000 cases; FUZZ_RUNS to change, FUZZ_SEED to replay). Prints counts, times and the seed;
 * exits non-zero on the first failure.
 */
import fc from 'fast-check';
import { readConfig } from '../lambda/config';
import { silentLogger } from '../lambda/log';
import { defaultProtocol } from '../lambda/protocol/load';
import { createSkill } from '../lambda/skill';
import { createMemoryStore } from '../lambda/store/memoryStore';
import { calendarMismatches } from '../test/domain/calendarAgreement';
import { envelope } from '../test/fuzz/arbitraries';
import { checkOneEnvelope, recordingStore, seedPatients } from '../test/fuzz/property';
import { startLocalAlexaApi } from '../tools/localAlexaApi';

const SKILL_ID = 'amzn1.ask.skill.fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

function calendarSweep(): void {
  const start = Date.now();
  const mismatches = calendarMismatches(1900, 2200);
  if (mismatches.length > 0)
    throw new Error(`calendar: ${mismatches.length} mismatches with Date, first ${mismatches.slice(0, 5).join(', ')}`);
  console.log(`calendar: every day 1900-2200 agrees with Date, ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

async function main() {
  calendarSweep();
  const api = await startLocalAlexaApi({ timeZone: 'Europe/Berlin' });
  const unhandled: unknown[] = [];
  process.on('unhandledRejection', (r) => unhandled.push(r));
  const memory = createMemoryStore();
  await seedPatients(memory);
  const recorded = recordingStore(memory);
  const config = { ...readConfig({}), skillId: SKILL_ID, serviceTimeoutMs: 300 };
  const skill = createSkill({ store: recorded.store, protocol: defaultProtocol(), config, log: silentLogger, clock: () => new Date() });
  const start = Date.now();
  let cases = 0;
  try {
    await fc.assert(
      fc.asyncProperty(envelope(api.endpoint, SKILL_ID), async (event) => {
        cases++;
        await checkOneEnvelope((e) => skill.invoke(e), recorded, event, SKILL_ID);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await new Promise((r) => setImmediate(r));
    if (unhandled.length > 0) throw new Error(`${unhandled.length} unhandled rejections`);
    console.log(`fuzz: ${cases} envelopes, 0 failures, ${((Date.now() - start) / 1000).toFixed(1)} s (seed ${SEED})`);
  } finally {
    await api.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
