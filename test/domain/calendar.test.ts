import { addDays, parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { calendarMismatches } from './calendarAgreement';

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

// The century rules and today's years; every day 1900-2200 is `npm run fuzz` (scripts/fuzz.ts).
test.each([
  [1899, 1902, '1900 is not a leap year'],
  [1999, 2002, '2000 is a leap year'],
  [2024, 2030, 'the years patients are treated in'],
  [2099, 2102, '2100 is not a leap year'],
])('integer calendar arithmetic agrees with Date for every day %i-%i (%s)', (from, to) => {
  expect(calendarMismatches(from, to).slice(0, 5)).toEqual([]);
});
