import type { RequestHandler } from 'ask-sdk-core';
import { howLongAnswer, resultsAnswer } from '../../answers/recovery';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent, slotResolvedId, slotValue } from '../request';
import { answer } from '../respond';

/** "How long will the redness last?", "when will I see results?" — the answers core decides (answers/recovery). */
export const howLongIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'HowLongIntent', 'ResultsIntent'),
  async handle(input) {
    const decided = isIntent(input, 'ResultsIntent')
      ? resultsAnswer(deps.protocol)
      : howLongAnswer(deps.protocol, slotResolvedId(input, 'symptom') ?? slotValue(input, 'symptom'), slotValue(input, 'symptom'));
    const said = await withFirstUseDisclaimer(input, deps, decided.sentence);
    return answer(input, said.text, said.card);
  },
});
