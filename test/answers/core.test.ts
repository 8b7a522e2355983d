import { activityAnswer, fixedAnswer } from '../../lambda/answers/activity';
import { patientOn } from '../../lambda/answers/patient';
import { symptomHelp } from '../../lambda/answers/symptom';
import {
  dateSavedAnswer,
  decideConfirmedDate,
  decideRejectedDate,
  decideSaidDate,
  type DateContext,
  type SaidDate,
} from '../../lambda/answers/treatmentDate';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus, findActivity } from '../../lambda/domain/care';
import { isReviewed } from '../../lambda/protocol/facts';
import { testProtocol } from '../support/testProtocol';
import { canIOn } from '../../lambda/speech/anotherDay.en-US';
import { en } from '../../lambda/speech/en-US';

/**
 * The answers core, straight: the date decisions every door takes, the same sentences as values, and
 * data a host cannot misread. Today is Wednesday, November 25th, 2026.
 */
const protocol = testProtocol();
const TODAY = '2026-11-25' as IsoDate;
const d = (s: string) => s as IsoDate;
const ctx = (stored?: string, newTreatment = false): DateContext => ({ today: TODAY, stored: stored as IsoDate | undefined, newTreatment });
const alexa = (date: string, rejected: string[] = []): SaidDate => ({ said: { date }, form: 'alexa', rejected: rejected.map(d) });
const exact = (date: string, rejected: string[] = []): SaidDate => ({ said: { date }, form: 'exact', rejected: rejected.map(d) });

