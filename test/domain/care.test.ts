import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus, dayNumber, findActivity, followUp, phaseOf, planForDay } from '../../lambda/domain/care';
import { testProtocol } from '../support/testProtocol';

const protocol = testProtocol();
const d = (s: string): IsoDate => {
  const date = parseIsoDate(s);
  if (!date) throw new Error(`bad test date ${s}`);
  return date;
};
const activity = (id: string) => {
  const a = protocol.activities.find((x) => x.id === id);
  if (!a) throw new Error(`no activity ${id}`);
  return a;
};

describe('day numbering: day 1 is the treatment day', () => {
  test.each([
    ['treatment day is day 1', '2026-11-20', '2026-11-20', 1],
    ['the next day is day 2', '2026-11-20', '2026-11-21', 2],
    ['across a month end', '2026-10-30', '2026-11-02', 4],
    ['across a year end', '2026-12-30', '2027-01-02', 4],
    ['across Feb 29 in a leap year', '2028-02-27', '2028-03-01', 4],
    ['across Feb 28 in a common year', '2027-02-27', '2027-03-01', 3],
    ['over the US DST change (Nov 1, 2026)', '2026-10-31', '2026-11-02', 3],
    ['over the EU DST change (Mar 29, 2026)', '2026-03-28', '2026-03-30', 3],
  ])('%s', (_name, treatment, today, expected) => {
    expect(dayNumber(d(treatment), d(today))).toBe(expected);
  });
});

describe('phases follow the protocol table', () => {
  test.each([
    [1, 'inflammation'],
    [2, 'dryness'],
    [3, 'peeling'],
    [6, 'peeling'],
    [7, 'remodeling'],
    [14, 'remodeling'],
    [15, 'healed'],
    [28, 'healed'],
    [29, 'ready'],
    [91, 'ready'],
    [92, 'settled'],
    [400, 'settled'],
  ])('day %i is %s', (day, phase) => {
    expect(phaseOf(protocol, day).id).toBe(phase);
  });
});

/** Each restricted activity at its boundary: the last day avoided, and the first day allowed. */
describe('every activity at its boundary', () => {
  const treatment = d('2026-11-20');
  // From the clinic's editable data (a valid edit changes the table with it); the date by plain calendar math.
  test.each(
    testProtocol()
      .activities.filter((a) => a.kind !== 'encouraged')
      .map(
        (a) =>
          [
            a.id,
            a.avoidThroughDay,
            a.avoidThroughDay + 1,
            new Date(Date.UTC(2026, 10, 20 + a.avoidThroughDay)).toISOString().slice(0, 10),
          ] as const,
      ),
  )('%s: avoided through day %i, allowed from day %i (%s)', (id, lastAvoided, firstAllowed, firstDate) => {
    const last = activityStatus(activity(id), treatment, lastAvoided);
    expect(last.allowed).toBe(false);
    expect(last.firstFreeDate).toBe(firstDate);
    const first = activityStatus(activity(id), treatment, firstAllowed);
    expect(first.allowed).toBe(true);
    expect(first.allowedFromToday).toBe(true);
    expect(activityStatus(activity(id), treatment, firstAllowed + 1).allowedFromToday).toBe(false);
  });

  test('moisturizer and sunscreen are always encouraged, never announced as newly allowed', () => {
    for (const day of [1, 2, 30]) {
      const s = activityStatus(activity('gentleCare'), treatment, day);
      expect(s.allowed).toBe(true);
      expect(s.allowedFromToday).toBe(false);
    }
  });
});

describe('the plan for a day', () => {
  const treatment = d('2026-11-20');

  test('day 1: everything restricted is off limits, the shortest first', () => {
    const plan = planForDay(protocol, treatment, 1);
    expect(plan.offLimits.map((s) => s.activity.id)).toEqual([
      'exercise',
      'sauna',
      'makeup',
      'exfoliation',
      'retinoids',
      'acids',
      'fragrance',
      'antiInflammatories',
      'ice',
      'sun',
    ]);
    expect(plan.newlyAllowed).toEqual([]);
  });

  test("makeup's first free day (from the clinic's data): allowed that day, off limits no more", () => {
    const day = activity('makeup').avoidThroughDay + 1;
    const plan = planForDay(protocol, treatment, day);
    expect(plan.newlyAllowed.map((s) => s.activity.id)).toContain('makeup');
    expect(plan.offLimits.map((s) => s.activity.id)).not.toContain('makeup');
    expect(planForDay(protocol, treatment, day - 1).offLimits.map((s) => s.activity.id)).toContain('makeup');
  });

  test('day 8: only the extra sun care remains', () => {
    expect(planForDay(protocol, treatment, 8).offLimits.map((s) => s.activity.id)).toEqual(['sun']);
  });

  test('day 28: restrictions over but the follow-up is not yet bookable', () => {
    const plan = planForDay(protocol, treatment, 28);
    expect(plan.offLimits).toEqual([]);
    expect(plan.followUp.bookableNow).toBe(false);
  });

  test('day 29: follow-up bookable from treatment + 28 days (never "recovery is complete")', () => {
    const plan = planForDay(protocol, treatment, 29);
    expect(plan.offLimits).toEqual([]);
    expect(plan.followUp.bookableNow).toBe(true);
    expect(plan.followUp.fromDate).toBe('2026-12-18');
    expect(plan.phase.id).toBe('ready');
  });

  test('follow-up across a year end', () => {
    expect(followUp(protocol, d('2026-12-15'), 1).fromDate).toBe('2027-01-12');
  });
});

describe('finding an activity from what the patient said', () => {
  test.each([
    ['makeup', 'makeup'],
    ['Advil', 'antiInflammatories'],
    ['motrin', 'antiInflammatories'],
    ['Aleve', 'antiInflammatories'],
    ['differin', 'retinoids'],
    ['baby aspirin', 'antiInflammatories'],
    ['steam room', 'sauna'],
    ['the gym', 'exercise'],
    ['antiInflammatories', 'antiInflammatories'],
    ['glycolic acid', 'acids'],
  ])('%s → %s', (word, id) => {
    expect(findActivity(protocol, word)?.id).toBe(id);
  });

  test('an unknown word finds nothing', () => {
    expect(findActivity(protocol, 'botox')).toBeUndefined();
    expect(findActivity(protocol, undefined)).toBeUndefined();
  });
});
