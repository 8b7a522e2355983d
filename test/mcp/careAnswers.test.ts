import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus, findActivity } from '../../lambda/domain/care';
import { canIOn } from '../../lambda/speech/anotherDay.en-US';
import * as care from '../../lambda/mcp/careAnswers';
import { isReviewed } from '../../lambda/protocol/facts';
import { defaultProtocol } from '../../lambda/protocol/load';
import { en } from '../../lambda/speech/en-US';

/**
 * The add-on's answers, straight from lambda/mcp/careAnswers: the same readings of a date as the skill,
 * the same sentences, and facts a host cannot misread. Today is Wednesday, November 25th, 2026.
 */
const protocol = defaultProtocol();
const TODAY = '2026-11-25' as IsoDate;
const d = (s: string) => s as IsoDate;

describe('a treatment date, read as the skill reads it: nothing is saved until it is definite', () => {
  const s = (date: string, more: Omit<care.SpokenDateInput, 'date'> = {}) => ({ date, ...more });
  const said = (spoken: care.SpokenDateInput) => JSON.stringify(spoken);
  test.each([
    // [said, stored, new treatment, decision, needs, candidate]
    [s('2026-11-24'), undefined, false, 'save', undefined, undefined], // "yesterday"
    [s('XXXX-XX-20'), undefined, false, 'save', undefined, undefined], // "the 20th": this month, not ahead
    [s('2026-11-27'), undefined, false, 'ask', 'confirmation', '2026-11-20'], // "Friday", sent forward by Alexa
    [s('2026-11-27', { rejected: [d('2026-11-20')] }), undefined, false, 'ask', 'confirmation', '2026-11-13'], // after a no: the next reading
    [s('2026-11-27', { rejected: [d('2026-11-20'), d('2026-11-13'), d('2026-10-27')] }), undefined, false, 'ask', 'confirmation', '2025-11-27'], // the last resort: a year ago
    [s('2026-11-27', { rejected: [d('2026-11-20'), d('2026-11-13'), d('2026-10-27'), d('2025-11-27')] }), undefined, false, 'ask', 'month_and_day', undefined],
    [{ weekday: 'friday' }, undefined, false, 'ask', 'confirmation', '2026-11-20'],
    [s('XXXX-12-20'), undefined, false, 'ask', 'confirmation', '2025-12-20'], // "December 20th": we chose the year
    [s('2026-W47'), undefined, false, 'ask', 'exact_day', undefined], // "last week"
    [s('2026-11'), undefined, false, 'ask', 'exact_day', undefined], // "in November"
    [s('next tuesday'), undefined, false, 'ask', 'exact_day', undefined], // not an Alexa date at all
    [s('2028-01-01'), undefined, false, 'ask', 'past_day', undefined], // still to come
    [s('2026-11-20', { confirmed: true }), undefined, false, 'save', undefined, undefined], // the yes to "Friday"
    [s('2026-12-01', { confirmed: true }), undefined, false, 'ask', 'past_day', undefined], // a "yes" to a future day is checked again
    [s('2026-11-22'), '2026-11-20', false, 'ask', 'confirmation', '2026-11-22'], // a correction asks first
    [s('2026-11-22', { confirmed: true }), '2026-11-20', false, 'save', undefined, undefined],
    [s('2026-11-20'), '2026-11-20', false, 'same', undefined, undefined],
    [s('2026-11-18'), '2026-11-20', true, 'ask', 'date_after_current', undefined],
    [s('2026-11-18', { confirmed: true }), '2026-11-20', true, 'ask', 'date_after_current', undefined],
    [s('2026-11-24'), '2026-11-20', true, 'save', undefined, undefined],
  ] as const)('%j (stored %s, new %s) → %s %s %s', (spoken, stored, newTreatment, kind, needs, candidate) => {
    const decision = care.decideTreatmentDate(spoken, TODAY, stored as IsoDate | undefined, newTreatment);
    expect(`${said(spoken)}: ${decision.kind}`).toBe(`${said(spoken)}: ${kind}`);
    if (decision.kind === 'ask') {
      expect(decision.answer.facts).toMatchObject({ saved: false, needs, ...(candidate && { candidate }) });
      expect(decision.answer.say).not.toBe('');
    }
  });

  test('a yes only confirms a calendar date that was asked about, not a reading of its own', () => {
    // "XXXX-12-20" was asked back as 2025-12-20; confirming the partial form again still asks.
    expect(care.decideTreatmentDate({ date: 'XXXX-12-20', confirmed: true }, TODAY, undefined, false).kind).toBe('ask');
  });

  test("the questions are the skill's own sentences", () => {
    const friday = care.decideTreatmentDate({ date: '2026-11-27' }, TODAY, undefined, false);
    expect(friday.kind === 'ask' && friday.answer.say).toBe(en.confirmDate(d('2026-11-20'), 6).text);
    const next = care.decideTreatmentDate({ date: '2026-11-27', rejected: [d('2026-11-20')] }, TODAY, undefined, false);
    expect(next.kind === 'ask' && next.answer.say).toBe(en.confirmNextDate(d('2026-11-13'), 13).text);
  });
});

