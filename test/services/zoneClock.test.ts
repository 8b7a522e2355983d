import { isKnownTimeZone, localDate } from '../../lambda/services/zoneClock';

describe("the user's today comes from the request instant in their own zone", () => {
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

describe('time zone names', () => {
  test('an alias works; an unknown zone is not known', () => {
    expect(localDate(new Date('2026-11-25T06:30:00Z'), 'US/Pacific')).toBe('2026-11-24');
    expect(isKnownTimeZone('US/Pacific')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
