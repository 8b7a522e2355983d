import type { IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import type { ClockTime } from '../domain/clockTime';
import type { Protocol } from '../protocol/types';
import type { Timing } from '../speech/types';

/**
 * A patient with a treatment date, on their own "today": everything a care answer depends on. Every
 * door builds it the same way (patientOn), so the same patient gets the same answer at every door.
 */
export interface Patient {
  readonly protocol: Protocol;
  readonly treatment: IsoDate;
  readonly today: IsoDate;
  /** Today's recovery day (1 = the treatment day). */
  readonly day: number;
  /** The appointment's time of day for this treatment, and the local time now, when the patient gave it. */
  readonly timing: Timing;
}

/** What the store keeps that an answer reads: the date, and the appointment time given for it. */
export interface PatientRecord {
  readonly treatmentDate: IsoDate;
  readonly appointment?: { readonly date: IsoDate; readonly time: string };
}

/**
 * The patient as the answers see them. The appointment time counts only for the treatment date it was
 * given with; `now` (the patient's local time) is only needed when there is one to compare with.
 */
export function patientOn(protocol: Protocol, record: PatientRecord, today: IsoDate, now?: () => ClockTime): Patient {
  const a = record.appointment;
  const appointment = a && a.date === record.treatmentDate ? (a.time as ClockTime) : undefined;
  const timing: Timing = appointment ? { appointment, now: now?.() } : {};
  return { protocol, treatment: record.treatmentDate, today, day: dayNumber(record.treatmentDate, today), timing };
}
