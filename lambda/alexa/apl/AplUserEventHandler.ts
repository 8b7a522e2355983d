import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { activityReply, requireTreatmentDate, timingOf } from '../questions';
import { requestType } from '../request';
import { answer, reply } from '../respond';

export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

/** The activity a touch on the day screen names (SendEvent ["restriction", id]); anything else is not ours. */
function touchedActivity(input: HandlerInput): string | undefined {
  if (requestType(input) !== USER_EVENT) return undefined;
  const args = (input.requestEnvelope.request as { arguments?: unknown }).arguments;
  if (!Array.isArray(args) || args[0] !== 'restriction' || typeof args[1] !== 'string') return undefined;
  return args[1].slice(0, 80);
}

/**
 * A touch on a restriction of the day screen is answered aloud, exactly as "can I …?" about it would be
 * (the same answer, with its compact screen).
 */
export const aplUserEventHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === USER_EVENT,
  async handle(input) {
    const word = touchedActivity(input);
    if (word === undefined) return reply(input, en.unknownActivity(undefined, deps.protocol));
    const known = await requireTreatmentDate(input, deps, { intent: 'CanIIntent', activity: word });
    if ('response' in known) return known.response;
    const said = activityReply(deps, known.user, 'CanIIntent', word, undefined, timingOf(input, deps, known.user));
    if (said === undefined) return reply(input, en.unknownActivity(undefined, deps.protocol));
    return answer(input, said.text, undefined, said.screen);
  },
});
