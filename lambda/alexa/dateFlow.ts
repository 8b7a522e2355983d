import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { readTreatmentDate, weekdayIndex, type SpokenTreatmentDate } from '../domain/spokenDate';
import { newTreatmentConflict, proposedDays, withTreatmentDate } from '../domain/treatmentDate';
import { en } from '../speech/en-US';
import type { SkillDeps } from './deps';
import { answerDeferred } from './questions';
import { remindersAfterDateSaved } from './reminders/afterDateSaved';
import { answer, reply, type ReplyOptions } from './respond';
import { readSession, type Pending } from './session';
import { forgetUserView, loadUser } from './user';

/**
 * Handles a spoken treatment date: definite past days are saved at once; a day Alexa sent as its "next
 * occurrence" is read back as the past days it could have meant, and the likeliest is confirmed first
 * (the others wait for a no); vague or future ones are asked again. Nothing is stored until the date is
 * definite or confirmed. A stored date is only replaced unasked after a yes (`asked` false: the skill
 * was not waiting for a date), and a new treatment must come after the current one. Days the patient
 * already said no to (`rejected`) are never proposed again.
 */
export async function receiveTreatmentDate(
  input: HandlerInput,
  deps: SkillDeps,
  spoken: SpokenTreatmentDate,
  newTreatment: boolean,
  opts: {
    readonly asked: boolean;
    readonly rejected?: readonly IsoDate[];
    /** The day being confirmed when another date was said instead: a correction, so another day comes first. */
    readonly correcting?: IsoDate;
  } = { asked: true },
): Promise<Response> {
  const user = await loadUser(input, deps);
  const deferred = readSession(input).deferred;
  const rejected = opts.rejected ?? [];
  const askAgain = { pending: { kind: 'treatmentDate', newTreatment, ...(rejected.length > 0 ? { rejected } : {}) } as const, deferred };
  if (spoken.date === undefined && spoken.weekday === undefined) {
    return reply(input, newTreatment ? en.askNewTreatmentDate() : en.askTreatmentDate(), askAgain);
  }
  // A custom slot takes any words: a "weekday" that is none was not a date at all ("play music").
  if (spoken.date === undefined && weekdayIndex(spoken.weekday) < 0) {
    return opts.asked ? reply(input, en.fallbackAwaitingDate(), askAgain) : reply(input, en.fallback(deps.protocol), { deferred });
  }
  const corrected = opts.correcting ? readTreatmentDate(spoken, user.today, [...rejected, opts.correcting]) : undefined;
  // Words that can only mean the day being confirmed ask about it again.
  const reading = corrected && corrected.kind !== 'exhausted' ? corrected : readTreatmentDate(spoken, user.today, rejected);
  switch (reading.kind) {
    case 'vague':
      return reply(input, en.askExactDay(), askAgain);
    case 'invalid':
      return reply(input, en.notADate(), askAgain);
    case 'future':
      return reply(input, en.futureDate(reading.date), askAgain);
    case 'exhausted':
      return reply(input, en.askMonthAndDay(), askAgain);
    case 'definite':
    case 'guess': {
      const stored = user.profile?.treatmentDate;
      const [date, ...alternatives] = proposedDays(reading, newTreatment, stored);
      const refused = newTreatment ? refuseNewTreatment(input, date, stored, askAgain) : undefined;
      if (refused) return refused;
      const day = dayNumber(date, user.today);
      const confirm = (change: boolean) => ({ pending: { kind: 'confirmDate', date, newTreatment, change, alternatives, rejected } as const, deferred });
      if (!opts.asked && !newTreatment && stored !== undefined && stored !== date) {
        return reply(input, en.confirmChange(stored, date, day), confirm(true));
      }
      if (reading.kind === 'guess') return reply(input, en.confirmDate(date, day), confirm(false));
      return saveTreatmentDate(input, deps, date, newTreatment);
    }
  }
}

/**
 * "No" to "was it D?": the next day the words could have meant, or — none left — the month is asked
 * for. Never the same day twice; a new treatment is never proposed before the current one.
 */
export async function offerNextReading(input: HandlerInput, deps: SkillDeps, pending: Extract<Pending, { kind: 'confirmDate' }>): Promise<Response> {
  const user = await loadUser(input, deps);
  const deferred = readSession(input).deferred;
  const { newTreatment } = pending;
  const rejected = [...(pending.rejected ?? []), pending.date];
  const stored = user.profile?.treatmentDate;
  const left = (pending.alternatives ?? []).filter(
    (d) => !rejected.includes(d) && d <= user.today && !(newTreatment && stored !== undefined && d <= stored),
  );
  const [next, ...alternatives] = left;
  if (next === undefined) return reply(input, en.askMonthAndDay(), { pending: { kind: 'treatmentDate', newTreatment, rejected }, deferred });
  const pendingNext = { kind: 'confirmDate', date: next, newTreatment, change: false, alternatives, rejected } as const;
  return reply(input, en.confirmNextDate(next, dayNumber(next, user.today)), { pending: pendingNext, deferred });
}

/**
 * "Yes" to "was it D?". The date comes back from the device in session state, unverified, so it is
 * checked again as if just said: never a future day, never a new treatment before the current one.
 */
export async function confirmTreatmentDate(input: HandlerInput, deps: SkillDeps, pending: Extract<Pending, { kind: 'confirmDate' }>): Promise<Response> {
  const user = await loadUser(input, deps);
  const deferred = readSession(input).deferred;
  const { date, newTreatment } = pending;
  const askAgain = { pending: { kind: 'treatmentDate', newTreatment } as const, deferred };
  if (date > user.today) return reply(input, en.futureDate(date), askAgain);
  const refused = newTreatment ? refuseNewTreatment(input, date, user.profile?.treatmentDate, askAgain) : undefined;
  return refused ?? saveTreatmentDate(input, deps, date, newTreatment);
}

/** A new treatment must come after the current one, and the current date again changes nothing. */
function refuseNewTreatment(input: HandlerInput, date: IsoDate, stored: IsoDate | undefined, askAgain: ReplyOptions): Response | undefined {
  const conflict = newTreatmentConflict(date, stored);
  if (conflict === 'same') return answer(input, en.alreadyThatDate(date));
  if (conflict === 'before' && stored !== undefined) return reply(input, en.newTreatmentNotAfter(stored), askAgain);
  return undefined;
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
