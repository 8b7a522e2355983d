import type { RequestHandler } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { receiveTreatmentDate } from '../dateFlow';
import { respondWithFirstUseDisclaimer } from '../disclaimer';
import { isIntent, spokenTreatmentDate } from '../request';
import { readSession } from '../session';
import { answerDayPlan, DAY_PLAN_QUESTION } from './DayPlanIntentHandler';

/**
 * "My treatment was last Friday" — sets or corrects the active date (or answers "when was your new
 * treatment?"). A bare date ("yesterday") answering "which day would you like to hear about?" is that
 * question's answer, never a new treatment date; a date said instead of yes or no ("no, the 13th")
 * corrects the day being confirmed. "Next Friday" (ComingDayIntent) is read as still to come.
 */
export const setTreatmentDateIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SetTreatmentDateIntent', 'ComingDayIntent'),
  handle(input) {
    const pending = readSession(input).pending;
    const spoken = spokenTreatmentDate(input);
    if (pending?.kind === DAY_PLAN_QUESTION && (spoken.date ?? spoken.weekday) !== undefined) return answerDayPlan(input, deps, spoken);
    const asked = pending?.kind === 'treatmentDate' || pending?.kind === 'confirmDate';
    const newTreatment = asked && pending.newTreatment;
    const correcting = pending?.kind === 'confirmDate' ? pending.date : undefined;
    return respondWithFirstUseDisclaimer(input, deps, () =>
      receiveTreatmentDate(input, deps, spoken, newTreatment, { asked, rejected: asked ? pending.rejected : undefined, correcting }),
    );
  },
});
