import type { RequestHandler } from 'ask-sdk-core';
import { nextSessionAnswer } from '../../answers/followUp';
import type { SkillDeps } from '../deps';
import { patientOf, requireTreatmentDate } from '../questions';
import { isIntent } from '../request';
import { answer } from '../respond';
import { screenFor } from '../apl/render';

/** "When is my next session?" — bookable from treatment + the protocol's follow-up interval. */
export const nextSessionIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'NextSessionIntent'),
  async handle(input) {
    const known = await requireTreatmentDate(input, deps, { intent: 'NextSessionIntent' });
    if ('response' in known) return known.response;
    const next = nextSessionAnswer(patientOf(input, deps, known.user));
    return answer(input, next.sentence.text, undefined, screenFor(input, deps.protocol, next));
  },
});
