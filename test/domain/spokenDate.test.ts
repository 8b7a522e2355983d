import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { resolveTreatmentDate } from '../../lambda/domain/spokenDate';

// Wednesday, November 25th, 2026.
const today = parseIsoDate('2026-11-25') as IsoDate;

describe('AMAZON.DATE values → the treatment day the patient meant', () => {
  test.each([
    ['today', '2026-11-25', '2026-11-25', false],
    ['yesterday', '2026-11-24', '2026-11-24', false],
    ['a past date with its year', '2026-11-20', '2026-11-20', false],
    ['"Friday" (Alexa gives the next Friday)', '2026-11-27', '2026-11-20', true],
    ['"Monday" (next Monday)', '2026-11-30', '2026-11-23', true],
    ['"Wednesday" said on a Wednesday, resolved a week ahead', '2026-12-02', '2026-11-25', true],
    ['"the 20th" (next 20th is in December)', '2026-12-20', '2026-11-20', true],
    ['"November 24th" said on the 25th (Alexa gives next year)', '2027-11-24', '2026-11-24', true],
    ['"the 31st" skips months without one', '2026-12-31', '2026-10-31', true],
    ['year unspecified XXXX-11-20', 'XXXX-11-20', '2026-11-20', false],
    ['year unspecified for a later month goes back a year, and is confirmed, XXXX-12-01', 'XXXX-12-01', '2025-12-01', true],
    ['month and year unspecified: a month we chose is confirmed, XXXX-XX-28', 'XXXX-XX-28', '2026-10-28', true],
    ['month and year unspecified, this month, XXXX-XX-20', 'XXXX-XX-20', '2026-11-20', false],
  ])('%s', (_name, value, expected, adjusted) => {
    expect(resolveTreatmentDate(value, today)).toEqual({ kind: 'exact', date: expected, adjusted });
  });

  test.each([
    ['a week', '2026-W47'],
    ['a weekend', '2026-W47-WE'],
    ['a month', '2026-11'],
    ['a season', '2026-WI'],
    ['a year', '2026'],
    ['a decade', '202X'],
    ['a week of an unspecified year', 'XXXX-W47'],
    ['PRESENT_REF ("now")', 'PRESENT_REF'],
    ['nothing', ''],
    ['no slot at all', undefined],
  ])('%s is too vague: ask for the day', (_name, value) => {
    expect(resolveTreatmentDate(value, today)).toEqual({ kind: 'vague' });
  });

  test.each([
    ['an impossible date', '2026-02-30'],
    ['garbage', 'banana'],
    ['a time', 'T07:30'],
  ])('%s is not a date', (_name, value) => {
    expect(resolveTreatmentDate(value, today)).toEqual({ kind: 'invalid' });
  });

  test('a date more than a year ahead is the future, never stored', () => {
    expect(resolveTreatmentDate('2028-01-05', today)).toEqual({ kind: 'future', date: '2028-01-05' });
  });

  test('a leap day said without a year goes back to the last leap year', () => {
    expect(resolveTreatmentDate('XXXX-02-29', today)).toEqual({ kind: 'exact', date: '2024-02-29', adjusted: true });
  });
});
