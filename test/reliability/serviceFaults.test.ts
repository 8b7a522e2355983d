import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

/**
 * The Alexa settings API misbehaving, served for real over HTTP on 127.0.0.1. The zone falls back to
 * the one saved with the profile (Berlin here), and the answer comes well inside 8 s.
 * At 06:30 UTC it is still the 24th in Los Angeles but already the 25th in Berlin: day 5 vs day 6.
 */
const INSTANT = '2026-11-25T06:30:00Z';
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());
afterEach(() => {
  h.api.settings.mode = 'ok';
});

test.each([
  [204, 'no content'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [429, 'throttled'],
  [500, 'server error'],
  ['garbage' as const, 'not JSON'],
  ['hang' as const, 'never answers'],
])('settings API %s (%s): the saved zone is used, within the deadline', async (mode, _what) => {
  const userId = `amzn1.ask.account.SETTINGS${String(mode)}`;
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [], timeZone: 'Europe/Berlin' }));
  // The settings deadline shrunk from 1.5 s to 300 ms: a hang costs the answer that, not more.
  const patient = talk(h, { userId, zone: 'America/Los_Angeles', at: INSTANT, invoke: h.skillWith({ config: { serviceTimeoutMs: 300 } }) });
  h.api.settings.mode = mode;
  const start = Date.now();
  const turn = await patient.say('ask microneedling care what day am I on');
  const ms = Date.now() - start;
  expect(turn.speech).toContain('Today is day 6');
  expect(ms).toBeLessThan(mode === 'hang' ? 1300 : 1000);
});

test('with no saved zone and no answer, DEFAULT_TIME_ZONE decides', async () => {
  const userId = 'amzn1.ask.account.NOZONE';
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [] }));
  h.api.settings.mode = 503;
  const inBerlin = talk(h, { userId, at: INSTANT, invoke: h.skillWith({ config: { defaultTimeZone: 'Europe/Berlin' } }) });
  expect((await inBerlin.say('ask microneedling care what day am I on')).speech).toContain('Today is day 6');
  const inLA = talk(h, { userId, at: INSTANT, invoke: h.skillWith({ config: { defaultTimeZone: 'America/Los_Angeles' } }) });
  expect((await inLA.say('ask microneedling care what day am I on')).speech).toContain('Today is day 5');
});

test('a zone name the runtime does not know is ignored', async () => {
  const userId = 'amzn1.ask.account.BADZONE';
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as never, history: [], timeZone: 'Europe/Berlin' }));
  const patient = talk(h, { userId, deviceId: 'mars-device', at: INSTANT });
  h.api.settings.zonesByDevice['mars-device'] = 'Mars/Olympus_Mons';
  expect((await patient.say('ask microneedling care what day am I on')).speech).toContain('Today is day 6');
});
