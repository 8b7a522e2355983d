import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { withFirstUseDisclaimer } from '../disclaimer';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';
import { loadUser } from '../user';

export const helpIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  async handle(input) {
    const user = await loadUser(input, deps);
    if (user.profile?.treatmentDate === undefined) {
      return reply(input, await withFirstUseDisclaimer(input, deps, en.helpNoDate()), {
        pending: { kind: 'treatmentDate', newTreatment: false },
        deferred: readSession(input).deferred,
      });
    }
    return reply(input, en.help());
  },
});
