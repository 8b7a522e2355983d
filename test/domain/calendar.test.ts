import { addDays, daysBetween, parseIsoDate, weekday, type IsoDate } from '../../lambda/domain/calendar';

describe('calendar arithmetic', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-10-24', 2, '2026-10-26'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from as IsoDate, days)).toBe(expected);
  });

  test.each(['2026-02-30', '2026-13-01', '2026-00-10', '26-11-20', '2026-11-20T00:00', ''])('%s is not a calendar day', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

test('integer calendar arithmetic agrees with Date for every day 1900-2200 (leap centuries included)', () => {
  const mismatches: string[] = [];
  for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10) as IsoDate;
    for (const k of [-366, -1, 1, 59, 400]) {
      const expected = new Date(ms + k * 86_400_000).toISOString().slice(0, 10);
      if (addDays(day, k) !== expected || daysBetween(day, expected as IsoDate) !== k) mismatches.push(`${day}${k >= 0 ? '+' : ''}${k}`);
    }
    if (weekday(day) !== new Date(ms).getUTCDay()) mismatches.push(`${day} weekday`);
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
});
