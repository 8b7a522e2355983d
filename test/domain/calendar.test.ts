import { addDays, localDate, parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';

describe('the user\'s today comes from the request instant in their own zone', () => {
  test.each([
    ['late evening in Los Angeles is still the 24th', '2026-11-25T06:30:00Z', 'America/Los_Angeles', '2026-11-24'],
    ['the same instant in Berlin is already the 25th', '2026-11-25T06:30:00Z', 'Europe/Berlin', '2026-11-25'],
    ['just before midnight in Berlin on the DST change night', '2026-10-24T21:59:59Z', 'Europe/Berlin', '2026-10-24'],
    ['just after midnight in Berlin on the DST change night', '2026-10-24T22:00:00Z', 'Europe/Berlin', '2026-10-25'],
    ['New York on the morning clocks fall back', '2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01'],
    ['Kiritimati is a day ahead of UTC', '2026-12-31T12:00:00Z', 'Pacific/Kiritimati', '2027-01-01'],
  ])('%s', (_name, instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });
});

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
