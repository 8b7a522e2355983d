import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { scheduledTimes, talk } from './support';

/**
 * Reminders are sent as local wall-clock times with the device's zone, so they ring at 7:30 on both
 * sides of a DST change. The instants (UTC) shift by an hour; the local time does not.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.api.reminders.reset());

/** The UTC instant a local wall-clock time means in a zone (what Alexa computes from timeZoneId). */
function instantOf(local: string, zone: string): string {
  const guess = Date.parse(`${local}Z`);
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - ms;
  };
  return new Date(guess - offsetAt(guess - offsetAt(guess))).toISOString().slice(0, 16);
}

describe.each([
  // zone, treatment day, an instant that evening, the change, the UTC instant of 7:30 before and after
  ['Europe/Berlin, autumn (Oct 25, 2026)', 'Europe/Berlin', '2026-10-20', '2026-10-20T18:00:00Z', '2026-10-25', '05:30', '06:30'],
  ['America/New_York, autumn (Nov 1, 2026)', 'America/New_York', '2026-10-28', '2026-10-28T22:00:00Z', '2026-11-01', '11:30', '12:30'],
  ['America/New_York, spring (Mar 8, 2026)', 'America/New_York', '2026-03-05', '2026-03-05T23:00:00Z', '2026-03-08', '12:30', '11:30'],
  ['Europe/Berlin, spring (Mar 29, 2026)', 'Europe/Berlin', '2026-03-25', '2026-03-25T18:00:00Z', '2026-03-29', '06:30', '05:30'],
])('%s', (_name, zone, treatment, now, change, utcBefore, utcAfter) => {
  test('every reminder is at 07:30 local, with the zone, whatever the offset that day', async () => {
    const conv = talk(h, { now, zone });
    await conv.intent('SetTreatmentDateIntent', { date: treatment });
    await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    await conv.intent('AMAZON.YesIntent');

    const alerts = h.api.reminders.list();
    expect(alerts).toHaveLength(15);
    expect(scheduledTimes(alerts).every((s) => /^\d{4}-\d{2}-\d{2}T07:30:00\.000$/.test(s))).toBe(true);
    expect(alerts.every((a) => a.body.trigger?.timeZoneId === zone)).toBe(true);

    const dates = scheduledTimes(alerts).map((s) => s.slice(0, 10));
    expect(dates).toContain(change);
    const before = dates.filter((d) => d < change);
    const after = dates.filter((d) => d >= change);
    expect(before.length).toBeGreaterThan(0);
    for (const d of before) expect(instantOf(`${d}T07:30`, zone).slice(11)).toBe(utcBefore);
    for (const d of after) expect(instantOf(`${d}T07:30`, zone).slice(11)).toBe(utcAfter);
  });
});
