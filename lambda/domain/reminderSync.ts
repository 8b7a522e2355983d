import type { IsoDate } from './calendar';
import type { ClockTime } from './clockTime';
import { isAhead, type LocalNow, type ReminderEntry } from './reminderPlan';

/**
 * What the skill remembers about the reminders it made (the profile's `reminders`), and the pure rules
 * that turn "the plan we want" plus "the alerts we have" into calls — so that asking twice never
 * duplicates, a half-created plan is completed, and nothing we created is ever forgotten.
 *
 * - `tokens[key]` is the alert of plan entry `key` ("day-3") for `forTreatment`, set at `time`.
 * - `tokens["stale-…"]` is an alert we no longer want but could not delete yet (a replaced plan, a
 *   cancel or a move that failed half-way). Every later run deletes those first.
 * - `incomplete` says the patient agreed to this plan and some upcoming entries still have no alert:
 *   the next attempt (or the permission event) completes it. It is also how a plan waits for the
 *   reminders permission.
 * Structurally the same as the store's ReminderState, without importing the store.
 */
export interface PlanRecord {
  readonly time: string;
  readonly forTreatment: IsoDate;
  readonly tokens: Readonly<Record<string, string>>;
  readonly incomplete: boolean;
  /** ISO instant the unfinished creates began (see the store's ReminderState); only while incomplete. */
  readonly since?: string;
}

const STALE = 'stale-';
export const staleKey = (token: string): string => (token.startsWith(STALE) ? token : `${STALE}${token}`);
const isStaleKey = (key: string): boolean => key.startsWith(STALE);

/** Tokens of the plan for this treatment (stale ones and a replaced treatment's excluded). */
export function planTokens(record: PlanRecord | undefined, treatment: IsoDate | undefined): Record<string, string> {
  if (!record || record.forTreatment !== treatment) return {};
  return Object.fromEntries(Object.entries(record.tokens).filter(([key]) => !isStaleKey(key)));
}

/** Alerts to delete: stale ones, and every alert of a plan made for another treatment date. */
export function staleTokens(record: PlanRecord | undefined, treatment: IsoDate | undefined): string[] {
  if (!record) return [];
  if (record.forTreatment !== treatment) return Object.values(record.tokens);
  return Object.entries(record.tokens)
    .filter(([key]) => isStaleKey(key))
    .map(([, token]) => token);
}

/** A plan the patient wants for this treatment: some alerts exist, or it is waiting to be completed. */
export const hasActivePlan = (record: PlanRecord | undefined, treatment: IsoDate | undefined): boolean =>
  record !== undefined && record.forTreatment === treatment && (record.incomplete || Object.keys(planTokens(record, treatment)).length > 0);

export interface Move {
  readonly entry: ReminderEntry;
  readonly token: string;
}

/** The calls one run makes, in the order they should happen: clean up, move, create. */
export interface SyncWork {
  readonly deletes: readonly string[];
  readonly moves: readonly Move[];
  /** Upcoming entries without an alert, soonest first (if time runs out, the nearest mornings exist). */
  readonly creates: readonly ReminderEntry[];
  /** Alerts left as they are: right time already, or an entry that has passed. */
  readonly keep: Readonly<Record<string, string>>;
  /**
   * Entries of an interrupted plan whose alerts may exist without our record (made just before a store
   * failure): looked up in Alexa's list and deleted too (a cancel).
   */
  readonly unrecorded?: readonly ReminderEntry[];
  /**
   * Today's alert when the plan moves to a time that has already passed today while the old time is
   * still ahead: it is deleted (it is in `deletes`), not left ringing at the old time, so every alert
   * left rings at the plan's one time and the count spoken is the count Alexa holds.
   */
  readonly droppedToday?: Move;
  /** Today's entry, kept because its alert already rang at the old time: it does not ring again today. */
  readonly rungToday?: ReminderEntry;
}

/**
 * The work that makes the alerts match `entries` (the whole plan for `treatment` at `time`).
 * An entry for today whose old alert has already gone off is not moved, so nobody hears a day twice.
 */
export function planSync(
  record: PlanRecord | undefined,
  treatment: IsoDate,
  time: ClockTime,
  entries: readonly ReminderEntry[],
  now: LocalNow,
): SyncWork {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const deletes = staleTokens(record, treatment);
  const keep: Record<string, string> = {};
  const moves: Move[] = [];
  let droppedToday: Move | undefined;
  let rungToday: ReminderEntry | undefined;
  for (const [key, token] of Object.entries(planTokens(record, treatment))) {
    const entry = byKey.get(key);
    if (!entry) {
      deletes.push(token); // the protocol changed: this day has no reminder any more
      continue;
    }
    const oldTime = (record?.time ?? time) as ClockTime;
    const newAhead = isAhead(entry.date, time, now);
    const oldAhead = isAhead(entry.date, oldTime, now);
    if (oldTime === time) keep[key] = token;
    else if (newAhead && oldAhead) moves.push({ entry, token });
    else if (oldAhead) {
      // Only today can be ahead at one time and past at the other.
      deletes.push(token);
      droppedToday = { entry, token };
    } else {
      keep[key] = token;
      if (newAhead) rungToday = entry;
    }
  }
  const covered = new Set([...Object.keys(keep), ...moves.map((m) => m.entry.key), ...(droppedToday ? [droppedToday.entry.key] : [])]);
  const creates = entries.filter((e) => isAhead(e.date, e.time, now) && !covered.has(e.key));
  return { deletes, moves, creates, keep, ...(droppedToday && { droppedToday }), ...(rungToday && { rungToday }) };
}

