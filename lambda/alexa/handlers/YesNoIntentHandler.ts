import type { RequestHandler } from 'ask-sdk-core';
import { en } from '../../speech/en-US';
import { confirmTreatmentDate, rejectTreatmentDate } from '../dateFlow';
import type { SkillDeps } from '../deps';
import { forgetEverything } from '../forget';
import { isIntent } from '../request';
import { reply } from '../respond';
import { readSession } from '../session';
import { sameVoice } from '../voice';

/**
 * Yes/No to the skill's own questions: confirming a date, or deleting the patient's data. The answer
 * must come from the voice that was asked, or nothing is changed (it would act on someone else's data).
 */
export const yesNoIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => {
    if (!isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent')) return false;
    const kind = readSession(input).pending?.kind;
    return kind === 'confirmDate' || kind === 'confirmForget';
  },
  async handle(input) {
    const yes = isIntent(input, 'AMAZON.YesIntent');
    const { pending, deferred } = readSession(input);
    // The question stays open for the voice it was asked of.
    if (pending && !sameVoice(input, pending.who)) return reply(input, en.otherVoice(), { pending, deferred });
    if (pending?.kind === 'confirmDate') {
      return yes ? confirmTreatmentDate(input, deps, pending) : rejectTreatmentDate(input, deps, pending);
    }
    if (yes) return forgetEverything(input, deps);
    return reply(input, en.keptData());
  },
});

/** Yes or No when the skill asked nothing. */
export const strayYesNoHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent'),
  handle(input) {
    void deps;
    const pending = readSession(input).pending;
    if (pending?.kind === 'treatmentDate')
      return reply(input, en.fallbackAwaitingDate(), { pending, deferred: readSession(input).deferred });
    return reply(input, en.noQuestionPending());
  },
});
