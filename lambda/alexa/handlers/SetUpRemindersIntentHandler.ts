import type { RequestHandler } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import type { SkillDeps } from '../deps';
import { askForTime, needDateFirst, proposePlan, spokenTimeSlot } from '../reminders/propose';
import { withListedPlan } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { respondWithFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';

/** "Remind me every morning at 7:30", "set up my reminders", or just "7:30" after the offer. */
export const setUpRemindersIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'SetUpRemindersIntent'),
  async handle(input) {
    const loaded = await loadReminderUser(input, deps);
    if (!loaded) return respondWithFirstUseDisclaimer(input, deps, async () => needDateFirst(input));
    const user = await withListedPlan(input, deps, loaded);
    const spoken = spokenTimeSlot(input);
    if (spoken === undefined) {
      // "Set up my reminders" with a plan already made: describe or complete it at its own time.
      const existing = user.profile.reminders?.forTreatment === user.treatment ? user.profile.reminders : undefined;
      return existing ? proposePlan(input, deps, user, existing.time as ClockTime) : askForTime(input);
    }
    if (spoken.kind !== 'exact') return askForTime(input, true);
    return proposePlan(input, deps, user, spoken.time);
  },
});
