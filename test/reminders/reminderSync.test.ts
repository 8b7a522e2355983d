import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import { parseClockTime, type ClockTime } from '../../lambda/domain/clockTime';
import { reminderPlan, upcomingEntries, type LocalNow } from '../../lambda/domain/reminderPlan';
import {
  hasActivePlan,
  mergeConcurrent,
  planCancel,
  planSync,
  reconcile,
  recordAfter,
  withConsent,
  withoutConsent,
  type PlanRecord,
} from '../../lambda/domain/reminderSync';
import { testProtocol } from '../support/testProtocol';

const protocol = testProtocol();
const d = (s: string): IsoDate => parseIsoDate(s) as IsoDate;
const t = (s: string): ClockTime => parseClockTime(s) as ClockTime;
const treatment = d('2026-11-20');
const plan = (time: string) => reminderPlan(protocol, treatment, t(time));
const onTreatmentDay: LocalNow = { date: treatment, time: t('18:00') };
const tokensFor = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `tok-${k}`]));
const allKeys = plan('07:30').map((e) => e.key);

describe('planSync: the calls that make the alerts match the plan', () => {
  test('no record: create every upcoming entry, soonest first', () => {
    const work = planSync(undefined, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    expect(work.creates.map((e) => e.day)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 29]);
    expect(work.deletes).toEqual([]);
    expect(work.moves).toEqual([]);
  });

  test('asking twice: a complete plan at the same time needs no call at all', () => {
    const record: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: tokensFor(allKeys), incomplete: false };
    const work = planSync(record, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    expect(work.creates).toEqual([]);
    expect(work.moves).toEqual([]);
    expect(work.deletes).toEqual([]);
    expect(Object.keys(work.keep)).toHaveLength(15);
  });

  test('a half-created plan: only the missing entries are created', () => {
    const record: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: tokensFor(allKeys.slice(0, 5)), incomplete: true };
    const work = planSync(record, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    expect(work.creates.map((e) => e.key)).toEqual(allKeys.slice(5));
  });

  test('a new time moves upcoming alerts and leaves ones that already went off', () => {
    const record: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: tokensFor(allKeys), incomplete: false };
    // Day 4, 09:00: days 2-4 have gone off at 7:30; today's must not ring again at 10.
    const now: LocalNow = { date: d('2026-11-23'), time: t('09:00') };
    const work = planSync(record, treatment, t('10:00'), plan('10:00'), now);
    expect(work.moves.map((m) => m.entry.day)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 29]);
    expect(work.moves.every((m) => m.entry.time === '10:00' && m.token === `tok-${m.entry.key}`)).toBe(true);
    expect(Object.keys(work.keep).sort()).toEqual(['day-2', 'day-3', 'day-4']);
    expect(work.creates).toEqual([]);
  });

  test("a move at 5:48 PM from 6:15 PM to 4:05 PM: today's alert is deleted, not left ringing at 6:15", () => {
    const record: PlanRecord = { time: '18:15', forTreatment: treatment, tokens: tokensFor(allKeys), incomplete: false };
    const now: LocalNow = { date: d('2026-11-23'), time: t('17:48') }; // day 4
    const work = planSync(record, treatment, t('16:05'), plan('16:05'), now);
    expect(work.droppedToday).toEqual({ entry: expect.objectContaining({ day: 4 }), token: 'tok-day-4' });
    expect(work.deletes).toEqual(['tok-day-4']);
    expect(work.moves.map((m) => m.entry.day)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 29]);
    expect(Object.keys(work.keep).sort()).toEqual(['day-2', 'day-3']);
    expect(work.creates).toEqual([]);
    expect(work.rungToday).toBeUndefined();
  });

  test("a move at 5:48 PM from 4:05 PM (rung) to 8 PM: today's alert is kept and said to have rung, never made again", () => {
    const record: PlanRecord = { time: '16:05', forTreatment: treatment, tokens: tokensFor(allKeys), incomplete: false };
    const now: LocalNow = { date: d('2026-11-23'), time: t('17:48') };
    const work = planSync(record, treatment, t('20:00'), plan('20:00'), now);
    expect(work.rungToday?.day).toBe(4);
    expect(work.keep['day-4']).toBe('tok-day-4');
    expect(work.creates).toEqual([]);
    expect(work.droppedToday).toBeUndefined();
  });

  test('a plan for another treatment date: every old alert is deleted, the new plan created', () => {
    const record: PlanRecord = { time: '07:30', forTreatment: d('2026-10-01'), tokens: tokensFor(['day-20', 'day-29']), incomplete: false };
    const work = planSync(record, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    expect([...work.deletes].sort()).toEqual(['tok-day-20', 'tok-day-29']);
    expect(work.creates).toHaveLength(15);
  });

  test('stale alerts from an earlier failure are deleted first', () => {
    const record: PlanRecord = {
      time: '07:30',
      forTreatment: treatment,
      tokens: { ...tokensFor(allKeys), 'stale-old-1': 'old-1' },
      incomplete: false,
    };
    const work = planSync(record, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    expect(work.deletes).toEqual(['old-1']);
    expect(work.keep['stale-old-1']).toBeUndefined();
  });
});

