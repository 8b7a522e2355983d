import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { parseClockTime, resolveSpokenTime, type ClockTime } from '../../lambda/domain/clockTime';
import { lastDailyDay, reminderPlan, upcomingEntries } from '../../lambda/domain/reminderPlan';
import { testProtocol } from '../support/testProtocol';
import type { Protocol } from '../../lambda/protocol/types';
import { MAX_REMINDER_TEXT, reminderText, spokenTime } from '../../lambda/speech/reminders.en-US';

const protocol = testProtocol();
const d = (s: string): IsoDate => parseIsoDate(s) ?? fail(`bad date ${s}`);
const t = (s: string): ClockTime => parseClockTime(s) ?? fail(`bad time ${s}`);
function fail(message: string): never {
  throw new Error(message);
}
const withActivity = (p: Protocol, id: string, avoidThroughDay: number): Protocol => ({
  ...p,
  activities: p.activities.map((a) => (a.id === id ? { ...a, avoidThroughDay } : a)),
});

describe('the plan follows the protocol', () => {
  const plan = reminderPlan(protocol, d('2026-11-20'), t('07:30'));

  test('default protocol: a morning reminder on days 2-14, then day 15 (extra sun care eases) and day 29 (follow-up)', () => {
    expect(plan.map((e) => e.day)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 29]);
    expect(plan.filter((e) => e.daily).map((e) => e.day)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(plan.map((e) => e.key)).toEqual(plan.map((e) => `day-${e.day}`));
  });

  test('dates count from the treatment day (day 1) and every entry is at the chosen local time', () => {
    expect(plan[0]).toMatchObject({ day: 2, date: '2026-11-21', time: '07:30' });
    expect(plan[plan.length - 1]).toMatchObject({ day: 29, date: '2026-12-18', time: '07:30' });
    expect(new Set(plan.map((e) => e.time))).toEqual(new Set(['07:30']));
  });

  test('the daily window ends with the longest "limit" window, read from the data (sun: day 14)', () => {
    expect(lastDailyDay(protocol)).toBe(14);
    expect(lastDailyDay(withActivity(protocol, 'sun', 10))).toBe(10);
  });

  // Each window's end, from the clinic's editable data: the activities ending together share their morning.
  const restrictions = protocol.activities.filter((a) => a.kind !== 'encouraged');
  const endDays = [...new Set(restrictions.map((a) => a.avoidThroughDay + 1))];
  test.each(endDays.map((day) => [`day ${day}`, day, restrictions.filter((a) => a.avoidThroughDay + 1 === day).map((a) => a.id)] as const))(
    'milestones merge into that day: %s',
    (_name, day, ids) => {
      const entry = plan.find((e) => e.day === day);
      expect(entry?.milestones.map((s) => s.activity.id).sort()).toEqual([...ids].sort());
    },
  );

  test('one reminder per day: no two entries share a date', () => {
    expect(new Set(plan.map((e) => e.date)).size).toBe(plan.length);
  });

  test('the follow-up day comes from followUp.afterDays', () => {
    expect(plan.filter((e) => e.followUpFromToday).map((e) => e.day)).toEqual([29]);
    const later = reminderPlan({ ...protocol, followUp: { ...protocol.followUp, afterDays: 42 } }, d('2026-11-20'), t('07:30'));
    expect(later.filter((e) => e.followUpFromToday).map((e) => e.day)).toEqual([43]);
  });

  test('a milestone outside the daily window gets its own reminder; one inside merges', () => {
    const p = withActivity(withActivity(protocol, 'antiInflammatories', 20), 'makeup', 4);
    const days = reminderPlan(p, d('2026-11-20'), t('07:30')).map((e) => e.day);
    expect(days).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 21, 29]);
  });
});

