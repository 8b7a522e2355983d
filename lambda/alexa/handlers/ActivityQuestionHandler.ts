import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { activityAnswer, requireTreatmentDate } from '../questions';
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
    const word = slotResolvedId(input, 'activity') ?? slotValue(input, 'activity');
    const day = { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') };
    const known = await requireTreatmentDate(input, deps, { intent, activity: word, ...day });
    if ('response' in known) return known.response;
    const text = activityAnswer(deps, known.user, intent, word, day);
    if (text === undefined) return reply(input, en.unknownActivity(slotValue(input, 'activity'), deps.protocol));
    return answer(input, text);
  },
});
