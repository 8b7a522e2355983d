import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  dateSavedAnswer,
  decideConfirmedDate,
  decideRejectedDate,
  decideSaidDate,
  type DateContext,
  type DateDecision,
} from '../answers/treatmentDate';
import type { IsoDate } from '../domain/calendar';
import { weekdayIndex, type SpokenTreatmentDate } from '../domain/spokenDate';
import { resolveSpokenTime } from '../domain/clockTime';
import { appointmentNote } from './appointmentOffer';
import { en } from '../speech/en-US';
import { withTreatmentDate } from '../store/treatmentHistory';
import type { SkillDeps } from './deps';
import { answerDeferred } from './questions';
import { remindersAfterDateSaved } from './reminders/afterDateSaved';
import { answer, reply } from './respond';
import { readSession, type Pending } from './session';
import { forgetUserView, loadUser } from './user';

type ConfirmPending = Extract<Pending, { kind: 'confirmDate' }>;

/**
 * The skill's side of the treatment-date conversation: the answers core decides (answers/treatmentDate),
 * this keeps its question in the session and stores a date once the decision is to save it.
 */
async function contextOf(input: HandlerInput, deps: SkillDeps, newTreatment: boolean): Promise<DateContext> {
  const user = await loadUser(input, deps);
  return { today: user.today, stored: user.profile?.treatmentDate, newTreatment };
}

/** Renders a decision: the question kept in the session, or the date stored. */
function act(
  input: HandlerInput,
  deps: SkillDeps,
  decision: DateDecision,
  ctx: DateContext,
  said: SpokenTreatmentDate,
): Promise<Response> | Response {
  const deferred = readSession(input).deferred;
  const { newTreatment } = ctx;
  switch (decision.kind) {
    case 'save':
      return saveTreatmentDate(input, deps, decision.date, newTreatment, said.time);
    case 'settled':
      return decision.answer.sentence.reprompt ? reply(input, decision.answer.sentence) : answer(input, decision.answer.sentence.text);
    case 'ask': {
      const rejected = decision.rejected.length > 0 ? { rejected: decision.rejected } : {};
      return reply(input, decision.answer.sentence, { pending: { kind: 'treatmentDate', newTreatment, ...rejected }, deferred });
    }
    case 'confirm': {
      const pending: ConfirmPending = {
        kind: 'confirmDate',
        date: decision.date,
        newTreatment,
        change: decision.change,
        said,
        rejected: decision.rejected,
      };
      return reply(input, decision.answer.sentence, { pending, deferred });
    }
  }
}

/**
 * A spoken treatment date. `asked`: the skill was waiting for a date (a weekday slot holding other words
 * is then "I didn't catch a day", else it was no date at all); `correcting`: the day being confirmed
 * when another date was said instead.
 */
export async function receiveTreatmentDate(
  input: HandlerInput,
  deps: SkillDeps,
  said: SpokenTreatmentDate,
  newTreatment: boolean,
  opts: { readonly asked: boolean; readonly rejected?: readonly IsoDate[]; readonly correcting?: IsoDate } = { asked: true },
): Promise<Response> {
  // A custom slot takes any words: a "weekday" that is none was not a date at all ("play music").
  if (said.date === undefined && said.weekday !== undefined && weekdayIndex(said.weekday) < 0) {
    const deferred = readSession(input).deferred;
    const rejected = opts.rejected && opts.rejected.length > 0 ? { rejected: opts.rejected } : {};
    return opts.asked
      ? reply(input, en.fallbackAwaitingDate(), { pending: { kind: 'treatmentDate', newTreatment, ...rejected }, deferred })
      : reply(input, en.fallback(deps.protocol), { deferred });
  }
  const ctx = await contextOf(input, deps, newTreatment);
  const decision = decideSaidDate({ said, form: 'alexa', rejected: opts.rejected, correcting: opts.correcting }, ctx);
  return act(input, deps, decision, ctx, said);
}

/** "Yes" to "was it D?". */
export async function confirmTreatmentDate(input: HandlerInput, deps: SkillDeps, pending: ConfirmPending): Promise<Response> {
  const ctx = await contextOf(input, deps, pending.newTreatment);
  return act(input, deps, decideConfirmedDate(pending.date, ctx), ctx, pending.said ?? {});
}

/** "No" to "was it D?": the stored date kept, or the next reading of the same words. */
export async function rejectTreatmentDate(input: HandlerInput, deps: SkillDeps, pending: ConfirmPending): Promise<Response> {
  const ctx = await contextOf(input, deps, pending.newTreatment);
  const said = pending.said ?? {};
  const rejected = [...(pending.rejected ?? []), pending.date];
  return act(input, deps, decideRejectedDate({ said, form: 'alexa', rejected }, ctx), ctx, said);
}

/**
 * Stores the date (a new treatment keeps the earlier one as history) and the appointment's time when it
 * was said with the day ("yesterday at 3 pm"), then answers any question asked before.
 */
export async function saveTreatmentDate(
  input: HandlerInput,
  deps: SkillDeps,
  date: IsoDate,
  newTreatment: boolean,
  spokenTime?: string,
): Promise<Response> {
  const user = await loadUser(input, deps);
  if (!user.key) return reply(input, en.error(), { end: true });
  const heard = spokenTime === undefined ? undefined : resolveSpokenTime(spokenTime);
  const time = heard?.kind === 'exact' ? heard.time : undefined;
  const saved = await deps.store.update(user.key, (current) => {
    const next = withTreatmentDate(current, date, newTreatment, user.deviceZone);
    return time === undefined || !next ? next : { ...next, appointment: { date, time } };
  });
  forgetUserView(input);
  const dateSaid = dateSavedAnswer(
    date,
    { today: user.today, stored: user.profile?.treatmentDate, newTreatment },
    saved?.profile.history ?? [],
  ).sentence.text;
  const said = time === undefined ? dateSaid : `${dateSaid} ${appointmentNote(deps, date, time, user.today)}`;
  const deferred = readSession(input).deferred;
  // Reminders: a plan made for another date is replaced, or reminders are offered (no time offer once a time was said).
  const reminders = await remindersAfterDateSaved(input, deps, user, date, { offer: !deferred, timeKnown: time !== undefined });
  const lead = reminders.note ? `${said} ${reminders.note}` : said;
  if (deferred) return answerDeferred(input, deps, deferred, lead);
  if (reminders.question)
    return reply(
      input,
      { text: `${lead} ${reminders.question.text}`, reprompt: reminders.question.reprompt },
      { pending: reminders.pending },
    );
  return reply(input, { text: `${lead} ${en.afterDateSaved()}`, reprompt: en.whatNext });
}
