import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { symptomHelp } from '../../answers/symptom';
import { meaningOf } from '../../domain/meaning';
import { ASKED_ABOUT, heardWords } from '../questions';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent, slotResolvedId, slotValue } from '../request';
import { en } from '../../speech/en-US';
import { answer, isOneShot, reply } from '../respond';
import { screenFor } from '../apl/render';
import { readSession } from '../session';
import { loadUser } from '../user';

/**
 * "My face is swollen and hot", "is it normal to peel?", "I'm worried about the redness" — never assessed. What the article calls
 * normal on the patient's day is said as such; anything else, any worry, or no stored date: the clinic's
 * phone and the emergency line, on a card too. Also takes activity questions whose words are a symptom
 * rather than an activity ("can I put ice on my swollen face"), so a symptom never gets a care tip.
 */
export const symptomIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SymptomIntent', 'SymptomWorryIntent') || symptomInActivitySlot(input, deps),
  async handle(input) {
    const heard = [slotValue(input, 'symptom'), slotValue(input, 'alsoSymptom'), slotValue(input, 'activity')]
      .filter(Boolean)
      .join(' and ');
    const user = await loadUser(input, deps);
    const asked = { day: user.profile?.treatmentDate === undefined ? undefined : user.day, worried: isIntent(input, 'SymptomWorryIntent') };
    const help = symptomHelp(deps.protocol, heard, asked);
    const said = await withFirstUseDisclaimer(input, deps, help.sentence);
    // Asked while "when was your treatment?" is open: the clinic first, then the question again.
    const { pending, deferred } = readSession(input);
    if (pending?.kind === 'treatmentDate' && !isOneShot(input)) {
      const ask = pending.newTreatment ? en.askNewTreatmentDate() : en.askTreatmentDate();
      return reply(input, { text: `${said.text} ${ask.text}`, reprompt: ask.reprompt, card: said.card }, { pending, deferred });
    }
    return answer(input, said.text, said.card, screenFor(input, deps.protocol, help));
  },
});

/**
 * A question about something whose words name a symptom ("can I put ice on my swollen face", "it stings
 * when I put moisturizer on"): the symptom path wins over any activity word (domain/meaning).
 */
function symptomInActivitySlot(input: HandlerInput, deps: SkillDeps): boolean {
  if (!isIntent(input, ...ASKED_ABOUT)) return false;
  // "How long will I peel?" is answered from what the article calls normal (answers/question).
  if (isIntent(input, 'HowLongIntent')) return false;
  return meaningOf(deps.protocol, heardWords(input), slotResolvedId(input, 'activity')).kind === 'symptom';
}
