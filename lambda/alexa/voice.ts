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
  return createHash('sha256')
    .update(`voice\n${personItemId(key)}`, 'utf8')
    .digest('hex')
    .slice(0, 16);
}

/**
 * True when this request comes from the voice a question was asked of. The skill tags every question it
 * asks, so an untagged one came from a forged or stale session: it is refused whenever Alexa recognizes
 * the speaker (a voice profile's data is at stake), and only accepted for the account's own voice.
 */
export function sameVoice(input: HandlerInput, askedOf: string | undefined): boolean {
  if (askedOf === undefined) return profileKey(input)?.personId === undefined;
  return askedOf === voiceTag(input);
}
