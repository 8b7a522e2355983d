import type { RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { ClockTime } from '../../domain/clockTime';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { dropConsent, syncPlan } from '../reminders/operations';
import { sendConsentCard, timeFromPermissionToken } from '../reminders/permission';
import { loadReminderUser } from '../reminders/reminderUser';
import { speakReport } from '../reminders/setUp';
import { requestType } from '../request';
import { answer } from '../respond';

/**
 * Alexa's answer to our voice permission request (Connections.Response "AskFor"):
 * ACCEPTED → set the plan now; DENIED → drop it and say how to allow later; NOT_ANSWERED, or a device
 * that cannot ask by voice → a consent card in the Alexa app (the plan waits for the permission event).
 */
export const permissionResponseHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) =>
    requestType(input) === 'Connections.Response' &&
    (input.requestEnvelope.request as interfaces.connections.ConnectionsResponse).name === 'AskFor',
  async handle(input) {
    const request = input.requestEnvelope.request as interfaces.connections.ConnectionsResponse;
    const status = typeof request.payload?.status === 'string' ? request.payload.status : undefined;
    const user = await loadReminderUser(input, deps);
    if (!user) return answer(input, remindersEn.noReminders());
    deps.log.info('reminders_permission_answer', { reason: status ?? `code ${request.status?.code ?? '?'}` });

    if (status === 'DENIED') {
      await dropConsent(deps, user);
      return answer(input, remindersEn.permissionDenied());
    }
    const time = timeFromPermissionToken(request.token) ?? (user.profile.reminders?.time as ClockTime | undefined);
    if (status !== 'ACCEPTED' || !time) return sendConsentCard(input);
    const report = await syncPlan(input, deps, user, time);
    // Accepted, yet still refused: do not ask by voice again in a loop; the card is the way out.
    if (report.failure === 'noPermission' && report.set.length === 0) return sendConsentCard(input);
    return speakReport(input, report, user, 'setUp');
  },
});
