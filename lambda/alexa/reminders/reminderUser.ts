import type { HandlerInput } from 'ask-sdk-core';
import type { IsoDate } from '../../domain/calendar';
import type { ClockTime } from '../../domain/clockTime';
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
  return { key: user.key, profile: user.profile, treatment, zone: user.zone, zoneKnown: user.zoneKnown, now: { date: user.today, time: localClockTime(instant, user.zone) } };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `instant` in `zone`, read from parts (never from a formatted string). */
export function localClockTime(instant: Date, zone: string): ClockTime {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => (parts.find((p) => p.type === type)?.value ?? '00').padStart(2, '0');
  return `${get('hour')}:${get('minute')}` as ClockTime;
}
