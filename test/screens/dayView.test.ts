import { activityAnswer } from '../../lambda/answers/activity';
import { dayPlanAnswer, type DayPlanData } from '../../lambda/answers/dayPlan';
import { patientOn } from '../../lambda/answers/patient';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { testProtocol } from '../support/testProtocol';
import { dayView } from '../../lambda/screens/dayView';
import { screenOf } from '../../lambda/screens/screenOf';

/** What the screens show on the days that change something; treated Friday, November 20th, 2026. */
const protocol = testProtocol();
const TREATMENT = '2026-11-20' as IsoDate;
const patientOnDay = (day: number) => patientOn(protocol, { treatmentDate: TREATMENT }, addDays(TREATMENT, day - 1));
const viewOf = (day: number) => dayView(protocol, dayPlanAnswer(patientOnDay(day), day).data as DayPlanData);

test.each([
  // day, title, to-dos end, first restriction, restrictions, sun, fine again from today
  [
    1,
    'Day 1, your treatment day',
    'through Friday, November 20th (day 1)',
    'Hard workouts until Saturday, November 21st (day 2)',
    9,
    'until Friday, December 4th (day 15)',
    '',
  ],
  [
    2,
    'Day 2 of your recovery',
    'through Saturday, November 21st (day 2)',
    'Makeup until Sunday, November 22nd (day 3)',
    7,
    'until Friday, December 4th (day 15)',
    'Hard workouts, Saunas',
  ],
  [
    6,
    'Day 6 of your recovery',
    'through Wednesday, November 25th (day 6)',
    'Exfoliating until Thursday, November 26th (day 7)',
    6,
    'until Friday, December 4th (day 15)',
    '',
  ],
  [8, 'Day 8 of your recovery', undefined, undefined, 0, 'until Friday, December 4th (day 15)', 'Anti-inflammatories, Ice'],
  // From day 15 the sun's extra care eases; its lasting advice stays, with no end; the to-do never ends either.
  [15, 'Day 15 of your recovery', undefined, undefined, 0, undefined, ''],
  [35, 'Day 35 of your recovery', undefined, undefined, 0, undefined, ''],
])('day %i: %s', (day, title, todoUntil, first, count, sunUntil, fineAgain) => {
  const v = viewOf(day);
  expect(v.title).toBe(title);
  expect(v.todoUntil).toBe(todoUntil);
  expect(v.offLimits).toHaveLength(count);
  expect(v.offLimits[0] && `${v.offLimits[0].name} ${v.offLimits[0].until}`).toBe(first);
  expect(v.sun?.until).toBe(sunUntil);
  expect(v.sun?.text).toMatch(/wide-brimmed hat/);
  expect(v.fineAgain.join(', ')).toBe(fineAgain);
  expect(v.strip.filter((d) => d.state === 'shown').map((d) => d.day)).toEqual([day]);
});

test('a day past the strip marks none of its days', () => {
  expect(viewOf(40).strip.filter((d) => d.state === 'shown')).toEqual([]);
  expect(viewOf(40).stripIndex).toBe(34);
});

test.each([
  // word, day, status, detail
  ['makeup', 2, 'Not yet', 'until Sunday, November 22nd (day 3)'],
  ['makeup', 3, 'Fine from today', 'since Sunday, November 22nd (day 3)'],
  ['makeup', 6, 'Fine', 'since Sunday, November 22nd (day 3)'],
  ['ice', 6, 'Not yet', "until Friday, November 27th (day 8) (the clinic's reading, not yet confirmed)"],
  ['sun', 6, 'Extra care', 'until Friday, December 4th (day 15)'],
  ['sun', 20, 'Always', ''],
  ['moisturizer', 1, 'Always', ''],
])('"can I %s" on day %i: %s %s', (word, day, status, detail) => {
  const said = activityAnswer(patientOnDay(day), { kind: 'canI', word, heard: word });
  const screen = said && screenOf(protocol, said, word);
  expect(screen?.kind).toBe('answer');
  expect(screen?.view).toMatchObject({ status, detail, text: said?.sentence.text });
});
