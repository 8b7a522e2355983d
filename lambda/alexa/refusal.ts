import type { RequestEnvelope } from 'ask-sdk-model';
import { RequestRefusedError } from '../errors';

export { RequestRefusedError };

/** Every applicationId the envelope carries (context and session): a forged one may hide in either. */
function applicationIds(envelope: RequestEnvelope): string[] {
  const ids: unknown[] = [envelope.context?.System?.application?.applicationId, envelope.session?.application?.applicationId];
  return ids.filter((id): id is string => typeof id === 'string');
}

/**
 * Checks the little every request must have before the SDK sees it (the SDK itself would throw a
 * TypeError on a missing `context`): a request type, and — when SKILL_ID is configured — our skill id,
 * in every place the envelope names one (and in at least one). The Lambda and the self-hosted endpoint
 * both use it, the endpoint before any certificate is fetched.
 */
export function checkEnvelope(event: unknown, skillId: string | undefined): RequestEnvelope {
  if (!event || typeof event !== 'object') throw new RequestRefusedError('not a request envelope');
  const envelope = event as RequestEnvelope;
  const request = envelope.request as { type?: unknown } | undefined;
  if (!request || typeof request !== 'object' || typeof request.type !== 'string') throw new RequestRefusedError('request without a type');
  if (skillId !== undefined) {
    const ids = applicationIds(envelope);
    if (ids.length === 0 || ids.some((id) => id !== skillId)) throw new RequestRefusedError('request for another skill');
  }
  return envelope;
}
