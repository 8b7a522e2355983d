import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { todayBriefing, type KnownUser } from '../questions';
import { requestType } from '../request';
import { reply } from '../respond';
import { loadUser } from '../user';

/** New patient: the disclaimer and "when was your treatment?"; returning patient: today's briefing. */
export const launchRequestHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === 'LaunchRequest',
  async handle(input) {
    const user = await loadUser(input, deps);
    if (user.profile?.treatmentDate === undefined) {
      return reply(input, en.welcomeNew(deps.protocol), { pending: { kind: 'treatmentDate', newTreatment: false } });
    }
    const brief = todayBriefing(deps, user as KnownUser);
    return reply(input, { text: `${brief.text} ${en.whatNext}`, reprompt: en.whatNext, card: brief.card });
  },
});