describe('spoken texts, one per day, built from the protocol phrases', () => {
  const plan = reminderPlan(protocol, d('2026-11-20'), t('07:30'));
  const text = (day: number) => reminderText(plan.find((e) => e.day === day) ?? fail(`no day ${day}`), protocol);

  test('every text names its day and fits the cap', () => {
    for (const entry of plan) {
      const words = reminderText(entry, protocol);
      expect(words.startsWith(`Day ${entry.day} of your microneedling recovery`)).toBe(true);
      expect(words.length).toBeLessThanOrEqual(MAX_REMINDER_TEXT);
    }
  });

  test.each([
    // Every restriction in force that day, with its end; readings said to be readings (issue 17).
    [
      2,
      [
        'hard workouts and saunas are fine again',
        "pending your clinic's review",
        'No makeup for 48 hours, until tomorrow',
        'No anti-inflammatories for a full week, until Friday',
        'no ice until Friday',
        'Extra sun precautions until December 4th.',
      ],
    ],
    [3, ['Let the peeling come off on its own', 'Keep moisturizing', 'From today, 48 hours after your appointment, makeup is fine again.']],
    [
      5,
      [
        'Let the peeling come off on its own',
        "Pending your clinic's review: no exfoliating, retinoids, toners or fragrance until Thursday and no ice until Friday.",
      ],
    ],
    [
      7,
      [
        "From today, pending your clinic's review, exfoliating, retinoids, toners and fragrance are fine again",
        'No anti-inflammatories for a full week, until tomorrow.',
        "Pending your clinic's review: no ice until tomorrow.",
      ],
    ],
    [
      8,
      [
        'From today, a full week after your appointment, anti-inflammatories are fine again',
        "From today, pending your clinic's review, ice is fine again",
        'Extra sun precautions until December 4th.',
      ],
    ],
    [
      14,
      [
        'Until tomorrow, extra sun precautions: out of direct sun, a wide-brimmed hat, and sunscreen of at least SPF 15, preferably above SPF 30.',
      ],
    ],
    [15, ['your first 14 days of extra precautions with the sun are over']],
    [29, ['you can book your follow-up session']],
  ])('day %i says what matters that morning', (day, phrases) => {
    for (const phrase of phrases) expect(text(day)).toContain(phrase);
  });

  test("a clinic's phone number joins the follow-up reminder", () => {
    const p = { ...protocol, clinic: { ...protocol.clinic, name: 'Skin Studio', phone: '555 0100' } };
    const entry = reminderPlan(p, d('2026-11-20'), t('07:30')).find((e) => e.followUpFromToday) ?? fail('no follow-up');
    expect(reminderText(entry, p)).toContain('Call Skin Studio at 555 0100');
  });

  test('over-long clinic phrases are shortened, never sent past the cap', () => {
    const long = 'x'.repeat(400);
    const fact = { text: long, source: { clinic: 'a test', reviewedByClinic: true } };
    const p = { ...protocol, phases: protocol.phases.map((ph) => ({ ...ph, skin: fact, todo: [fact] })) };
    for (const entry of reminderPlan(p, d('2026-11-20'), t('07:30')))
      expect(reminderText(entry, p).length).toBeLessThanOrEqual(MAX_REMINDER_TEXT);
  });
});

describe('only reminders that still lie ahead are created', () => {
  const plan = reminderPlan(protocol, d('2026-11-20'), t('07:30'));
  test.each([
    ['on the treatment day, all of them', '2026-11-20', '18:00', 15, 2],
    ['on day 3 before 7:30, day 3 is still ahead', '2026-11-22', '07:29', 14, 3],
    ['on day 3 at 7:30 sharp, it is missed', '2026-11-22', '07:30', 13, 4],
    ['on day 20, only the follow-up', '2026-12-09', '09:00', 1, 29],
    ['on day 30, nothing', '2026-12-19', '06:00', 0, undefined],
  ])('%s', (_name, date, time, count, firstDay) => {
    const ahead = upcomingEntries(plan, { date: d(date), time: t(time) });
    expect(ahead).toHaveLength(count);
    expect(ahead[0]?.day).toBe(firstDay);
  });
});

describe('times as spoken and as AMAZON.TIME sends them', () => {
  test.each([
    ['07:30', 'exact', '07:30'],
    ['7:05', 'exact', '07:05'],
    ['19:00', 'exact', '19:00'],
    ['MO', 'vague', undefined],
    ['EV', 'vague', undefined],
    ['24:00', 'invalid', undefined],
    ['soon', 'invalid', undefined],
  ])('%s', (value, kind, time) => {
    const r = resolveSpokenTime(value);
    expect(r.kind).toBe(kind);
    if (r.kind === 'exact') expect(r.time).toBe(time);
  });

  test.each([
    ['07:30', '7:30 AM'],
    ['08:00', '8 AM'],
    ['00:15', '12:15 AM'],
    ['12:00', '12 PM'],
    ['19:45', '7:45 PM'],
  ])('%s is said as %s', (time, said) => {
    expect(spokenTime(t(time))).toBe(said);
  });
});
