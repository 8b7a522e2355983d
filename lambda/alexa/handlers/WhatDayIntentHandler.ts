import type { RequestHandler } from 'ask-sdk-core';
import { whatDayAnswer } from '../../answers/followUp';
import type { SkillDeps } from '../deps';
import { patientOf, requireTreatmentDate } from '../questions';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "What day am I on?" / "When was my treatment?" */
export const whatDayIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'WhatDayIntent'),
  async handle(input) {
    const known = await requireTreatmentDate(input, deps, { intent: 'WhatDayIntent' });
    if ('response' in known) return known.response;
    return answer(input, whatDayAnswer(patientOf(input, deps, known.user)).sentence.text);
  },
});
