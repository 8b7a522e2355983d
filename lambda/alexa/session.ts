import type { HandlerInput } from 'ask-sdk-core';
import { parseIsoDate, type IsoDate } from '../domain/calendar';
import { parseClockTime, type ClockTime } from '../domain/clockTime';
import type { SpokenTreatmentDate } from '../domain/spokenDate';

/**
 * A question the skill asked and is waiting on. `who` is whose question it is (a hash, see voice.ts),
 * set by `reply` on every question: a yes that would change data must come from the same voice.
 */
export type Pending = (
  | {
      readonly kind: 'treatmentDate';
      readonly newTreatment: boolean;
      /** Days the patient has said no to: never proposed again in this conversation. */
      readonly rejected?: readonly IsoDate[];
    }
  | {
      readonly kind: 'confirmDate';
      readonly date: IsoDate;
      readonly newTreatment: boolean;
      /** Replacing a stored date the patient did not ask to change: a no keeps it. */
      readonly change?: boolean;
      /** The words the day was read from: after a no, they are read again without the days turned down. */
      readonly said?: SpokenTreatmentDate;
      readonly rejected?: readonly IsoDate[];
    }
  | { readonly kind: 'confirmForget' }
  /** "Which day would you like to hear about?": a bare date answers it. */
  | { readonly kind: 'dayPlan' }
  /** The offer of reminders after a date is stored, and "what time?". */
  | { readonly kind: 'reminderOffer' }
  | { readonly kind: 'reminderTime' }
  /** "Shall I set them at T?" — `move` when a plan at another time is being moved. */
  | { readonly kind: 'confirmReminders'; readonly time: ClockTime; readonly move?: boolean }
) & { readonly who?: string };

/** A question asked before we knew the treatment date, answered once the date is set. */
export interface DeferredQuestion {
  readonly intent: string;
  readonly activity?: string;
  /** The patient's own word for it ("aspirin"), said back in the answer. */
  readonly heard?: string;
  /** The day asked about ("what about day 5?"), as Alexa sent the slots. */
  readonly date?: string;
  readonly dayNumber?: string;
}

export interface SessionState {
  readonly pending?: Pending;
  readonly deferred?: DeferredQuestion;
  readonly last?: { readonly text: string; readonly reprompt?: string };
  /** The first-use disclaimer was said in this session (a patient with no stored date hears it once). */
  readonly disclaimed?: boolean;
  /** How many turns in a row were not understood (the fallback): the second offers what to say. */
  readonly misses?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Session attributes come back from the device unverified: read each field defensively. */
export function readSession(input: HandlerInput): SessionState {
  let raw: Record<string, unknown>;
  try {
    raw = input.attributesManager.getSessionAttributes() ?? {};
  } catch {
    return {};
  }
  return {
    pending: readPending(raw.pending),
    deferred: readDeferred(raw.deferred),
    last: readLast(raw.last),
    disclaimed: raw.disclaimed === true || undefined,
    misses: readMisses(raw.misses),
  };
}

const readMisses = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100 ? v : undefined);

function readPending(v: unknown): Pending | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const kind = readPendingKind(v as Record<string, unknown>);
  const who = str((v as Record<string, unknown>).who);
  return kind && who !== undefined ? { ...kind, who } : kind;
}

function readPendingKind(p: Record<string, unknown>): Pending | undefined {
  const newTreatment = p.newTreatment === true;
  switch (p.kind) {
    case 'treatmentDate':
      return { kind: 'treatmentDate', newTreatment, rejected: dates(p.rejected) };
    case 'confirmDate': {
      const date = parseIsoDate(str(p.date) ?? '');
      return date
        ? { kind: 'confirmDate', date, newTreatment, change: p.change === true, said: readSaid(p.said), rejected: dates(p.rejected) }
        : undefined;
    }
    case 'confirmForget':
      return { kind: 'confirmForget' };
    case 'dayPlan':
    case 'reminderOffer':
    case 'reminderTime':
      return { kind: p.kind };
    case 'confirmReminders': {
      const time = parseClockTime(str(p.time) ?? '');
      return time ? { kind: 'confirmReminders', time, move: p.move === true } : undefined;
    }
    default:
      return undefined;
  }
}

/** The words of a date as Alexa sent them: two short strings at most. */
function readSaid(v: unknown): SpokenTreatmentDate | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  const short = (x: unknown) => {
    const t = str(x);
    return t !== undefined && t.length <= 32 ? t : undefined;
  };
  const time = short(s.time);
  return { date: short(s.date), weekday: short(s.weekday), ...(time !== undefined && { time }) };
}

/** A short list of calendar days; anything else in it is dropped. */
function dates(v: unknown): IsoDate[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, 8).flatMap((d) => {
    const date = parseIsoDate(str(d) ?? '');
    return date ? [date] : [];
  });
}

function readDeferred(v: unknown): DeferredQuestion | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as Record<string, unknown>;
  const intent = str(d.intent);
  return intent ? { intent, activity: str(d.activity), heard: str(d.heard), date: str(d.date), dayNumber: str(d.dayNumber) } : undefined;
}

function readLast(v: unknown): SessionState['last'] {
  if (!v || typeof v !== 'object') return undefined;
  const l = v as Record<string, unknown>;
  const text = str(l.text);
  return text ? { text, reprompt: str(l.reprompt) } : undefined;
}

/** Out-of-session requests (events, malformed envelopes) have nowhere to keep state: nothing to write. */
export function writeSession(input: HandlerInput, state: SessionState): void {
  if (!input.requestEnvelope?.session) return;
  input.attributesManager.setSessionAttributes({ ...state });
}
