import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { en } from '../speech/en-US';
import type { SkillDeps } from './deps';
import { forgetReminders } from './reminders/forgetReminders';
import { profileKey } from './request';
import { reply } from './respond';

/** Deletes the speaker's profile (their voice profile's, or the account's when unrecognized). */
export async function forgetEverything(input: HandlerInput, deps: SkillDeps): Promise<Response> {
  const key = profileKey(input);
  if (key) await forgetReminders(input, deps);
  if (key) await deps.store.delete(key);
  deps.log.info('profile_deleted', { reason: 'user_request' });
  return reply(input, { text: en.forgotten() }, { end: true });
}
