import type { IsoDate } from '../domain/calendar';
import type { ActivityStatus } from '../domain/care';

/**
 * Where an activity stands on a day, as values that say what the words say. An "avoid" is allowed or
 * not, from a day and date; a "limit" (the sun) is never off limits — it is allowed with extra care
 * until the day that care can ease; an "encouraged" one is always fine.
 */
export type ActivityStanding =
  | { readonly kind: 'avoid'; readonly allowed: boolean; readonly allowedFromDay: number; readonly allowedFromDate: IsoDate }
  | {
      readonly kind: 'limit';
      readonly allowed: true;
      readonly extraCare: boolean;
      readonly extraCareEndsDay: number;
      readonly extraCareEndsDate: IsoDate;
    }
  | { readonly kind: 'encouraged'; readonly allowed: true };

export function standing(s: ActivityStatus): ActivityStanding {
  switch (s.activity.kind) {
    case 'avoid':
      return { kind: 'avoid', allowed: s.allowed, allowedFromDay: s.firstFreeDay, allowedFromDate: s.firstFreeDate };
    case 'limit':
      return { kind: 'limit', allowed: true, extraCare: !s.allowed, extraCareEndsDay: s.firstFreeDay, extraCareEndsDate: s.firstFreeDate };
    case 'encouraged':
      return { kind: 'encouraged', allowed: true };
  }
}
