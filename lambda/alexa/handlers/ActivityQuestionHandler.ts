import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { unknownActivity } from '../../answers/activity';
import type { Answer } from '../../answers/answer';
import { questionAnswer } from '../../answers/question';
import { symptomHelp } from '../../answers/symptom';
import { questionKindOf } from '../../domain/meaning';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { activityQuestion, ASKED_ABOUT, heardWords, patientOf, requireTreatmentDate } from '../questions';
import { screenFor } from '../apl/render';
import { intentName, isIntent, slotResolvedId, slotValue } from '../request';
import { answer, reply } from '../respond';

/**
 * "Can I wear makeup?", "when can I take Advil?", "do I still need sunscreen?", "can I stop wearing a
 * hat?", "how long will I peel?", "when will I see results?" — answered in the question's kind for the
 * patient's day, or the day or days asked about ("tomorrow", "this weekend"). What needs no date (a
 * topic not covered, a prescription, tanning, care encouraged every day) is answered at once.
 */
export const activityQuestionHandler = (deps: SkillDeps): RequestHandler => ({
  // "How long will I peel?" (no activity) and "when will I see results?" are the recovery handler's.
  canHandle: (input) =>
    isIntent(input, ...ASKED_ABOUT.filter((i) => i !== 'HowLongIntent')) ||
    (isIntent(input, 'HowLongIntent') && slotValue(input, 'activity') !== undefined),
  async handle(input) {
    const intent = intentName(input) ?? 'CanIIntent';
    const heard = heardWords(input);
    const word = slotResolvedId(input, 'activity') ?? slotValue(input, 'activity');
    const kind = questionKindOf(intent);
    const undated = questionAnswer(deps.protocol, { kind, heard, word }, undefined);
    if (undated.route === 'unknown') return reply(input, unknownActivity(deps.protocol, heard).sentence);
    if (undated.route === 'symptom') return said(input, deps, symptomHelp(deps.protocol, heard, { day: undefined, worried: false }), heard);
    if (undated.route === 'answer') return said(input, deps, undated.answer, heard);
    const day = { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') };
    const known = await requireTreatmentDate(input, deps, { intent, activity: word, heard, ...day });
    if ('response' in known) return known.response;
    const asked = activityQuestion(patientOf(input, deps, known.user), intent, word, heard, day);
    if (asked === undefined) return reply(input, unknownActivity(deps.protocol, heard).sentence);
    return answer(input, asked.sentence.text, asked.sentence.card, screenFor(input, deps.protocol, asked, heard));
  },
});

/** An answer that needs no date, after the first-use disclaimer when it is due. */
async function said(input: HandlerInput, deps: SkillDeps, a: Answer<object>, heard: string | undefined) {
  const speech = await withFirstUseDisclaimer(input, deps, a.sentence);
  return answer(input, speech.text, speech.card, screenFor(input, deps.protocol, a, heard));
}
