import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Speech } from '../speech/en-US';
import { escapeXml } from '../speech/ssml';
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
  if (!(await isFirstUse(input, deps))) return speech;
  markDisclaimed(input);
  return { ...speech, text: `${deps.protocol.disclaimer} ${speech.text}` };
}

/**
 * The same for a handler whose answer is built further down (a date said as the very first words,
 * "ask microneedling care my treatment was yesterday"): decided before it runs, since it may store a date.
 */
export async function respondWithFirstUseDisclaimer(
  input: HandlerInput,
  deps: SkillDeps,
  respond: () => Promise<Response>,
): Promise<Response> {
  const first = await isFirstUse(input, deps);
  if (first) markDisclaimed(input);
  const response = await respond();
  const speech = response.outputSpeech;
  if (first && speech?.type === 'SSML') speech.ssml = speech.ssml.replace(/^<speak>/, `<speak>${escapeXml(deps.protocol.disclaimer)} `);
  return response;
}

async function isFirstUse(input: HandlerInput, deps: SkillDeps): Promise<boolean> {
  if (wasDisclaimed(input)) return false;
  return (await loadUser(input, deps)).profile?.treatmentDate === undefined;
}