test('a new treatment keeps the earlier date, and says so only when there is one', () => {
  expect(care.dateSaved(d('2026-11-24'), TODAY, true, [d('2026-10-01')]).say).toMatch(/^Got it: your new treatment was Tuesday, November 24th, so today is day 2 of your new recovery\. I've kept your earlier date too\./);
  expect(care.dateSaved(d('2026-11-24'), TODAY, true, []).say).toMatch(/^Got it: Tuesday, November 24th\. That makes today day 2\./);
});

describe('"can I" on another day is the skill\'s own answer for that day (speech/anotherDay)', () => {
  const treatment = d('2026-11-24'); // today is day 2
  test.each([
    ['makeup', 1, false],
    ['makeup', 3, true],
    ['ibuprofen', 8, true],
    ['Advil', 5, false],
    ['Advil', 12, true],
  ] as const)('%s on day %i', (word, day, allowed) => {
    const a = care.canI(protocol, treatment, TODAY, word, day)!;
    const date = addDays(treatment, day - 1);
    expect(a.facts).toMatchObject({ day, date, allowed });
    const activity = findActivity(protocol, word)!;
    expect(a.say).toBe(canIOn(activityStatus(activity, treatment, day), day, date, TODAY, word));
  });

  test('today is the skill\'s own answer', () => {
    expect(care.canI(protocol, treatment, TODAY, 'makeup')!.say).toBe(en.canI(activityStatus(protocol.activities[0]!, treatment, 2), 2, TODAY, 'makeup'));
  });

  test('every fact carries its source', () => {
    for (const a of protocol.activities) {
      const facts = care.canI(protocol, treatment, TODAY, a.id)!.facts;
      expect(facts.source).toEqual(a.source);
      expect(facts.reviewedByClinic).toBe(isReviewed(a.source));
    }
  });
});

describe('the symptom path never assesses: the skill\'s own answer (domain/symptoms)', () => {
  test.each([
    // [treatment, heard, worried, normal symptom or clinic]
    [d('2026-11-25'), 'my face is red', false, 'redness'], // day 1
    [d('2026-11-24'), 'my skin feels dry', false, 'dryness'], // day 2
    [d('2026-11-22'), 'it is peeling', false, 'peeling'], // day 4
    [d('2026-11-24'), 'my face is red', false, 'clinic'], // redness is day 1's normal, not day 2's
    [d('2026-11-22'), 'it is peeling', true, 'clinic'], // a worry always goes to the clinic
    [d('2026-11-25'), 'my face is swollen and hot', false, 'clinic'],
    [undefined, 'it is peeling', false, 'clinic'], // no date: the clinic
  ] as const)('treatment %s, "%s", worried %s → %s', (treatment, heard, worried, expected) => {
    const a = care.symptom(protocol, treatment, TODAY, heard, worried);
    expect(a.facts.assessed).toBe(false);
    if (expected === 'clinic') {
      expect(a.facts.callClinic).toBe(true);
      expect(a.say).toMatch(/^I can't check symptoms\. Please call .*If it's an emergency, call 911\.$/);
    } else {
      expect(a.facts.normalForThisDay).toBe(expected);
      expect(a.say).toMatch(/If you're worried, call/);
    }
    expect(a.say).not.toMatch(/ibuprofen|\bice\b|nothing to worry/i);
  });
});

test('a prescription goes to the doctor and tanning is never fine, whatever the day', () => {
  const accutane = care.canI(protocol, d('2026-11-01'), TODAY, 'Accutane')!;
  expect(accutane.facts.activity).toBe('prescription');
  const tanning = care.canI(protocol, d('2026-10-01'), TODAY, 'tanning bed')!;
  expect(tanning.facts).toMatchObject({ activity: 'tanning', allowed: false });
});
