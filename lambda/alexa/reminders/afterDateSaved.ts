import type { HandlerInput } from 'ask-sdk-core';
import type { IsoDate } from '../../domain/calendar';
import type { ClockTime } from '../../domain/clockTime';
import { reminderPlan, upcomingEntries } from '../../domain/reminderPlan';
import { hasActivePlan } from '../../domain/reminderSync';
import type { Speech } from '../../speech/en-US';
import { remindersEn } from '../../speech/reminders.en-US';
import { appointmentOffer } from '../appointmentOffer';
import type { SkillDeps } from '../deps';
import type { Pending } from '../session';
import { cancelPlan, planFor } from './operations';
import { requestInstant } from '../request';
import type { UserView } from '../user';
import { localClockTime, type ReminderUser } from './reminderUser';

export interface AfterDateSaved {
  /** Said right after "Got it: …" (the old plan was removed). */
  readonly note?: string;
  /** A question that ends the turn, and what it waits for. */
  readonly question?: Speech;
  readonly pending?: Pending;
}

/** The reminder questions' kinds in the session's Pending union. */
export const REMINDER_OFFER = 'reminderOffer';
export const REMINDER_TIME = 'reminderTime';
export const CONFIRM_REMINDERS = 'confirmReminders';

/**
 * Runs after a treatment date is stored (the date is already safe; this never throws).
 * - A plan made for another date is wrong now: its alerts are deleted, and new ones at the same time
 *   are offered — described in full, created only after a yes.
 * - Otherwise, when the patient has no reminders, the offer is made: "Would you like a short reminder
 *   each morning? What time?" — after every stored date while there are none (a declined offer is
 *   not stored; the next new date offers again), but not when a question asked before the date is
 *   waiting for its answer (`offer` false), which must come first.
 */
export async function remindersAfterDateSaved(
  input: HandlerInput,
  deps: SkillDeps,
  before: UserView,
  date: IsoDate,
  opts: { readonly offer: boolean; readonly timeKnown?: boolean },
): Promise<AfterDateSaved> {
  const reminders = await remindersStep(input, deps, before, date, opts);
  // The optional appointment time, offered first in the same breath (issue 10): a statement, not a question,
  // so the reminder note and question stay together after it. Not when the time came with the date.
  const offer = opts.timeKnown ? undefined : appointmentOffer(deps, before, date);
  return offer ? { ...reminders, note: reminders.note ? `${offer} ${reminders.note}` : offer } : reminders;
}

async function remindersStep(
  input: HandlerInput,
  deps: SkillDeps,
  before: UserView,
  date: IsoDate,
  opts: { readonly offer: boolean },
): Promise<AfterDateSaved> {
  try {
    const old = before.profile?.reminders;
    if (before.key && old && old.forTreatment !== date && hasActivePlan(old, old.forTreatment)) {
      // Built from what this request already knows: no second profile read or settings call.
      const instant = requestInstant(input) ?? deps.clock();
      const user: ReminderUser = {
        key: before.key,
        profile: { ...(before.profile ?? { history: [] }), treatmentDate: date },
        treatment: date,
        zone: before.zone,
        zoneKnown: before.zoneKnown,
        now: { date: before.today, time: localClockTime(instant, before.zone) },
      };
      const report = await cancelPlan(input, deps, user, old);
      // A plan that only waited for the permission had no alerts: nothing to announce as removed.
      const note = Object.keys(old.tokens).length > 0 ? remindersEn.replaced(report.failure === undefined) : undefined;
      const time = old.time as ClockTime;
      const entries = upcomingEntries(planFor(deps, user, time), user.now);
      if (!opts.offer || entries.length === 0) return { note };
      return { note, question: remindersEn.offerNewPlan(entries, time, user.now.date), pending: { kind: CONFIRM_REMINDERS, time } };
    }
    // Only when some reminder still lies ahead (from today; the exact minute is checked at the yes).
    const ahead = reminderPlan(deps.protocol, date, '23:59' as ClockTime).some((e) => e.date >= before.today);
    if (opts.offer && ahead && !hasActivePlan(old, date)) {
      return { question: remindersEn.offer(), pending: { kind: REMINDER_OFFER } };
    }
    return {};
  } catch (e) {
    deps.log.error('reminders_after_date_failed', { error: e instanceof Error ? e.name : 'Error' });
    return {};
  }
}
