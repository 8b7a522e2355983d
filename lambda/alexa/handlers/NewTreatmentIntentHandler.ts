import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { receiveTreatmentDate } from '../dateFlow';
import { isIntent, spokenTreatmentDate } from '../request';

/** "I had another treatment on Monday" — the new date becomes day 1; the earlier one is kept as history. */
export const newTreatmentIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'NewTreatmentIntent'),
  handle: (input) => receiveTreatmentDate(input, deps, spokenTreatmentDate(input), true),
});
