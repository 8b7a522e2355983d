import type { RequestEnvelope } from 'ask-sdk-model';

/** A request we must not answer: not for this skill, or not an Alexa request at all. The Lambda fails it. */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
}

/**
 * Checks the little every request must have before the SDK sees it (the SDK itself would throw a
 * TypeError on a missing `context`): a request type, and — when SKILL_ID is configured — our skill id.
 */
export function checkEnvelope(event: unknown, skillId: string | undefined): RequestEnvelope {
  if (!event || typeof event !== 'object') throw new RequestRefusedError('not a request envelope');
  const envelope = event as RequestEnvelope;
  const request = envelope.request as { type?: unknown } | undefined;
  if (!request || typeof request !== 'object' || typeof request.type !== 'string') throw new RequestRefusedError('request without a type');
  if (skillId !== undefined) {
    const appId = envelope.context?.System?.application?.applicationId ?? envelope.session?.application?.applicationId;
    if (appId !== skillId) throw new RequestRefusedError('request for another skill');
  }
  return envelope;
}
