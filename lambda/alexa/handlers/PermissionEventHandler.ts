import type { RequestHandler } from 'ask-sdk-core';
import type { events } from 'ask-sdk-model';
import type { ClockTime } from '../../domain/clockTime';
import type { SkillDeps } from '../deps';
import { syncPlan } from '../reminders/operations';
import { REMINDERS_SCOPE } from '../reminders/permission';
import { loadReminderUser } from '../reminders/reminderUser';
import { requestType } from '../request';

const EVENTS = new Set(['AlexaSkillEvent.SkillPermissionAccepted', 'AlexaSkillEvent.SkillPermissionChanged']);

/**
 * The patient allowed reminders in the Alexa app (after our consent card). A plan they agreed to and
 * that waits for the permission (`incomplete`) is created now. The event has no session and may have
 * no device: the zone comes from the saved profile. It concerns the account, so it completes the
 * account's own profile; a voice profile's plan is offered to be finished when that person next opens
 * the skill (LaunchRequestHandler).
 */
export const permissionEventHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => EVENTS.has(requestType(input)),
  async handle(input) {
    const body = (input.requestEnvelope.request as events.skillevents.PermissionAcceptedRequest).body;
    const granted = Array.isArray(body?.acceptedPermissions) && body.acceptedPermissions.some((p) => p?.scope === REMINDERS_SCOPE);
    deps.log.info('reminders_permission_event', { requestType: requestType(input), reason: granted ? 'granted' : 'not granted' });
    if (!granted) return input.responseBuilder.getResponse();
    const user = await loadReminderUser(input, deps);
    const record = user?.profile.reminders;
    if (user && record?.incomplete && record.forTreatment === user.treatment) {
      const report = await syncPlan(input, deps, user, record.time as ClockTime);
      deps.log.info('reminders_completed_by_event', { count: report.set.length, reason: report.failure });
    }
    return input.responseBuilder.getResponse();
  },
});
