import { addDays, parseIsoDate, type IsoDate } from '../domain/calendar';
import { isKnownTimeZone } from '../domain/timeZoneName';
import { CorruptProfileError } from '../errors';
import type { Profile, ReminderState, StoredProfile } from './types';

/**
 * Record <-> Profile. A record holds the Profile fields and bookkeeping (version, timestamps, TTL) —
 * nothing else about the user. Reads are validated: what cannot be trusted is refused, optional bits
 * that are merely damaged are dropped.
 */
export const SCHEMA_VERSION = 1;

export type ReminderRecord = {
  time: string;
  forTreatment: string;
  tokens: Record<string, string>;
  incomplete: boolean;
  since?: string;
};

/** A type alias, not an interface, so a record is also a plain `Record<string, unknown>`. */
export type ProfileRecord = {
  id: string;
  schemaVersion: number;
  /** Optimistic lock: 1 for the first write, +1 on every write. */
  version: number;
  treatmentDate?: string;
  history: string[];
  timeZone?: string;
  reminders?: ReminderRecord;
  appointment?: { date: string; time: string };
  /** ISO instant of the last write. */
  updatedAt: string;
  /** Epoch seconds; DynamoDB TTL deletes the item after it. */
  expiresAt: number;
};

export { CorruptProfileError };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const SECONDS_PER_DAY = 86_400;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asDate = (v: unknown): IsoDate | undefined => (typeof v === 'string' ? parseIsoDate(v) : undefined);

/**
 * Epoch seconds at which the record may be deleted: the end (UTC) of the latest treatment day +
 * retention — but never sooner than a day after this write, so a date told today that is already older
 * than the retention is still there for the rest of the conversation.
 */
export function expiresAtFor(profile: Profile, now: Date, retentionDays: number): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const dates = [profile.treatmentDate, ...profile.history].filter((d): d is IsoDate => d !== undefined).sort();
  const latest = dates[dates.length - 1];
  if (latest === undefined) return nowSeconds + retentionDays * SECONDS_PER_DAY;
  return Math.max(Date.parse(`${addDays(latest, retentionDays + 1)}T00:00:00Z`) / 1000 - 1, nowSeconds + SECONDS_PER_DAY);
}

/**
 * True once a stored item's time is up. DynamoDB's TTL deletes expired items only eventually (typically
 * within a couple of days), so reads treat them as gone from the moment they expire.
 */
export function isExpired(item: Readonly<Record<string, unknown>>, now: Date): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt > 0 && item.expiresAt * 1000 <= now.getTime();
}

export function encodeProfile(id: string, profile: Profile, version: number, now: Date, retentionDays: number): ProfileRecord {
  if (profile.treatmentDate !== undefined && parseIsoDate(profile.treatmentDate) === undefined) {
    throw new TypeError('refusing to store an invalid treatment date');
  }
  // Field by field, never a spread: only what the Profile type names is ever written.
  const r = profile.reminders;
  return {
    id,
    schemaVersion: SCHEMA_VERSION,
    version,
    treatmentDate: profile.treatmentDate,
    history: [...profile.history],
    timeZone: profile.timeZone,
    reminders: r && {
      time: r.time,
      forTreatment: r.forTreatment,
      tokens: { ...r.tokens },
      incomplete: r.incomplete,
      ...(r.since && { since: r.since }),
    },
    appointment: profile.appointment && { date: profile.appointment.date, time: profile.appointment.time },
    updatedAt: now.toISOString(),
    expiresAt: expiresAtFor(profile, now, retentionDays),
  };
}

/** The profile in a stored item; throws CorruptProfileError when it cannot be trusted. */
export function decodeProfile(item: Record<string, unknown>): StoredProfile {
  if (item.schemaVersion !== SCHEMA_VERSION) throw new CorruptProfileError(`unsupported schemaVersion ${String(item.schemaVersion)}`);
  const version = item.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new CorruptProfileError('invalid version');
  let treatmentDate: IsoDate | undefined;
  if (item.treatmentDate !== undefined) {
    treatmentDate = asDate(item.treatmentDate);
    if (!treatmentDate) throw new CorruptProfileError('invalid treatmentDate');
  }
  const history = Array.isArray(item.history) ? item.history.map(asDate).filter((d): d is IsoDate => d !== undefined) : [];
  const timeZone = typeof item.timeZone === 'string' && isKnownTimeZone(item.timeZone) ? item.timeZone : undefined;
  const reminders = decodeReminders(item.reminders);
  const appointment = decodeAppointment(item.appointment);
  const profile: Profile = {
    history,
    ...(treatmentDate && { treatmentDate }),
    ...(timeZone && { timeZone }),
    ...(reminders && { reminders }),
    ...(appointment && { appointment }),
  };
  return { profile, version };
}

/** A damaged appointment time is dropped: the answers fall back to saying the rule in hours. */
function decodeAppointment(raw: unknown): Profile['appointment'] {
  if (!isRecord(raw)) return undefined;
  const date = asDate(raw.date);
  return date && typeof raw.time === 'string' && HH_MM.test(raw.time) ? { date, time: raw.time } : undefined;
}

/** A damaged reminder state is dropped; a single unreadable token is dropped on its own. */
function decodeReminders(raw: unknown): ReminderState | undefined {
  if (!isRecord(raw)) return undefined;
  const forTreatment = asDate(raw.forTreatment);
  if (typeof raw.time !== 'string' || !HH_MM.test(raw.time) || !forTreatment || typeof raw.incomplete !== 'boolean') return undefined;
  const tokens: Record<string, string> = {};
  if (isRecord(raw.tokens)) {
    for (const [entry, token] of Object.entries(raw.tokens)) if (typeof token === 'string') tokens[entry] = token;
  }
  const since = typeof raw.since === 'string' && !Number.isNaN(Date.parse(raw.since)) ? raw.since : undefined;
  return { time: raw.time, forTreatment, tokens, incomplete: raw.incomplete, ...(since && { since }) };
}
