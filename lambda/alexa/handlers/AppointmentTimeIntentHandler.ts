import type { RequestHandler } from 'ask-sdk-core';
import { appointmentSavedAnswer } from '../../answers/appointment';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import type { KnownUser } from '../questions';
import { spokenTimeSlot } from '../reminders/propose';
import { isIntent } from '../request';
import { answer, reply } from '../respond';
import { forgetUserView, loadUser } from '../user';

/**
 * "My appointment was at 3 PM" — optional: with it, the article's "at least 48 hours" (and one week)
 * end at that time of day instead of being said as a rule in hours. Kept with the date it belongs to.
 */
export const appointmentTimeIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AppointmentTimeIntent'),
  async handle(input) {
    const user = await loadUser(input, deps);
    const treatment = user.profile?.treatmentDate;
    if (!user.key || treatment === undefined || user.day === undefined) {
      return reply(input, await withFirstUseDisclaimer(input, deps, en.appointmentNeedsDate()), {
        pending: { kind: 'treatmentDate', newTreatment: false },
      });
    }
    const spoken = spokenTimeSlot(input);
    if (spoken?.kind !== 'exact') return reply(input, en.appointmentTimeUnclear());
    const time = spoken.time;
    await deps.store.update(user.key, (current) => current && { ...current, appointment: { date: treatment, time } });
    forgetUserView(input);
    return answer(input, appointmentSavedAnswer(deps.protocol, treatment, user.today, (user as KnownUser).day, time).sentence.text);
  },
});
