import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { receiveTreatmentDate } from '../dateFlow';
import { isIntent, slotValue } from '../request';
import { readSession } from '../session';

/** "My treatment was last Friday" — sets or corrects the active date (or answers "when was your new treatment?"). */
export const setTreatmentDateIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SetTreatmentDateIntent'),
  handle(input) {
    const pending = readSession(input).pending;
    const newTreatment = pending?.kind === 'treatmentDate' && pending.newTreatment;
    return receiveTreatmentDate(input, deps, slotValue(input, 'date'), newTreatment);
  },
});
