import type { IsoDate } from '../domain/calendar';
import type { Profile } from './types';

/**
 * The profile after setting a date: a correction replaces it; a new treatment moves the old one to
 * history. The zone kept is the one the device reported, never a fallback guess.
 */
export function withTreatmentDate(
  current: Profile | undefined,
  date: IsoDate,
  newTreatment: boolean,
  deviceZone: string | undefined,
): Profile {
  const history = current?.history ?? [];
  const previous = current?.treatmentDate;
  const keepPrevious = newTreatment && previous !== undefined && previous !== date;
  return {
    ...current,
    treatmentDate: date,
    history: keepPrevious ? [previous, ...history.filter((d) => d !== previous)] : history,
    timeZone: deviceZone ?? current?.timeZone,
  };
}
