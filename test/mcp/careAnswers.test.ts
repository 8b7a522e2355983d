import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus } from '../../lambda/domain/care';
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
  const none = { newTreatment: false, confirmed: false };
  test.each([
    // [said, stored, options, decision, needs, candidate]
    ['2026-11-24', undefined, none, 'save', undefined, undefined], // "yesterday"
    ['XXXX-XX-20', undefined, none, 'save', undefined, undefined], // "the 20th": this month, no guess
    ['2026-11-27', undefined, none, 'ask', 'confirmation', '2026-11-20'], // "Friday", sent forward by Alexa
    ['XXXX-12-20', undefined, none, 'ask', 'confirmation', '2025-12-20'], // "December 20th": we chose the year
    ['2026-W47', undefined, none, 'ask', 'exact_day', undefined], // "last week"
    ['2026-11', undefined, none, 'ask', 'exact_day', undefined], // "in November"
    ['next tuesday', undefined, none, 'ask', 'exact_day', undefined], // not an Alexa date at all
    ['2028-01-01', undefined, none, 'ask', 'past_day', undefined], // still to come
    ['2026-11-20', undefined, { newTreatment: false, confirmed: true }, 'save', undefined, undefined], // the yes to "Friday"
    ['2026-11-22', '2026-11-20', none, 'ask', 'confirmation', '2026-11-22'], // a correction asks first
    ['2026-11-22', '2026-11-20', { newTreatment: false, confirmed: true }, 'save', undefined, undefined],
    ['2026-11-20', '2026-11-20', none, 'same', undefined, undefined],
    ['2026-11-18', '2026-11-20', { newTreatment: true, confirmed: false }, 'ask', 'date_after_current', undefined],
    ['2026-11-24', '2026-11-20', { newTreatment: true, confirmed: false }, 'save', undefined, undefined],
  ] as const)('%s (stored %s, %j) → %s %s', (said, stored, opts, kind, needs, candidate) => {
    const decision = care.decideTreatmentDate(said, TODAY, stored as IsoDate | undefined, opts);
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'ask') {
      expect(decision.answer.facts).toMatchObject({ saved: false, needs, ...(candidate && { candidate }) });
      expect(decision.answer.say).not.toBe('');
    }
  });

  test('a yes only confirms the very date that was asked about, not a reading of its own', () => {
    // "XXXX-12-20" was asked back as 2025-12-20; confirming the partial form again still asks.
    expect(care.decideTreatmentDate('XXXX-12-20', TODAY, undefined, { newTreatment: false, confirmed: true }).kind).toBe('ask');
  });

  test('the questions are the skill\'s own sentences', () => {
    const friday = care.decideTreatmentDate('2026-11-27', TODAY, undefined, { newTreatment: false, confirmed: false });
    expect(friday.kind === 'ask' && friday.answer.say).toBe(en.confirmDate(d('2026-11-20'), 6).text);
  });
});

test('a new treatment keeps the earlier date, and says so only when there is one', () => {
  expect(care.dateSaved(d('2026-11-24'), TODAY, true, [d('2026-10-01')]).say).toMatch(/^Got it: your new treatment was Tuesday, November 24th, so today is day 2 of your new recovery\. I've kept your earlier date too\./);
  expect(care.dateSaved(d('2026-11-24'), TODAY, true, []).say).toMatch(/^Got it: Tuesday, November 24th\. That makes today day 2\./);
});

describe('"can I" on another day says that day and the date it changes', () => {
  const treatment = d('2026-11-24'); // today is day 2
  test.each([
    ['makeup', 1, false, 'Yesterday, day 1, not yet: makeup is fine from tomorrow, day 3.'],
    ['makeup', 3, true, 'Tomorrow, day 3, makeup is fine.'],
    ['ibuprofen', 8, true, 'On Tuesday, day 8, anti-inflammatories are fine.'],
    ['Advil', 5, false, 'On Saturday, day 5, not yet: anti-inflammatories are fine from Tuesday, day 8.'],
    ['Advil', 12, true, 'On Saturday, December 5th, day 12, anti-inflammatories are fine.'],
  ])('%s on day %i', (word, day, allowed, start) => {
    const a = care.canI(protocol, treatment, TODAY, word, day)!;
    expect(a.facts).toMatchObject({ day, date: addDays(treatment, day - 1), allowed });
    expect(a.say.startsWith(start)).toBe(true);
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
