import type { RequestHandler } from 'ask-sdk-core';
import { fixedAnswer, unknownActivity } from '../../answers/activity';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { activityQuestion, patientOf, requireTreatmentDate } from '../questions';
import { screenFor } from '../apl/render';
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
    const fixed = fixedAnswer(deps.protocol, heard);
    if (fixed !== undefined) {
      const said = await withFirstUseDisclaimer(input, deps, { text: fixed.sentence.text });
      return answer(input, said.text, undefined, screenFor(input, deps.protocol, fixed, heard));
    }
    const day = { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') };
    const known = await requireTreatmentDate(input, deps, { intent, activity: word, heard, ...day });
    if ('response' in known) return known.response;
    const said = activityQuestion(patientOf(input, deps, known.user), intent, word, heard, day);
    if (said === undefined) return reply(input, unknownActivity(deps.protocol, heard).sentence);
    return answer(input, said.sentence.text, undefined, screenFor(input, deps.protocol, said, heard));
  },
});
