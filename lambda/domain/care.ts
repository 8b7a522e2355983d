import type { Activity, Phase, Protocol } from '../protocol/types';
import { activityKey, activityKeys } from './activityWords';
import { addDays, daysBetween, type IsoDate } from './calendar';

/** Day 1 is the treatment day itself (the article's "Day 1: right after your appointment"). */
export const dayNumber = (treatment: IsoDate, today: IsoDate): number => daysBetween(treatment, today) + 1;

/** The calendar date of a recovery day. */
export const dateOfDay = (treatment: IsoDate, day: number): IsoDate => addDays(treatment, day - 1);

/** The phase a recovery day falls in; days before treatment belong to the first phase. */
export function phaseOf(protocol: Protocol, day: number): Phase {
  const phase = protocol.phases.find((p) => day >= p.fromDay && (p.toDay === undefined || day <= p.toDay));
  return phase ?? (protocol.phases[0] as Phase);
}

export interface ActivityStatus {
  readonly activity: Activity;
  /** true when the activity is fine today without the restriction (always for encouraged ones). */
  readonly allowed: boolean;
  /** First day without the restriction, and its date. */
  readonly firstFreeDay: number;
  readonly firstFreeDate: IsoDate;
  /** true on the very first day it becomes allowed — worth announcing. */
  readonly allowedFromToday: boolean;
}

/** Whether an activity is restricted on a recovery day, and from which day/date it is free (protocol: avoidThroughDay). */
export function activityStatus(activity: Activity, treatment: IsoDate, day: number): ActivityStatus {
  const firstFreeDay = activity.avoidThroughDay + 1;
  return {
    activity,
    allowed: day >= firstFreeDay,
    firstFreeDay,
    firstFreeDate: dateOfDay(treatment, firstFreeDay),
    allowedFromToday: activity.kind !== 'encouraged' && day === firstFreeDay,
  };
}

export interface FollowUp {
  /** The first day a follow-up session may be booked (treatment + afterDays). */
  readonly fromDate: IsoDate;
  readonly fromDay: number;
  readonly bookableNow: boolean;
}

/** The follow-up session can be booked from treatment + followUp.afterDays (article: after 4 weeks). */
export function followUp(protocol: Protocol, treatment: IsoDate, day: number): FollowUp {
  const fromDay = protocol.followUp.afterDays + 1;
  return { fromDate: dateOfDay(treatment, fromDay), fromDay, bookableNow: day >= fromDay };
}

export interface DayPlan {
  readonly day: number;
  readonly date: IsoDate;
  readonly phase: Phase;
  /** Restrictions still in force that day, the soonest to end first. */
  readonly offLimits: readonly ActivityStatus[];
  /** Restrictions that end that very day. */
  readonly newlyAllowed: readonly ActivityStatus[];
  /**
   * "limit" activities whose extra-care window is over: never plainly allowed, their lasting advice
   * (onceAllowed, e.g. sun protection) still holds.
   */
  readonly easedLimits: readonly ActivityStatus[];
  readonly followUp: FollowUp;
}

/** Everything the skill says about one recovery day, decided from the protocol alone. */
export function planForDay(protocol: Protocol, treatment: IsoDate, day: number): DayPlan {
  const statuses = protocol.activities.filter((a) => a.kind !== 'encouraged').map((a) => activityStatus(a, treatment, day));
  const offLimits = statuses.filter((s) => !s.allowed).sort((a, b) => a.firstFreeDay - b.firstFreeDay);
  const next = followUp(protocol, treatment, day);
  return {
    day,
    date: dateOfDay(treatment, day),
    phase: phaseOf(protocol, day),
    offLimits,
    newlyAllowed: statuses.filter((s) => s.allowedFromToday),
    easedLimits: statuses.filter((s) => s.activity.kind === 'limit' && s.allowed),
    followUp: next,
  };
}

/**
 * The activity a patient's word names: the protocol id (from slot resolution) or any name or synonym,
 * compared after dropping articles, possessives, plurals and leading verbs (activityWords.ts).
 */
export function findActivity(protocol: Protocol, word: string | undefined): Activity | undefined {
  if (!word) return undefined;
  const byId = protocol.activities.find((a) => a.id.toLowerCase() === word.trim().toLowerCase());
  if (byId) return byId;
  const index = wordIndex(protocol);
  const hits = new Set(activityKeys(word).map((key) => index.get(key)));
  // The protocol's order decides when the words' forms name different activities.
  return protocol.activities.find((a) => hits.has(a));
}

/** Each activity's words as keys, computed once per protocol (a warm request must not redo ~200 of them). */
const wordIndexes = new WeakMap<Protocol, ReadonlyMap<string, Activity>>();
function wordIndex(protocol: Protocol): ReadonlyMap<string, Activity> {
  let index = wordIndexes.get(protocol);
  if (!index) {
    const built = new Map<string, Activity>();
    // The first activity to claim a key wins, as the protocol's order did before.
    for (const a of protocol.activities)
      for (const s of [a.name, ...a.synonyms]) if (!built.has(activityKey(s))) built.set(activityKey(s), a);
    index = built;
    wordIndexes.set(protocol, index);
  }
  return index;
}
