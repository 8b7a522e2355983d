import type { HandlerInput } from 'ask-sdk-core';
import { createHash } from 'node:crypto';
import { personItemId } from '../store/keys';
import { profileKey } from './request';

/**
 * Who is speaking, as a short hash kept with a question in the session: Alexa recognizes voices per
 * request, so the "yes" to "delete everything?" may come back as another person (or as the account).
 * Derived from the table key but not equal to it; the session never carries ids in clear.
 */
export function voiceTag(input: HandlerInput): string | undefined {
  const key = profileKey(input);
  if (!key) return undefined;
  return createHash('sha256').update(`voice\n${personItemId(key)}`, 'utf8').digest('hex').slice(0, 16);
}

/** True when this request comes from the voice a question was asked of (or the question did not say). */
export const sameVoice = (input: HandlerInput, askedOf: string | undefined): boolean => askedOf === undefined || askedOf === voiceTag(input);
