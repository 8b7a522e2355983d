import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { markDisclaimed } from '../disclaimer';
import { dayPlanAnswer } from '../../answers/dayPlan';
import { patientOf, type KnownUser } from '../questions';
import { requestType } from '../request';
import { reply } from '../respond';
import { finishPlanQuestion } from '../reminders/propose';
import { loadReminderUser } from '../reminders/reminderUser';
import { loadUser } from '../user';

/**
 * New patient: the disclaimer and "when was your treatment?"; returning patient: today's briefing —
 * followed, when a reminder plan they agreed to is still unfinished, by the offer to finish it.
 */
export const launchRequestHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === 'LaunchRequest',
  async handle(input) {
    const user = await loadUser(input, deps);
    if (user.profile?.treatmentDate === undefined) {
      markDisclaimed(input); // the greeting says it
      return reply(input, en.welcomeNew(deps.protocol), { pending: { kind: 'treatmentDate', newTreatment: false } });
    }
    const p = patientOf(input, deps, user as KnownUser);
    const brief = dayPlanAnswer(p, p.day).sentence;
    const unfinished = user.profile.reminders?.incomplete ? await unfinishedPlan(input, deps) : undefined;
    if (unfinished) {
      return reply(
        input,
        { text: `${brief.text} ${unfinished.speech.text}`, reprompt: unfinished.speech.reprompt, card: brief.card },
        { pending: unfinished.pending },
      );
    }
    return reply(input, { text: `${brief.text} ${en.whatNext}`, reprompt: en.whatNext, card: brief.card });
  },
});

async function unfinishedPlan(input: HandlerInput, deps: SkillDeps) {
  const user = await loadReminderUser(input, deps);
  return user ? finishPlanQuestion(deps, user) : undefined;
}
