import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import type { SkillDeps } from '../deps';
import { isIntent } from '../request';
import { reply } from '../respond';
import { CorruptProfileError } from '../../store/codec';
import { loadUser } from '../user';

/** "Delete my data" — asks for confirmation first; the Yes handler deletes. */
export const forgetMeIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ForgetMeIntent'),
  async handle(input) {
    const stored = await loadUser(input, deps).then(
      (user) => user.stored !== undefined,
      (e: unknown) => {
        // Unreadable (damaged, or from a newer version of the skill): still theirs to delete.
        if (e instanceof CorruptProfileError) return true;
        throw e;
      },
    );
    if (!stored) return reply(input, { text: en.nothingToForget() }, { end: true });
    return reply(input, en.confirmForget(), { pending: { kind: 'confirmForget' } });
  },
});
