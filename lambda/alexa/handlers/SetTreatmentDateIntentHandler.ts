import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { receiveTreatmentDate } from '../dateFlow';
import { respondWithFirstUseDisclaimer } from '../disclaimer';
import { isIntent, slotValue } from '../request';
import { readSession } from '../session';
import { answerDayPlan, DAY_PLAN_QUESTION } from './DayPlanIntentHandler';

/**
 * "My treatment was last Friday" — sets or corrects the active date (or answers "when was your new
 * treatment?"). A bare date ("yesterday") answering "which day would you like to hear about?" is that
 * question's answer, never a new treatment date.
 */
export const setTreatmentDateIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SetTreatmentDateIntent'),
  handle(input) {
    const pending = readSession(input).pending;
    const date = slotValue(input, 'date');
    if (pending?.kind === 'other' && pending.name === DAY_PLAN_QUESTION && date !== undefined) return answerDayPlan(input, deps, { date });
    const asked = pending?.kind === 'treatmentDate' || pending?.kind === 'confirmDate';
    const newTreatment = asked && pending.newTreatment;
    return respondWithFirstUseDisclaimer(input, deps, () => receiveTreatmentDate(input, deps, date, newTreatment, { asked }));
  },
});
