import type { RequestHandler } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { en } from '../../speech/en-US';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { CONFIRM_REMINDERS, REMINDER_OFFER, REMINDER_TIME } from '../reminders/afterDateSaved';
import { askForTime, needDateFirst } from '../reminders/propose';
import { loadReminderUser } from '../reminders/reminderUser';
import { setUpReminders } from '../reminders/setUp';
import { isIntent } from '../request';
import { answer, reply } from '../respond';
import { readSession } from '../session';
import { sameVoice } from '../voice';
import { dropConsent } from '../reminders/operations';

const OUR_QUESTIONS = new Set<string>([REMINDER_OFFER, REMINDER_TIME, CONFIRM_REMINDERS]);

/**
 * Yes, No (or something unclear) to the reminder questions: the offer after a date is stored, "what
 * time?", and "shall I set them?". Registered before the stray Yes/No handler.
 */
export const reminderConfirmHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => {
    if (!isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.FallbackIntent')) return false;
    const pending = readSession(input).pending;
    return pending !== undefined && OUR_QUESTIONS.has(pending.kind);
  },
  async handle(input) {
    const pending = readSession(input).pending;
    if (pending?.kind !== REMINDER_OFFER && pending?.kind !== REMINDER_TIME && pending?.kind !== CONFIRM_REMINDERS)
      return reply(input, en.fallback(deps.protocol));
    const yes = isIntent(input, 'AMAZON.YesIntent');
    const no = isIntent(input, 'AMAZON.NoIntent');

    if (pending.kind !== CONFIRM_REMINDERS) {
      // The offer or "what time?": a yes still needs the time; a no ends it.
      if (no) return answer(input, remindersEn.offerDeclined());
      return askForTime(input, !yes && pending.kind === REMINDER_TIME);
    }

    if (!sameVoice(input, pending.who)) return reply(input, en.otherVoice(), { pending, deferred: readSession(input).deferred });
    const time: ClockTime | undefined = pending.time;
    const move = pending.move === true;
    if (!yes && !no) return reply(input, en.fallbackAwaitingYesNo(), { pending });
    if (!time) return askForTime(input);
    const user = await loadReminderUser(input, deps);
    if (!user) return needDateFirst(input);
    if (no) {
      const current = user.profile.reminders?.time as ClockTime | undefined;
      // A plan left waiting (unfinished, or for the permission) is not offered again once declined.
      if (!move && user.profile.reminders?.incomplete) await dropConsent(deps, user);
      return answer(input, move && current ? remindersEn.moveDeclined(current) : remindersEn.planDeclined());
    }
    return setUpReminders(input, deps, user, time, move ? 'move' : 'setUp');
  },
});