describe('a treatment date: nothing is saved until it is definite', () => {
  test.each([
    // [said, stored, new treatment, decision, needs, candidate]
    [alexa('2026-11-24'), undefined, false, 'save', undefined, undefined], // "yesterday"
    [alexa('XXXX-XX-20'), undefined, false, 'save', undefined, undefined], // "the 20th": this month, not ahead
    [alexa('2026-11-27'), undefined, false, 'confirm', 'confirmation', '2026-11-20'], // "Friday", sent forward by Alexa
    [alexa('2026-11-27', ['2026-11-20']), undefined, false, 'confirm', 'confirmation', '2026-11-13'], // after a no: the next reading
    [alexa('2026-11-27', ['2026-11-20', '2026-11-13', '2026-10-27']), undefined, false, 'confirm', 'confirmation', '2025-11-27'], // the last resort: a year ago
    [alexa('2026-11-27', ['2026-11-20', '2026-11-13', '2026-10-27', '2025-11-27']), undefined, false, 'ask', 'month_and_day', undefined],
    [alexa('XXXX-12-20'), undefined, false, 'confirm', 'confirmation', '2025-12-20'], // "December 20th": we chose the year
    [alexa('2026-W47'), undefined, false, 'ask', 'exact_day', undefined], // "last week"
    [alexa('2026-11'), undefined, false, 'ask', 'exact_day', undefined], // "in November"
    [alexa('next tuesday'), undefined, false, 'ask', 'exact_day', undefined], // not an Alexa date at all
    [alexa('2028-01-01'), undefined, false, 'ask', 'past_day', undefined], // still to come
    [alexa('1999-01-01'), undefined, false, 'ask', 'recent_day', undefined], // "January first 1999": more than two years back
    [alexa('2025-12-01'), undefined, false, 'confirm', 'confirmation', '2025-12-01'], // about a year back: read with its year first
    [exact('1990-01-01'), undefined, false, 'ask', 'recent_day', undefined],
    [exact('2027-01-15'), undefined, false, 'ask', 'past_day', undefined], // a full future date is still to come, never a past guess
    [exact('2026-11-30'), undefined, false, 'ask', 'past_day', undefined], // five days ahead
    [exact('2026-11-30'), '2026-11-20', false, 'ask', 'past_day', undefined], // five days ahead, a date stored: no change offered
    [alexa('2026-11-22'), '2026-11-20', false, 'confirm', 'confirmation', '2026-11-22'], // a correction asks first
    [alexa('2026-11-20'), '2026-11-20', false, 'settled', undefined, undefined], // the stored date again
    [alexa('2026-11-18'), '2026-11-20', true, 'ask', 'date_after_current', undefined],
    [alexa('2026-11-24'), '2026-11-20', true, 'save', undefined, undefined],
    [alexa('2026-11-20'), '2026-11-20', true, 'settled', undefined, undefined],
  ] as const)('%j (stored %s, new %s) → %s %s %s', (spoken, stored, newTreatment, kind, needs, candidate) => {
    const decision = decideSaidDate(spoken, ctx(stored, newTreatment));
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'ask' || decision.kind === 'confirm') {
      expect(decision.answer.data).toMatchObject({ saved: false, needs, ...(candidate && { candidate }) });
      expect(decision.answer.sentence.reprompt).toBeDefined();
    }
  });

  test('a day more than two years back is refused with its year and a question; about a year back is read with its year', () => {
    const old = decideSaidDate(alexa('1999-01-01'), ctx());
    expect(old.kind === 'ask' && old.answer.sentence.text).toBe(
      'Friday, January 1st, 1999 is more than two years ago, and I can only follow the recovery from a recent treatment. Which day was your treatment?',
    );
    const year = decideSaidDate(alexa('2025-12-01'), ctx());
    expect(year.kind === 'confirm' && year.answer.sentence.text).toBe(
      'Monday, December 1st, 2025. That makes today day 360. Is that right?',
    );
    expect(dateSavedAnswer(d('2025-12-01'), ctx(), []).sentence.text).toBe('Got it: Monday, December 1st, 2025. That makes today day 360.');
  });

  test('a full future date is still to come, said with nothing stored or a date stored', () => {
    for (const stored of [undefined, '2026-11-20']) {
      const ahead = decideSaidDate(exact('2027-01-15'), ctx(stored));
      expect(ahead.kind === 'ask' && ahead.answer.sentence.text).toBe(
        "Friday, January 15th is still to come, and I can only count from a treatment you've had. Which day was your treatment?",
      );
    }
  });

  test('a yes is checked again: never a future day, never two years back, never a new treatment before the current one', () => {
    expect(decideConfirmedDate(d('2026-11-20'), ctx()).kind).toBe('save');
    expect(decideConfirmedDate(d('2026-12-01'), ctx()).kind).toBe('ask');
    expect(decideConfirmedDate(d('1990-01-01'), ctx()).kind).toBe('ask');
    expect(decideConfirmedDate(d('2026-11-18'), ctx('2026-11-20', true)).kind).toBe('ask');
    expect(decideConfirmedDate(d('2026-11-20'), ctx('2026-11-20')).kind).toBe('settled');
  });

  test('a no to changing the stored date keeps it; a no to a reading offers the next one', () => {
    const kept = decideRejectedDate(alexa('2026-11-27', ['2026-11-20']), ctx('2026-11-10'));
    expect(kept.kind === 'settled' && kept.answer.sentence.text).toBe(en.keptDate(d('2026-11-10')).text);
    const next = decideRejectedDate(alexa('2026-11-27', ['2026-11-20']), ctx());
    expect(next.kind === 'confirm' && next.answer.sentence.text).toBe(en.confirmNextDate(d('2026-11-13'), 13).text);
    // "The 20th" (sent as December 20th): after a no to November 20th, the month is asked, never a year back.
    expect(decideRejectedDate(alexa('2026-12-20', ['2026-11-20']), ctx()).kind).toBe('ask');
  });

  test("the questions are the skill's own sentences", () => {
    const friday = decideSaidDate(alexa('2026-11-27'), ctx());
    expect(friday.kind === 'confirm' && friday.answer.sentence.text).toBe(en.confirmDate(d('2026-11-20'), 6).text);
  });
});

