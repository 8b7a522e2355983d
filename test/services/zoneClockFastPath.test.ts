import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The TZ-switch fast path of zoneClock works only in a plain Node process (jest's sandbox copies
 * process.env, so inside a test the Intl path always runs). This runs both paths in a child process —
 * as Lambda runs the bundle — and requires them to agree for every zone the runtime lists, at instants
 * around midnight, month ends and the DST changes of 2026.
 */
const script = `
const clock = require(${JSON.stringify(join(__dirname, '../../lambda/services/zoneClock.ts'))});
const instants = ['2026-01-01T00:00:00Z', '2026-03-08T07:30:00Z', '2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z',
  '2026-06-30T23:59:59Z', '2026-10-24T21:59:59Z', '2026-10-25T00:30:00Z', '2026-11-01T06:30:00Z',
  '2026-11-25T11:00:00Z', '2026-12-31T12:00:00Z', '2026-12-31T23:30:00Z'].map((s) => new Date(s));
const disagreements = [];
let compared = 0;
for (const zone of Intl.supportedValuesOf('timeZone')) {
  for (const at of instants) {
    compared++;
    const fast = clock.localDateViaTz(at, zone), slow = clock.localDateViaIntl(at, zone);
    if (fast !== slow) disagreements.push(zone + ' ' + at.toISOString() + ': ' + fast + ' vs ' + slow);
  }
}
// The cached path, walked every 20 minutes through the weeks of 2026's DST changes, in zones that change
// at midnight and at odd offsets, must give Intl's day at every step.
const walked = ['America/New_York', 'Europe/Berlin', 'America/Santiago', 'Asia/Beirut', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati'];
for (const zone of walked) {
  for (const [from, to] of [['2026-03-06', '2026-04-07'], ['2026-09-03', '2026-11-05']]) {
    for (let t = Date.parse(from + 'T00:00:00Z'); t < Date.parse(to + 'T00:00:00Z'); t += 20 * 60 * 1000) {
      compared++;
      const at = new Date(t);
      const cached = clock.localDate(at, zone), slow = clock.localDateViaIntl(at, zone);
      if (cached !== slow) disagreements.push('cached ' + zone + ' ' + at.toISOString() + ': ' + cached + ' vs ' + slow);
    }
  }
}
const before = process.env.TZ;
clock.localDate(new Date(), 'Asia/Tokyo');
process.stdout.write(JSON.stringify({ works: clock.tzSwitchWorks(), compared, disagreements, tzRestored: process.env.TZ === before }));
`;

test('the TZ-switch fast path and Intl give the same day for every zone, and TZ is left as it was', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', 'tsx/cjs', '-e', script],
      { env: { PATH: process.env.PATH ?? '', TZ: ':UTC' } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
  const result = JSON.parse(out);
  expect(result.works).toBe(true);
  expect(result.compared).toBeGreaterThan(4000);
  expect(result.disagreements).toEqual([]);
  expect(result.tzRestored).toBe(true);
}, 30_000);
