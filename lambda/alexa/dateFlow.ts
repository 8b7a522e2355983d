import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { resolveTreatmentDate } from '../domain/spokenDate';
import { withTreatmentDate } from '../domain/treatmentDate';
import { en } from '../speech/en-US';
import type { SkillDeps } from './deps';
import { answerDeferred } from './questions';
import { remindersAfterDateSaved } from './reminders/afterDateSaved';
import { answer, reply } from './respond';
import { readSession } from './session';
import { forgetUserView, loadUser } from './user';

/**
 * Handles a spoken treatment date: definite past days are saved at once, days we had to move back from
 * Alexa's "next occurrence" are confirmed first, vague or future ones are asked again. Nothing is stored
 * until the date is definite. A stored date is only replaced unasked after a yes (`asked` false: the
 * skill was not waiting for a date), and a new treatment must come after the current one.
 */
export async function receiveTreatmentDate(
  input: HandlerInput,
  deps: SkillDeps,
  spoken: string | undefined,
  newTreatment: boolean,
  opts: { readonly asked: boolean } = { asked: true },
): Promise<Response> {
  const user = await loadUser(input, deps);
  const deferred = readSession(input).deferred;
  const askAgain = { pending: { kind: 'treatmentDate', newTreatment } as const, deferred };
  if (spoken === undefined) {
    return reply(input, newTreatment ? en.askNewTreatmentDate() : en.askTreatmentDate(), askAgain);
  }
  const resolved = resolveTreatmentDate(spoken, user.today);
  switch (resolved.kind) {
    case 'vague':
      return reply(input, en.askExactDay(), askAgain);
    case 'invalid':
      return reply(input, en.notADate(), askAgain);
    case 'future':
      return reply(input, en.futureDate(resolved.date), askAgain);
    case 'exact': {
      const stored = user.profile?.treatmentDate;
      const day = dayNumber(resolved.date, user.today);
      const confirm = (change: boolean) => ({ pending: { kind: 'confirmDate', date: resolved.date, newTreatment, change } as const, deferred });
      if (newTreatment && stored === resolved.date) return answer(input, en.alreadyThatDate(stored));
      if (newTreatment && stored !== undefined && resolved.date < stored) return reply(input, en.newTreatmentNotAfter(stored), askAgain);
      if (!opts.asked && !newTreatment && stored !== undefined && stored !== resolved.date) {
        return reply(input, en.confirmChange(stored, resolved.date, day), confirm(true));
      }
      if (resolved.adjusted) return reply(input, en.confirmDate(resolved.date, day), confirm(false));
      return saveTreatmentDate(input, deps, resolved.date, newTreatment);
    }
  }
}

/** "No" to changing the stored date: it stays, and the patient hears which it is. */
export async function keepStoredDate(input: HandlerInput, deps: SkillDeps): Promise<Response> {
  const stored = (await loadUser(input, deps)).profile?.treatmentDate;
  return stored ? reply(input, en.keptDate(stored)) : reply(input, en.askTreatmentDate(), { pending: { kind: 'treatmentDate', newTreatment: false } });
}

/** Stores the date (a new treatment keeps the earlier one as history), then answers any question asked before. */
export async function saveTreatmentDate(input: HandlerInput, deps: SkillDeps, date: IsoDate, newTreatment: boolean): Promise<Response> {
  const user = await loadUser(input, deps);
  if (!user.key) return reply(input, en.error(), { end: true });
  await deps.store.update(user.key, (current) => withTreatmentDate(current, date, newTreatment, user.deviceZone));
  forgetUserView(input);
  const day = dayNumber(date, user.today);
  const saved = en.dateSaved(date, day, newTreatment);
  const deferred = readSession(input).deferred;
  // Reminders: a plan made for another date is replaced, or reminders are offered. Runs after the date is safe.
  const reminders = await remindersAfterDateSaved(input, deps, user, date, { offer: !deferred });
  const lead = reminders.note ? `${saved} ${reminders.note}` : saved;
  if (deferred) return answerDeferred(input, deps, deferred, lead);
  if (reminders.question) return reply(input, { text: `${lead} ${reminders.question.text}`, reprompt: reminders.question.reprompt }, { pending: reminders.pending });
  return reply(input, { text: `${lead} ${en.afterDateSaved()}`, reprompt: en.whatNext });
}

/** Kept here too for the skill's callers; the rule itself is in the domain, shared with the Alexa+ add-on. */
export { withTreatmentDate };