describe('recordAfter: what the profile remembers after a run', () => {
  const upcomingKeys = upcomingEntries(plan('07:30'), onTreatmentDay).map((e) => e.key);
  const target = { time: t('07:30'), forTreatment: treatment, upcomingKeys };

  test('everything created: complete, tokens by entry', () => {
    const work = planSync(undefined, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    const created = new Map(allKeys.map((k) => [k, `a-${k}`]));
    const record = recordAfter(work, { deleted: new Set(), moved: new Set(), created }, target, undefined);
    expect(record).toEqual({ time: '07:30', forTreatment: treatment, tokens: Object.fromEntries(created), incomplete: false });
  });

  test('some creates failed: recorded as incomplete with what exists', () => {
    const work = planSync(undefined, treatment, t('07:30'), plan('07:30'), onTreatmentDay);
    const created = new Map(allKeys.slice(0, 4).map((k) => [k, `a-${k}`]));
    const record = recordAfter(work, { deleted: new Set(), moved: new Set(), created }, target, undefined);
    expect(record?.incomplete).toBe(true);
    expect(Object.keys(record?.tokens ?? {})).toEqual(allKeys.slice(0, 4));
  });

  test('a failed move keeps the old alert as stale (deleted next run) and the entry as missing', () => {
    const previous: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: tokensFor(['day-2', 'day-3']), incomplete: false };
    const entries = plan('08:00').filter((e) => e.day <= 3);
    const work = planSync(previous, treatment, t('08:00'), entries, onTreatmentDay);
    const record = recordAfter(
      work,
      { deleted: new Set(), moved: new Set(['day-2']), created: new Map() },
      { time: t('08:00'), forTreatment: treatment, upcomingKeys: ['day-2', 'day-3'] },
      previous,
    );
    expect(record).toEqual({
      time: '08:00',
      forTreatment: treatment,
      tokens: { 'day-2': 'tok-day-2', 'stale-tok-day-3': 'tok-day-3' },
      incomplete: true,
    });
  });

  test('a cancel that could not delete everything keeps the survivors as stale; a full cancel forgets the plan', () => {
    const previous: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: tokensFor(['day-2', 'day-3']), incomplete: false };
    const work = planCancel(previous);
    expect(recordAfter(work, { deleted: new Set(['tok-day-2']), moved: new Set(), created: new Map() }, undefined, previous)).toEqual({
      ...previous,
      tokens: { 'stale-tok-day-3': 'tok-day-3' },
    });
    expect(
      recordAfter(work, { deleted: new Set(['tok-day-2', 'tok-day-3']), moved: new Set(), created: new Map() }, undefined, previous),
    ).toBeUndefined();
  });
});

describe('consent', () => {
  const NOW = '2026-11-20T23:00:00.000Z';
  const LATER = '2026-11-22T12:00:00.000Z';

  test('a yes without permission is remembered as a plan waiting to be completed, with when its work began', () => {
    const record = withConsent(undefined, treatment, t('07:30'), NOW);
    expect(record).toEqual({ time: '07:30', forTreatment: treatment, tokens: {}, incomplete: true, since: NOW });
    expect(hasActivePlan(record, treatment)).toBe(true);
  });

  test('old alerts of another treatment stay marked for deletion', () => {
    const old: PlanRecord = { time: '06:00', forTreatment: d('2026-10-01'), tokens: { 'day-29': 'x' }, incomplete: false };
    expect(withConsent(old, treatment, t('07:30'), NOW)).toEqual({
      time: '07:30',
      forTreatment: treatment,
      tokens: { 'stale-x': 'x' },
      incomplete: true,
      since: NOW,
    });
  });

  test('unfinished work keeps the instant it began; finished work starts a new one', () => {
    const waiting: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: { 'day-2': 'a' }, incomplete: true, since: NOW };
    expect(withConsent(waiting, treatment, t('07:30'), LATER).since).toBe(NOW);
    expect(withConsent({ ...waiting, incomplete: false, since: undefined }, treatment, t('07:30'), LATER).since).toBe(LATER);
    const done = recordAfter(
      { deletes: [], moves: [], creates: [], keep: { 'day-2': 'a' } },
      { deleted: new Set(), moved: new Set(), created: new Map() },
      { time: t('07:30'), forTreatment: treatment, upcomingKeys: ['day-2'] },
      waiting,
    );
    expect(done).toEqual({ time: '07:30', forTreatment: treatment, tokens: { 'day-2': 'a' }, incomplete: false });
  });

  test('declining drops a waiting plan but keeps alerts that exist', () => {
    expect(withoutConsent({ time: '07:30', forTreatment: treatment, tokens: {}, incomplete: true })).toBeUndefined();
    const some: PlanRecord = { time: '07:30', forTreatment: treatment, tokens: { 'day-2': 'a' }, incomplete: true };
    expect(withoutConsent(some)).toEqual({ ...some, incomplete: false });
  });
});

