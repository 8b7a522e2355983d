import { addDays, parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';

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
