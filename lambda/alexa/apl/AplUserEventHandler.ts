import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { unknownActivity } from '../../answers/activity';
import type { SkillDeps } from '../deps';
import { activityQuestion, patientOf, requireTreatmentDate } from '../questions';
import { requestType } from '../request';
import { answer, reply } from '../respond';
import { screenFor } from './render';

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
    if (word === undefined) return reply(input, unknownActivity(deps.protocol, undefined).sentence);
    const known = await requireTreatmentDate(input, deps, { intent: 'CanIIntent', activity: word });
    if ('response' in known) return known.response;
    const said = activityQuestion(patientOf(input, deps, known.user), 'CanIIntent', word, undefined, {});
    if (said === undefined) return reply(input, unknownActivity(deps.protocol, undefined).sentence);
    return answer(input, said.sentence.text, undefined, screenFor(input, deps.protocol, said));
  },
});