/**
 * The record as Alexa's own list shows it, before anything is counted, kept, moved or spoken: a token
 * Alexa no longer holds (deleted in the Alexa app, or by a run whose record was never saved) is dropped,
 * and when every listed alert of the plan rings at one other time (a move whose record was never
 * saved), that is the plan's time. `listed` maps each listed token to its "HH:MM" (undefined for one that
has already rung: those keep their old time by design).
 */
export function reconcile(record: PlanRecord | undefined, listed: ReadonlyMap<string, string | undefined>): PlanRecord | undefined {
  if (!record) return undefined;
  const tokens = Object.fromEntries(Object.entries(record.tokens).filter(([, token]) => listed.has(token)));
  const times = new Set(
    Object.entries(tokens)
      .filter(([key]) => !isStaleKey(key))
      .map(([, token]) => listed.get(token))
      .filter((t): t is string => t !== undefined),
  );
  const [only] = times;
  const time = times.size === 1 && only ? only : record.time;
  if (time === record.time && Object.keys(tokens).length === Object.keys(record.tokens).length) return record;
  return { ...record, time, tokens };
}

/** The work of "cancel my reminders": delete every alert we know of. */
export function planCancel(record: PlanRecord | undefined): SyncWork {
  return { deletes: record ? Object.values(record.tokens) : [], moves: [], creates: [], keep: {} };
}

/** What happened to each call of a run. */
export interface SyncResults {
  /** Tokens deleted, or already gone. */
  readonly deleted: ReadonlySet<string>;
  /** Entry keys whose alert was moved to the new time. */
  readonly moved: ReadonlySet<string>;
  /** Entry keys → tokens of alerts created (or found already existing) in this run. */
  readonly created: ReadonlyMap<string, string>;
}

/**
 * The record after a run. Alerts that could not be deleted or moved become stale (deleted next time;
 * a failed move's entry then gets a fresh alert). `target` is the plan now wanted, or undefined after
 * a cancel. Returns undefined when nothing is left to remember.
 */
export function recordAfter(
  work: SyncWork,
  results: SyncResults,
  target: { readonly time: ClockTime; readonly forTreatment: IsoDate; readonly upcomingKeys: readonly string[] } | undefined,
  previous: PlanRecord | undefined,
): PlanRecord | undefined {
  const tokens: Record<string, string> = { ...work.keep };
  for (const token of work.deletes) if (!results.deleted.has(token)) tokens[staleKey(token)] = token;
  for (const { entry, token } of work.moves) {
    if (results.moved.has(entry.key)) tokens[entry.key] = token;
    else if (!results.deleted.has(token)) tokens[staleKey(token)] = token;
  }
  for (const [key, token] of results.created) tokens[key] = token;

  const incomplete = target?.upcomingKeys.some((key) => tokens[key] === undefined) ?? false;
  if (Object.keys(tokens).length === 0 && !incomplete) return undefined;
  const base = target ?? previous;
  if (!base) return undefined;
  const since = incomplete ? previous?.since : undefined;
  return { time: base.time, forTreatment: base.forTreatment, tokens, incomplete, ...(since && { since }) };
}

/**
 * Our record reconciled with what another request stored meanwhile. `current` is the stored record at
 * write time, `before` the one this run started from. A token in `current` that this run neither
 * started from nor produced was made by the other request (two devices at once: say a new treatment
 * date and a new reminder time): it is kept, so no alert Alexa holds is ever left unrecorded — under
 * its key when it belongs to the same plan and the key is free, otherwise as stale, for the next run to
 * delete.
 */
export function mergeConcurrent(
  ours: PlanRecord | undefined,
  before: PlanRecord | undefined,
  current: PlanRecord | undefined,
): PlanRecord | undefined {
  if (!current) return ours;
  const known = new Set([...Object.values(before?.tokens ?? {}), ...Object.values(ours?.tokens ?? {})]);
  const foreign = Object.entries(current.tokens).filter(([, token]) => !known.has(token));
  if (foreign.length === 0) return ours;
  const samePlan = ours !== undefined && ours.forTreatment === current.forTreatment && ours.time === current.time;
  const tokens: Record<string, string> = { ...ours?.tokens };
  for (const [key, token] of foreign) {
    if (samePlan && !isStaleKey(key) && tokens[key] === undefined) tokens[key] = token;
    else tokens[staleKey(token)] = token;
  }
  const base = ours ?? current;
  return {
    time: base.time,
    forTreatment: base.forTreatment,
    tokens,
    incomplete: ours?.incomplete ?? false,
    ...(ours?.since && { since: ours.since }),
  };
}

/**
 * The patient said yes, but the calls cannot run yet (no permission): remember the consent, so the
 * permission event or the next attempt completes the plan. An existing plan keeps its time, because
 * its alerts still ring at that time.
 */
export function withConsent(record: PlanRecord | undefined, treatment: IsoDate, time: ClockTime, now: string): PlanRecord {
  // Unfinished work keeps the instant it began, so an alert made then and never recorded is still adopted.
  const since = record?.incomplete && record.since !== undefined && record.forTreatment === treatment ? record.since : now;
  const active = planTokens(record, treatment);
  if (record && Object.keys(active).length > 0) return { ...record, incomplete: true, since };
  const stale = Object.fromEntries(staleTokens(record, treatment).map((t) => [staleKey(t), t]));
  return { time, forTreatment: treatment, tokens: stale, incomplete: true, since };
}

/** The patient declined the permission: no plan waits any more; alerts that exist are kept as they are. */
export function withoutConsent(record: PlanRecord | undefined): PlanRecord | undefined {
  if (!record) return undefined;
  if (Object.keys(record.tokens).length === 0) return undefined;
  return { ...record, incomplete: false };
}
