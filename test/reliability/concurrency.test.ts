import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

/**
 * Two Echo devices in one home change the same profile at the same moment. Writes are conditional on
 * the version read, and a lost race re-reads and re-applies its change, so neither update is lost.
 * (Checked: with the condition removed from the store's Put, this test fails — one date goes missing.)
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

test('two new treatment dates told to two devices at once: one is active, the other kept in history', async () => {
  for (let round = 0; round < 8; round++) {
    const userId = `amzn1.ask.account.TWODEVICES${round}`;
    await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-01' as never, history: [], timeZone: 'America/Los_Angeles' }));
    const at = '2026-11-25T16:00:00Z';
    const kitchen = talk(h, { userId, deviceId: `kitchen-${round}`, at });
    const bedroom = talk(h, { userId, deviceId: `bedroom-${round}`, at });
    const [a, b] = await Promise.all([
      kitchen.intent('NewTreatmentIntent', { date: '2026-11-20' }),
      bedroom.intent('NewTreatmentIntent', { date: '2026-11-24' }),
    ]);
    expect(a.speech).toContain('your new treatment was');
    expect(b.speech).toContain('your new treatment was');
    const profile = (await h.store.load({ userId }))?.profile;
    const all = [profile?.treatmentDate, ...(profile?.history ?? [])].sort();
    expect(all).toEqual(['2026-11-01', '2026-11-20', '2026-11-24']);
  }
});

test('a burst of ten devices at once loses no update', async () => {
  const userId = 'amzn1.ask.account.BURST';
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-10-01' as never, history: [], timeZone: 'America/Los_Angeles' }));
  const dates = Array.from({ length: 10 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
  await Promise.all(
    dates.map((date, i) => talk(h, { userId, deviceId: `burst-${i}`, at: '2026-11-25T16:00:00Z' }).intent('NewTreatmentIntent', { date })),
  );
  const profile = (await h.store.load({ userId }))?.profile;
  expect([profile?.treatmentDate, ...(profile?.history ?? [])].sort()).toEqual(['2026-10-01', ...dates]);
});
