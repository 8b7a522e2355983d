import type { RequestHandler } from 'ask-sdk-core';
import { followUp } from '../../domain/care';
import { nextSessionView } from '../../screens/dayView';
import { clinicPhone } from '../../speech/clinic';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { requireTreatmentDate } from '../questions';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "When is my next session?" — bookable from treatment + the protocol's follow-up interval. */
export const nextSessionIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'NextSessionIntent'),
  async handle(input) {
    const known = await requireTreatmentDate(input, deps, { intent: 'NextSessionIntent' });
    if ('response' in known) return known.response;
    const { user } = known;
    const next = followUp(deps.protocol, user.profile.treatmentDate, user.day);
    const text = en.nextSession(next, user.today, deps.protocol);
    return answer(input, text, undefined, { kind: 'answer', view: nextSessionView(next, user.day, user.today, text, clinicPhone(deps.protocol.clinic)) });
  },
});
