import { isoWeek, parseDate } from '../../tools/nlu/slotTypes/date';
import type { IsoDate } from '../../lambda/domain/calendar';
import { match, slotValues, TODAY } from './fixture';

const words = (text: string) => text.split(' ');

// Today is Wednesday 2026-11-25. Alexa resolves day names and year-less dates to the NEXT occurrence.
describe('AMAZON.DATE phrases resolve like Alexa (today = Wed 2026-11-25)', () => {
  test.each([
    ['today', '2026-11-25'],
    ['yesterday', '2026-11-24'],
    ['tomorrow', '2026-11-26'],
    ['the day before yesterday', '2026-11-23'],
    ['day before yesterday', '2026-11-23'],
    ['this morning', '2026-11-25'],
    ['last night', '2026-11-24'],
    // day names: bare or "this" → next occurrence (today included); "last" → the one before today
    ['friday', '2026-11-27'],
    ['on monday', '2026-11-30'],
    ['monday', '2026-11-30'],
    ['wednesday', '2026-11-25'],
    ['this friday', '2026-11-27'],
    ['next friday', '2026-12-04'],
    ['last tuesday', '2026-11-24'],
    ['last wednesday', '2026-11-18'],
    ['last friday', '2026-11-20'],
    ['this past sunday', '2026-11-22'],
    // month and day without a year → next occurrence
    ['november twentieth', '2027-11-20'],
    ['november 20', '2027-11-20'],
    ['nov 20th', '2027-11-20'],
    ['november the twentieth', '2027-11-20'],
    ['november twenty first', '2027-11-21'],
    ['november thirtieth', '2026-11-30'],
    ['november twenty fifth', '2026-11-25'],
    ['december first', '2026-12-01'],
    ['the 20th of november', '2027-11-20'],
    ['twentieth of november', '2027-11-20'],
    ['20 november', '2027-11-20'],
    // day of month only → next occurrence
    ['the twentieth', '2026-12-20'],
    ['the 20th', '2026-12-20'],
    ['20th', '2026-12-20'],
    ['the twenty first', '2026-12-21'],
    ['the thirty first', '2026-12-31'],
    ['the 25th', '2026-11-25'],
    ['the thirtieth', '2026-11-30'],
    ['on the 3rd', '2026-12-03'],
    ['friday the 20th', '2026-12-20'],
    // with a year
    ['november 20 2026', '2026-11-20'],
    ['november 20th, 2026', '2026-11-20'],
    ['november twentieth twenty twenty six', '2026-11-20'],
    ['november twenty first two thousand twenty six', '2026-11-21'],
    ['the 20th of november 2026', '2026-11-20'],
    ['friday november 20th 2026', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['11/20', '2027-11-20'],
    ['11/20/2026', '2026-11-20'],
    ['11/20/26', '2026-11-20'],
    // counted back
    ['two days ago', '2026-11-23'],
    ['3 days ago', '2026-11-22'],
    ['ten days ago', '2026-11-15'],
    ['a day ago', '2026-11-24'],
    ['a week ago', '2026-11-18'],
    ['two weeks ago', '2026-11-11'],
    ['a couple of days ago', '2026-11-23'],
    ['a month ago', '2026-10-25'],
    ['in two days', '2026-11-27'],
    // vague values the skill must ask about
    ['this week', '2026-W48'],
    ['last week', '2026-W47'],
    ['next week', '2026-W49'],
    ['this weekend', '2026-W48-WE'],
    ['last weekend', '2026-W47-WE'],
    ['this past weekend', '2026-W47-WE'],
    ['next weekend', '2026-W49-WE'],
    ['this month', '2026-11'],
    ['last month', '2026-10'],
    ['next month', '2026-12'],
    ['november', '2026-11'],
    ['october', '2027-10'],
    ['november 2026', '2026-11'],
    ['this year', '2026'],
    ['last year', '2025'],
    ['2026', '2026'],
    ['this winter', '2026-WI'],
    ['last summer', '2026-SU'],
    ['last fall', '2025-FA'],
    ['the nineties', '199X'],
    ['the eighties', '198X'],
    ['the nineteen nineties', '199X'],
    ['the 90s', '199X'],
    ['the two thousands', '200X'],
    ['now', 'PRESENT_REF'],
    ['right now', 'PRESENT_REF'],
  ])('"%s" → %s', (phrase, expected) => {
    expect(parseDate(words(phrase.replace(',', '')), TODAY)).toBe(expected);
    // The same phrase said as an answer ("{date}") reaches SetTreatmentDateIntent with that value; a
    // weekday said alone fills the weekday slot instead, so "Wednesday" said on a Wednesday is not "today".
    // A weekday said as still to come ("next friday") is its own intent, answered as still to come.
    const result = match(phrase);
    const coming = /^(?:next|this coming) (\w+day)$/.exec(phrase)?.[1];
    expect(result.intent).toBe(coming ? 'ComingDayIntent' : 'SetTreatmentDateIntent');
    const weekday = coming ?? /^(?:on )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(phrase)?.[1];
    expect(slotValues(result)).toEqual(weekday ? { weekday } : { date: expected });
  });

  test.each([
    ['february 30th'],
    ['the thirty second'],
    ['second'],
    ['20'],
    ['banana'],
    ['the other day'],
    ['13/45'],
    ['2026-02-30'],
    ['eleven thirty'],
    ['day five'],
  ])('"%s" is not a date, so no sample takes it', (phrase) => {
    expect(parseDate(words(phrase), TODAY)).toBeUndefined();
  });

  test('February 29th without a year is the next leap day', () => {
    expect(parseDate(words('february twenty ninth'), TODAY)).toBe('2028-02-29');
  });

  test('a month without a 31st is skipped for "the thirty first"', () => {
    expect(parseDate(words('the thirty first'), '2026-11-05' as IsoDate)).toBe('2026-12-31');
    expect(parseDate(words('the thirty first'), '2027-01-31' as IsoDate)).toBe('2027-01-31');
  });

  test('year-less dates roll into next year at the year end', () => {
    expect(parseDate(words('january second'), '2026-12-30' as IsoDate)).toBe('2027-01-02');
    expect(parseDate(words('december 24th'), '2026-12-30' as IsoDate)).toBe('2027-12-24');
    expect(parseDate(words('last tuesday'), '2027-01-01' as IsoDate)).toBe('2026-12-29');
  });

  test.each([
    ['2026-11-25', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeek(date as IsoDate)).toBe(week);
  });
});
