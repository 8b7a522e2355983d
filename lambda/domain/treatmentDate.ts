import type { IsoDate } from './calendar';
import type { TreatmentDateReading } from './spokenDate';

/**
 * The days to propose for a reading, likeliest first: a definite day alone; for a new treatment, the
 * guesses after the current one (when any are left), since a new treatment comes after the current one.
 */
export function proposedDays(
  reading: Extract<TreatmentDateReading, { kind: 'definite' | 'guess' }>,
  newTreatment: boolean,
  stored: IsoDate | undefined,
): readonly [IsoDate, ...IsoDate[]] {
  if (reading.kind === 'definite') return [reading.date];
  const after = newTreatment && stored !== undefined ? reading.readings.filter((d) => d > stored) : [];
  return (after.length > 0 ? after : reading.readings) as [IsoDate, ...IsoDate[]];
}

/** Why a day cannot be a new treatment: the current date again, or a day before it. */
export function newTreatmentConflict(date: IsoDate, stored: IsoDate | undefined): 'same' | 'before' | undefined {
  if (stored === date) return 'same';
  if (stored !== undefined && date < stored) return 'before';
  return undefined;
}
