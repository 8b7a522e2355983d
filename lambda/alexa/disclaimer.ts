import type { HandlerInput } from 'ask-sdk-core';
import type { Speech } from '../speech/en-US';
import type { SkillDeps } from './deps';
import { readSession } from './session';
import { loadUser } from './user';

const SAID = 'disclaimerSaid';

/** Whether this session has heard the disclaimer (said earlier, or in this very answer). */
export function wasDisclaimed(input: HandlerInput): boolean {
  return input.attributesManager.getRequestAttributes()[SAID] === true || readSession(input).disclaimed === true;
}

/** Notes that this answer carries the disclaimer (the launch greeting says it itself). */
export function markDisclaimed(input: HandlerInput): void {
  input.attributesManager.getRequestAttributes()[SAID] = true;
}

/**
 * A patient's first interaction, whatever it is (a one-shot question included), starts with the
 * protocol's disclaimer: said while no treatment date is stored, once per session.
 */
export async function withFirstUseDisclaimer(input: HandlerInput, deps: SkillDeps, speech: Speech): Promise<Speech> {
  if (wasDisclaimed(input)) return speech;
  const user = await loadUser(input, deps);
  if (user.profile?.treatmentDate !== undefined) return speech;
  markDisclaimed(input);
  return { ...speech, text: `${deps.protocol.disclaimer} ${speech.text}` };
}
