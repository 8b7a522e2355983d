import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { readTreatmentDate, type SpokenTreatmentDate, type TreatmentDateReading } from '../../lambda/domain/spokenDate';
import { normalize, tokenize } from '../../tools/nlu/normalize';
import { parseDate } from '../../tools/nlu/slotTypes/date';

/**
 * The date table: on `today`, the patient says `said`, Alexa sends `value` (an AMAZON.DATE value, or
 * `weekday:NAME` for a weekday said alone, which the model puts in its own slot). `first` is what the
 * skill does first; `afterNo` what it proposes when the patient says no to that (empty: nothing to
 * follow up, the first answer was not a question).
 *   save D      stored at once (a definite past day)
 *   confirm D   "D. That makes today day N. Is that right?"
 *   ask month   no other reading is likely: "tell me the month and the day"
 *   ask day     too vague; future; not a date
 */
type Row = [today: string, said: string, value: string, first: string, afterNo: string];

const ROWS: Row[] = [
  // Wednesday, November 25th, 2026.
  ['2026-11-25', 'today', '2026-11-25', 'save 2026-11-25', ''],
  ['2026-11-25', 'yesterday', '2026-11-24', 'save 2026-11-24', ''],
  ['2026-11-25', 'the day before yesterday', '2026-11-23', 'save 2026-11-23', ''],
  ['2026-11-25', 'three days ago', '2026-11-22', 'save 2026-11-22', ''],
  ['2026-11-25', 'a week ago', '2026-11-18', 'save 2026-11-18', ''],
  ['2026-11-25', 'last tuesday', '2026-11-24', 'save 2026-11-24', ''],
  ['2026-11-25', 'last wednesday', '2026-11-18', 'save 2026-11-18', ''],
  ['2026-11-25', 'november twentieth twenty twenty six', '2026-11-20', 'save 2026-11-20', ''],
  ['2026-11-25', 'friday', 'weekday:friday', 'confirm 2026-11-20', 'confirm 2026-11-13'],
  ['2026-11-25', 'monday', 'weekday:monday', 'confirm 2026-11-23', 'confirm 2026-11-16'],
  ['2026-11-25', 'tuesday', 'weekday:tuesday', 'confirm 2026-11-24', 'confirm 2026-11-17'],
  ['2026-11-25', 'thursday', 'weekday:thursday', 'confirm 2026-11-19', 'confirm 2026-11-12'],
  ['2026-11-25', 'wednesday (said on a Wednesday)', 'weekday:wednesday', 'confirm 2026-11-18', 'confirm 2026-11-25'],
  ['2026-11-25', 'friday (in the date slot: next Friday)', '2026-11-27', 'confirm 2026-11-20', 'confirm 2026-11-13'],
  // A weekday said alone has its own slot (and Alexa sends a Wednesday said on a Wednesday as today):
  // a day a week ahead in the date slot is "the second", this month's gone, before last Wednesday.
  ['2026-11-25', 'the second (in the date slot, a week ahead)', '2026-12-02', 'confirm 2026-11-02', 'confirm 2026-11-18'],
  ['2026-11-25', 'on the first', '2026-12-01', 'confirm 2026-11-01', 'confirm 2026-11-24'],
  ['2026-11-25', 'the twentieth', '2026-12-20', 'confirm 2026-11-20', 'ask month'],
  ['2026-11-25', 'the thirty first', '2026-12-31', 'confirm 2026-10-31', 'ask month'],
  ['2026-11-25', 'november twenty fourth', '2027-11-24', 'confirm 2026-11-24', 'ask month'],
  ['2026-11-25', 'october thirtieth', '2027-10-30', 'confirm 2026-10-30', 'ask month'],
  ['2026-11-25', 'november twenty fifth (today, said as a date)', '2027-11-25', 'confirm 2026-11-25', 'ask month'],
  ['2026-11-25', 'january fifth twenty twenty eight', '2028-01-05', 'ask day', ''],
  ['2026-11-25', 'this week', '2026-W48', 'ask day', ''],
  ['2026-11-25', 'last weekend', '2026-W47-WE', 'ask day', ''],
  ['2026-11-25', 'november', '2026-11', 'ask day', ''],
  ['2026-11-25', 'this winter', '2026-WI', 'ask day', ''],
  ['2026-11-25', 'this year', '2026', 'ask day', ''],
  ['2026-11-25', 'the nineties', '199X', 'ask day', ''],
  ['2026-11-25', 'right now', 'PRESENT_REF', 'ask day', ''],
  ['2026-11-25', '(nothing)', '', 'ask day', ''],
  ['2026-11-25', 'february thirtieth (passed through)', '2026-02-30', 'ask day', ''],
  ['2026-11-25', '(a time)', 'T07:30', 'ask day', ''],
  ['2026-11-25', '(year-less, this year)', 'XXXX-11-20', 'save 2026-11-20', ''],
  ['2026-11-25', '(year-less, a later month)', 'XXXX-12-01', 'confirm 2025-12-01', 'ask month'],
  ['2026-11-25', '(month- and year-less, this month)', 'XXXX-XX-24', 'save 2026-11-24', ''],
  ['2026-11-25', '(month- and year-less, a later day)', 'XXXX-XX-28', 'confirm 2026-10-28', 'ask month'],
  ['2026-11-25', '(year-less leap day)', 'XXXX-02-29', 'confirm 2024-02-29', 'ask month'],
  // Tuesday, December 1st, 2026: the examples of the issue.
  ['2026-12-01', 'october third', '2027-10-03', 'confirm 2026-10-03', 'ask month'],
  ['2026-12-01', 'june first', '2027-06-01', 'confirm 2026-06-01', 'ask month'],
  ['2026-12-01', 'may sixteenth', '2027-05-16', 'confirm 2026-05-16', 'ask month'],
  ['2026-12-01', 'november thirtieth', '2027-11-30', 'confirm 2026-11-30', 'ask month'],
  ['2026-12-01', 'the thirtieth', '2026-12-30', 'confirm 2026-11-30', 'ask month'],
  ['2026-12-01', 'the thirty first', '2026-12-31', 'confirm 2026-10-31', 'ask month'],
  ['2026-12-01', 'monday', 'weekday:monday', 'confirm 2026-11-30', 'confirm 2026-11-23'],
  ['2026-12-01', 'yesterday', '2026-11-30', 'save 2026-11-30', ''],
  // Sunday, December 20th, 2026.
  ['2026-12-20', 'november twentieth', '2027-11-20', 'confirm 2026-11-20', 'ask month'],
  ['2026-12-20', 'december nineteenth', '2027-12-19', 'confirm 2026-12-19', 'ask month'],
  ['2026-12-20', 'sunday (said on a Sunday)', 'weekday:sunday', 'confirm 2026-12-13', 'confirm 2026-12-20'],
  ['2026-12-20', 'saturday', 'weekday:saturday', 'confirm 2026-12-19', 'confirm 2026-12-12'],
  // Year ends: Thursday, December 31st, 2026, and Friday, January 1st, 2027.
  ['2026-12-31', 'december twenty fourth', '2027-12-24', 'confirm 2026-12-24', 'ask month'],
  ['2026-12-31', 'the twenty fourth', '2027-01-24', 'confirm 2026-12-24', 'ask month'],
  ['2026-12-31', 'tuesday', 'weekday:tuesday', 'confirm 2026-12-29', 'confirm 2026-12-22'],
  ['2027-01-01', 'december thirtieth', '2027-12-30', 'confirm 2026-12-30', 'ask month'],
  ['2027-01-01', 'the thirtieth', '2027-01-30', 'confirm 2026-12-30', 'ask month'],
  ['2027-01-01', 'monday', 'weekday:monday', 'confirm 2026-12-28', 'confirm 2026-12-21'],
  ['2027-01-01', "new year's eve (yesterday)", '2026-12-31', 'save 2026-12-31', ''],
  ['2027-01-01', 'december twenty eighth twenty twenty six', '2026-12-28', 'save 2026-12-28', ''],
  // Month ends: Sunday, January 31st, 2027 (February has no 29th to 31st that year).
  ['2027-01-31', 'the thirtieth', '2027-03-30', 'confirm 2027-01-30', 'ask month'],
  ['2027-01-31', 'january thirtieth', '2028-01-30', 'confirm 2027-01-30', 'ask month'],
  ['2027-03-01', 'the twenty eighth', '2027-03-28', 'confirm 2027-02-28', 'ask month'],
  ['2027-03-01', 'february twenty eighth', '2028-02-28', 'confirm 2027-02-28', 'ask month'],
  ['2026-03-31', 'the thirty first (said on the 31st)', '2026-05-31', 'confirm 2026-01-31', 'confirm 2026-03-31'],
  // Leap days: Sunday, February 20th, 2028; Tuesday, February 29th, 2028; Wednesday, March 1st, 2028.
  ['2028-03-01', 'february twenty ninth', '2032-02-29', 'ask day', ''],
  ['2028-03-01', 'yesterday', '2028-02-29', 'save 2028-02-29', ''],
  ['2028-03-01', 'the twenty ninth', '2028-03-29', 'confirm 2028-02-29', 'ask month'],
  ['2028-03-01', 'tuesday', 'weekday:tuesday', 'confirm 2028-02-29', 'confirm 2028-02-22'],
  ['2028-02-29', 'the twenty ninth (said on it)', '2028-03-29', 'confirm 2028-01-29', 'confirm 2028-02-29'],
  ['2028-02-20', 'the twenty ninth', '2028-02-29', 'confirm 2028-01-29', 'ask month'],
  ['2024-03-01', 'february twenty ninth twenty twenty four', '2024-02-29', 'save 2024-02-29', ''],
];