describe('mergeConcurrent: what another device stored meanwhile is never dropped', () => {
  const rec = (time: string, forTreatment: string, tokens: Record<string, string>, incomplete = false): PlanRecord => ({
    time,
    forTreatment: d(forTreatment),
    tokens,
    incomplete,
  });
  const before = rec('07:30', '2026-11-20', { 'day-2': 'A', 'day-3': 'B' });

  test.each([
    [
      'nobody else wrote: ours as it is',
      rec('08:00', '2026-11-20', { 'day-2': 'A', 'day-3': 'B' }),
      before,
      rec('08:00', '2026-11-20', { 'day-2': 'A', 'day-3': 'B' }),
    ],
    ['the stored record holds nothing new: ours as it is (here: nothing left)', undefined, before, undefined],
    [
      'our cancel, while the other device re-created alerts: those are kept as stale, to delete next time',
      undefined,
      rec('08:00', '2026-11-20', { 'day-2': 'C', 'day-3': 'D' }),
      rec('08:00', '2026-11-20', { 'stale-C': 'C', 'stale-D': 'D' }),
    ],
    [
      'the same plan completed by the other device: its alerts join ours under their keys',
      rec('07:30', '2026-11-20', { 'day-2': 'A' }, true),
      rec('07:30', '2026-11-20', { 'day-2': 'A', 'day-3': 'E' }),
      rec('07:30', '2026-11-20', { 'day-2': 'A', 'day-3': 'E' }, true),
    ],
    [
      'a plan for another date or time: its alerts are stale in ours',
      rec('07:30', '2026-11-21', { 'day-2': 'F' }),
      rec('08:00', '2026-11-20', { 'day-2': 'G', 'stale-H': 'H' }),
      rec('07:30', '2026-11-21', { 'day-2': 'F', 'stale-G': 'G', 'stale-H': 'H' }),
    ],
  ])('%s', (_name, ours, current, expected) => {
    expect(mergeConcurrent(ours, before, current)).toEqual(expected);
  });
});

describe("reconcile: the record as Alexa's own list shows it", () => {
  const record: PlanRecord = {
    time: '07:30',
    forTreatment: treatment,
    tokens: { 'day-2': 'a', 'day-3': 'b', 'stale-c': 'c' },
    incomplete: false,
  };
  test.each<[string, [string, string | undefined][], Partial<PlanRecord> | 'same']>([
    [
      'every alert listed at its time: unchanged',
      [
        ['a', '07:30'],
        ['b', '07:30'],
        ['c', '06:00'],
      ],
      'same',
    ],
    [
      'one deleted in the app: dropped',
      [
        ['a', '07:30'],
        ['c', '06:00'],
      ],
      { tokens: { 'day-2': 'a', 'stale-c': 'c' }, time: '07:30' },
    ],
    ['none listed: no tokens left', [], { tokens: {}, time: '07:30' }],
    [
      'all moved to 8:15 but never noted: the time follows Alexa',
      [
        ['a', '08:15'],
        ['b', '08:15'],
        ['c', '06:00'],
      ],
      { tokens: record.tokens, time: '08:15' },
    ],
    [
      'one already rung at the old time, the rest at 8:15: 8:15',
      [
        ['a', undefined],
        ['b', '08:15'],
        ['c', '06:00'],
      ],
      { tokens: record.tokens, time: '08:15' },
    ],
    [
      'listed at two times: the record keeps its time',
      [
        ['a', '08:15'],
        ['b', '09:00'],
        ['c', '06:00'],
      ],
      'same',
    ],
  ])('%s', (_what, listed, expected) => {
    const after = reconcile(record, new Map(listed));
    if (expected === 'same') expect(after).toBe(record);
    else expect(after).toEqual({ ...record, ...expected });
  });
  test('no record stays no record', () => {
    expect(reconcile(undefined, new Map())).toBeUndefined();
  });
});