test('a new treatment keeps the earlier date, and says so only when there is one', () => {
  expect(dateSavedAnswer(d('2026-11-24'), ctx('2026-10-01', true), [d('2026-10-01')]).sentence.text).toBe(
    "Got it: your new treatment was Tuesday, November 24th, so today is day 2 of your new recovery. I've kept your earlier date too.",
  );
  expect(dateSavedAnswer(d('2026-11-24'), ctx(undefined, true), []).sentence.text).toBe(
    'Got it: Tuesday, November 24th. That makes today day 2.',
  );
});

describe('"can I" on another day is the answer for that day (speech/anotherDay)', () => {
  const patient = patientOn(protocol, { treatmentDate: d('2026-11-24') }, TODAY); // today is day 2
  test.each([
    ['makeup', 1, false],
    ['makeup', 3, true],
    ['ibuprofen', 8, true],
    ['Advil', 5, false],
    ['Advil', 12, true],
  ] as const)('%s on day %i', (word, day, allowed) => {
    const a = activityAnswer(patient, { kind: 'canI', word, heard: word, day })!;
    const date = addDays(patient.treatment, day - 1);
    expect(a.data).toMatchObject({ day, date, allowed });
    expect(a.sentence.text).toBe(canIOn(activityStatus(findActivity(protocol, word)!, patient.treatment, day), day, date, TODAY, word));
  });

  test('every fact carries its source', () => {
    for (const a of protocol.activities) {
      const answer = activityAnswer(patient, { kind: 'canI', word: a.id })!;
      expect(answer.data).toMatchObject({ source: a.source, reviewedByClinic: isReviewed(a.source) });
      expect(answer.facts).toEqual([{ source: a.source, reviewedByClinic: isReviewed(a.source) }]);
    }
  });

  test('the sun on day 2: allowed with extra care, in the words and in the data', () => {
    for (const kind of ['canI', 'whenCanI'] as const) {
      const sun = activityAnswer(patient, { kind, word: 'sun' })!;
      expect(sun.data).toMatchObject({ kind: 'limit', allowed: true, extraCare: true, extraCareEndsDay: 15 });
      expect(sun.data).not.toHaveProperty('allowedFromDay');
      expect(sun.sentence.text).toMatch(/^Minimize sun exposure/);
    }
  });
});

describe('the symptom path never assesses (domain/symptoms)', () => {
  test.each([
    // [day, heard, normal symptom or clinic]
    [1, 'my face is red', 'redness'],
    [2, 'my skin feels dry', 'dryness'],
    [4, 'it is peeling', 'peeling'],
    [2, 'my face is red', 'clinic'], // redness is day 1's normal, not day 2's
    [1, 'my face is swollen and hot', 'clinic'],
    [undefined, 'it is peeling', 'clinic'], // no date: the clinic
  ] as const)('day %s, "%s" → %s', (day, heard, expected) => {
    const a = symptomHelp(protocol, heard, { day, worried: false });
    expect(a.data.assessed).toBe(false);
    if (expected === 'clinic') {
      expect(a.data.callClinic).toBe(true);
      expect(a.sentence.text).toMatch(/^I can't check symptoms\. Please call .*If it's an emergency, call 911\.$/);
    } else {
      expect(a.data.normalForThisDay).toBe(expected);
      expect(a.sentence.text).toMatch(/If you're worried, call/);
    }
    expect(a.sentence.text).not.toMatch(/ibuprofen|\bice\b|nothing to worry/i);
  });
});

test('a worry always goes to the clinic, even about what is normal that day', () => {
  expect(symptomHelp(protocol, 'it is peeling', { day: 4, worried: false }).data.normalForThisDay).toBe('peeling');
  expect(symptomHelp(protocol, 'it is peeling', { day: 4, worried: true }).data).toMatchObject({ callClinic: true, day: null });
});

test('a prescription goes to the doctor and tanning is never fine, whatever the day', () => {
  expect(fixedAnswer(protocol, 'Accutane')!.data).toEqual({ activity: 'prescription' });
  expect(fixedAnswer(protocol, 'tanning bed')!.data).toEqual({ activity: 'tanning', allowed: false });
});
