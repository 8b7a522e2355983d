import { parseNumber } from '../../tools/nlu/numbers';
import { parseTime } from '../../tools/nlu/slotTypes/time';
import { match, slotValues } from './fixture';

const words = (text: string) => text.split(' ');

describe('AMAZON.TIME → HH:MM (24 h) or a part of the day', () => {
  test.each([
    ['7', '07:00'],
    ['seven', '07:00'],
    ['11', '11:00'],
    ['12', '12:00'],
    ['19', '19:00'],
    ['7:30', '07:30'],
    ['19:45', '19:45'],
    ['seven thirty', '07:30'],
    ['seven fifteen', '07:15'],
    ['seven forty five', '07:45'],
    ['seven oh five', '07:05'],
    ['7 30 am', '07:30'],
    ['7 05', '07:05'],
    ['7am', '07:00'],
    ['7:30pm', '19:30'],
    ['7 a.m.', '07:00'],
    ['8 pm', '20:00'],
    ['eight p m', '20:00'],
    ['twelve thirty pm', '12:30'],
    ['12 am', '00:00'],
    ["eight o'clock", '08:00'],
    ['eight oclock in the morning', '08:00'],
    ['eight in the evening', '20:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
    ['half past seven', '07:30'],
    ['quarter past 8', '08:15'],
    ['a quarter past eight', '08:15'],
    ['quarter to eight', '07:45'],
    ['ten past seven', '07:10'],
    ['twenty one thirty', '21:30'],
    ['morning', 'MO'],
    ['in the morning', 'MO'],
    ['afternoon', 'AF'],
    ['evening', 'EV'],
    ['night', 'NI'],
  ])('"%s" → %s', (phrase, expected) => {
    const normalized = phrase.replace(/\./g, '').replace("'", '');
    expect(parseTime(words(normalized))).toBe(expected);
    expect(match(`remind me at ${phrase}`)).toMatchObject({ intent: 'SetUpRemindersIntent' });
    expect(slotValues(match(`remind me at ${phrase}`))).toEqual({ time: expected });
  });

  test.each([['13 pm'], ['banana'], ['seven five'], ['25'], ['7:75'], ['half to seven']])('"%s" is not a time', (phrase) => {
    expect(parseTime(words(phrase))).toBeUndefined();
  });
});

describe('AMAZON.NUMBER → digits', () => {
  test.each([
    ['5', 5],
    ['five', 5],
    ['fifth', 5],
    ['12', 12],
    ['twelve', 12],
    ['twenty one', 21],
    ['twenty first', 21],
    ['thirtieth', 30],
    ['one hundred', 100],
    ['a hundred and five', 105],
    ['two thousand twenty six', 2026],
    ['8th', 8],
  ])('"%s" → %d', (phrase, expected) => {
    expect(parseNumber(words(phrase))?.value).toBe(expected);
  });

  test.each([['twenty twenty'], ['five five'], ['first second'], ['fifth one'], ['and'], ['banana']])(
    '"%s" is not one number',
    (phrase) => {
      expect(parseNumber(words(phrase))).toBeUndefined();
    },
  );

  test.each([
    ['what about day five', '5'],
    ['what happens on day 8', '8'],
    ['tell me about day twenty one', '21'],
    ["what's day 3 like", '3'],
    ['day fifteen', '15'],
    ['what should I expect on the fifth day', '5'],
  ])('"%s" → DayPlanIntent with dayNumber %s', (utterance, n) => {
    const result = match(utterance);
    expect(result.intent).toBe('DayPlanIntent');
    expect(slotValues(result)).toEqual({ dayNumber: n });
  });
});
