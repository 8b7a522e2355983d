import type { RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import type { SkillDeps } from '../deps';
import { requestType } from '../request';

/** Alexa closed the session; no speech is allowed. Logs why (an ERROR reason carries only its type). */
export const sessionEndedRequestHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => requestType(input) === 'SessionEndedRequest',
  handle(input) {
    const req = input.requestEnvelope.request as SessionEndedRequest;
    const reason = typeof req.reason === 'string' ? req.reason : 'UNKNOWN';
    const errorType = typeof req.error?.type === 'string' ? req.error.type : undefined;
    deps.log.info('session_ended', { reason, error: errorType });
    return input.responseBuilder.getResponse();
  },
});
