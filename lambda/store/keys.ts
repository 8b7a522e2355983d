import { createHash } from 'node:crypto';
import type { ProfileKey } from './types';

/**
 * Table keys. Items are keyed by a SHA-256 of the Amazon ids, so the table never holds them in clear.
 * The hashed text is `userId \n personId`: Amazon user ids never contain a newline (checked), so the
 * split is unambiguous and one person's key can never equal another's.
 */
const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function checkUserId(userId: string): void {
  if (userId.length === 0 || userId.includes('\n')) throw new TypeError('invalid userId');
}

/** The item of one person: a recognized voice profile, or the account itself when `personId` is absent or empty. */
export function personItemId(key: ProfileKey): string {
  checkUserId(key.userId);
  if (key.space === 'mcp') return `m#${sha256Hex(key.userId)}`;
  return `p#${sha256Hex(`${key.userId}\n${key.personId ?? ''}`)}`;
}

/** The add-on patient's key: the token's issuer and subject (JSON, so neither can run into the other). */
export const mcpPatientKey = (issuer: string, subject: string): ProfileKey => ({ userId: JSON.stringify([issuer, subject]), space: 'mcp' });

/** The account's index item: lists the voice-profile items, so deleting an account needs no scan. */
export function accountIndexId(userId: string): string {
  checkUserId(userId);
  return `a#${sha256Hex(userId)}`;
}

/** True for the voice-profile key of an account (the ones the account index must list). */
export const isVoiceProfile = (key: ProfileKey): boolean => key.space === undefined && (key.personId ?? '') !== '';

/** The item holding one person's short reminders lease: beside the profile, never inside it (a profile write would drop it). */
export const leaseItemId = (key: ProfileKey): string => `l#${personItemId(key).slice(2)}`;
/** The lease item of a profile item id ("p#…" → "l#…"), so deleting an account removes its leases too. */
export const leaseIdOfItem = (itemId: string): string => `l#${itemId.slice(2)}`;
