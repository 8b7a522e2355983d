import type { HandlerInput } from 'ask-sdk-core';
import type { IsoDate } from '../../domain/calendar';
import { localClockTime } from '../../services/zoneClock';
import type { LocalNow } from '../../domain/reminderPlan';
import type { Profile, ProfileKey } from '../../store/types';
import type { SkillDeps } from '../deps';
import { requestInstant } from '../request';
import { loadUser } from '../user';

/** The patient as the reminder flows need them: a treatment date, their zone, and their local "now". */
export interface ReminderUser {
  readonly key: ProfileKey;
  readonly profile: Profile;
  readonly treatment: IsoDate;
  readonly zone: string;
  /** See UserView.zoneKnown: reminders are never set on a guessed zone. */
  readonly zoneKnown: boolean;
  readonly now: LocalNow;
}

/** undefined when there is no one to remind yet (no account, or no treatment date stored). */
export async function loadReminderUser(input: HandlerInput, deps: SkillDeps): Promise<ReminderUser | undefined> {
  const user = await loadUser(input, deps);
  const treatment = user.profile?.treatmentDate;
  if (!user.key || !user.profile || !treatment) return undefined;
  const instant = requestInstant(input) ?? deps.clock();
  return {
    key: user.key,
    profile: user.profile,
    treatment,
    zone: user.zone,
    zoneKnown: user.zoneKnown,
    now: { date: user.today, time: localClockTime(instant, user.zone) },
  };
}

/** Kept for the skill's callers; the local clock lives with the local date. */
export { localClockTime };
