import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { questionKindOf } from '../../domain/meaning';
import { en } from '../../speech/en-US';
import { decide } from '../../speech/meaning.en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { activityAnswer, ASKED_ABOUT, requireTreatmentDate, timingOf } from '../questions';
import { intentName, isIntent, slotResolvedId, slotValue } from '../request';
import { answer, reply } from '../respond';
import type { Speech } from '../../speech/en-US';
import { safetyEn } from '../../speech/safety.en-US';
import { loadUser } from '../user';

/**
 * "Can I wear makeup?", "when can I take Advil?", "do I still need sunscreen?", "can I stop wearing a
 * hat?", "how long do I avoid the gym?", "when will I see results?" — answered in the question's kind
 * for the patient's day, or the day or days asked about ("tomorrow", "this weekend").
 */
export const activityQuestionHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, ...ASKED_ABOUT, 'ResultsIntent'),
  async handle(input) {
    const intent = intentName(input) ?? 'CanIIntent';
    const heard = heardWords(input);
    const word = slotResolvedId(input, 'activity') ?? slotValue(input, 'activity');
    const kind = questionKindOf(intent);
    // What needs no date (a topic not covered, prescriptions, tanning, care encouraged every day, results) is answered at once.
    const user = isIntent(input, 'ResultsIntent') ? await loadUser(input, deps) : undefined;
    const undated = decide(deps.protocol, { kind, heard, resolved: word, treatment: user?.profile?.treatmentDate, today: user?.today });
    if (undated.route === 'unknown') return reply(input, en.unknownActivity(heard, deps.protocol));
    if (undated.route === 'symptom') return answerSpeech(input, await withFirstUseDisclaimer(input, deps, safetyEn.callClinic(deps.protocol)));
    if (undated.route === 'answer') return answerSpeech(input, await withFirstUseDisclaimer(input, deps, { text: undated.say }));
    const day = { date: slotValue(input, 'date'), dayNumber: slotValue(input, 'dayNumber') };
    const known = await requireTreatmentDate(input, deps, { intent, activity: word, heard, ...day });
    if ('response' in known) return known.response;
    const text = activityAnswer(deps, known.user, intent, word, heard, timingOf(input, deps, known.user), day);
    if (text === undefined) return reply(input, en.unknownActivity(heard, deps.protocol));
    return answer(input, text);
  },
});

/** Whatever the patient said about it: the activity, and any symptom said with it ("ice on my swollen face"). */
export function heardWords(input: HandlerInput): string | undefined {
  const words = [slotValue(input, 'activity'), slotValue(input, 'symptom')].filter(Boolean).join(' ');
  if (words !== '') return words;
  return isIntent(input, 'KeepSunscreenIntent') ? 'sunscreen' : undefined;
}

const answerSpeech = (input: HandlerInput, said: Speech) => answer(input, said.text, said.card);
