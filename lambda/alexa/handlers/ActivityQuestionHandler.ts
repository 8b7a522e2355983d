import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { activityReply, fixedActivityAnswer, requireTreatmentDate, timingOf } from '../questions';
import { intentName, isIntent, slotResolvedId, slotValue } from '../request';
import { answer, reply } from '../respond';

/**
 * "Can I wear makeup?" and "When can I take Advil?" — answered for the patient's day, with the date it
 * changes; "can I go for a run tomorrow?" for that day.
 */
export const activityQuestionHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'CanIIntent', 'WhenCanIIntent'),
  async handle(input) {
    const intent = intentName(input) ?? 'CanIIntent';
    const heard = slotValue(input, 'activity');
    const word = slotResolvedId(input, 'activity') ?? heard;
    // Prescriptions and tanning: the same answer every day, before any date.
    const fixed = fixedActivityAnswer(deps.protocol, heard);
    if (fixed !== undefined) {
      const said = await withFirstUseDisclaimer(input, deps, { text: fixed });
      return answer(input, said.text);
    }
    const day = { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') };
    const known = await requireTreatmentDate(input, deps, { intent, activity: word, heard, ...day });
    if ('response' in known) return known.response;
    const said = activityReply(deps, known.user, intent, word, heard, timingOf(input, deps, known.user), day);
    if (said === undefined) return reply(input, en.unknownActivity(slotValue(input, 'activity'), deps.protocol));
    return answer(input, said.text, undefined, said.screen);
  },
});