const spokenOf = (value: string): SpokenTreatmentDate => (value.startsWith('weekday:') ? { weekday: value.slice(8) } : { date: value });

function described(r: TreatmentDateReading): string {
  switch (r.kind) {
    case 'definite':
      return `save ${r.date}`;
    case 'guess':
      return `confirm ${r.readings[0]}`;
    case 'exhausted':
      return 'ask month';
    default:
      return 'ask day';
  }
}

describe('the date table: what the patient said, what Alexa sent, what the skill proposes (and after "no")', () => {
  test('has at least 60 rows', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

  test.each(ROWS)('on %s "%s" (%s): %s, then after no: %s', (todayText, _said, value, first, afterNo) => {
    const today = parseIsoDate(todayText) as IsoDate;
    const spoken = spokenOf(value);
    const reading = readTreatmentDate(spoken, today);
    expect(described(reading)).toBe(first);
    if (reading.kind !== 'guess') return expect(afterNo).toBe('');
    // No proposal is ever after today.
    for (const d of reading.readings) expect(d <= today).toBe(true);
    // After a no the skill offers the next reading (answers/treatmentDate's decideRejectedDate), or asks for the month.
    const [proposed, next] = reading.readings as IsoDate[];
    expect(next ? `confirm ${next}` : 'ask month').toBe(afterNo);
    // Never the same day twice, even when the patient repeats the words after every no.
    const seen = [proposed as IsoDate];
    for (let r = readTreatmentDate(spoken, today, seen); r.kind === 'guess'; r = readTreatmentDate(spoken, today, seen)) {
      expect(seen).not.toContain(r.readings[0]);
      seen.push(r.readings[0] as IsoDate);
    }
  });

  test('the value column is what the simulator sends for those words (its AMAZON.DATE, next occurrence)', () => {
    const spokenRows = ROWS.filter(([, said, value]) => !said.includes('(') && !value.startsWith('weekday:'));
    expect(spokenRows.length).toBeGreaterThan(40);
    for (const [todayText, said, value] of spokenRows) {
      expect({ said, todayText, value: parseDate(tokenize(normalize(said)), todayText as IsoDate) }).toEqual({ said, todayText, value });
    }
  });

  test('a future reading is never proposed, whatever the value', () => {
    const today = parseIsoDate('2026-11-25') as IsoDate;
    for (let ahead = 1; ahead <= 400; ahead++) {
      const value = new Date(Date.parse('2026-11-25T00:00:00Z') + ahead * 86_400_000).toISOString().slice(0, 10);
      const r = readTreatmentDate({ date: value }, today);
      if (r.kind === 'guess') for (const d of r.readings) expect(d <= today).toBe(true);
      else expect(r.kind).toBe('future');
    }
  });
});
