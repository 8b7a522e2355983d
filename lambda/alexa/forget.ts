import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { en } from '../speech/en-US';
import type { SkillDeps } from './deps';
import { forgetReminders } from './reminders/forgetReminders';
import { profileKey } from './request';
import { reply } from './respond';
import { CorruptProfileError } from '../store/codec';

/**
 * Deletes the speaker's profile (their voice profile's, or the account's when unrecognized). A record
 * that cannot be read any more is still deleted — the right to be forgotten does not depend on it —
 * though its reminders, whose tokens were in it, cannot be cancelled.
 */
export async function forgetEverything(input: HandlerInput, deps: SkillDeps): Promise<Response> {
  const key = profileKey(input);
  if (key) {
    try {
      await forgetReminders(input, deps);
    } catch (e) {
      if (!(e instanceof CorruptProfileError)) throw e;
      deps.log.warn('reminders_not_cancelled', { reason: 'unreadable_profile' });
    }
    await deps.store.delete(key);
  }
  deps.log.info('profile_deleted', { reason: 'user_request' });
  return reply(input, { text: en.forgotten() }, { end: true });
}
