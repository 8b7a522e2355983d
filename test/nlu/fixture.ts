import type { Slot } from 'ask-sdk-model';
import type { IsoDate } from '../../lambda/domain/calendar';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { createNlu, type InteractionModelFile, type NluResult } from '../../tools/nlu';

/** Pinned "today" for every NLU test: Wednesday, November 25th 2026. */
export const TODAY = '2026-11-25' as IsoDate;
export const SKILL_ID = 'amzn1.ask.skill.test';
export const interactionModel = model as InteractionModelFile;
export const nlu = createNlu(interactionModel, { skillId: SKILL_ID });

export const match = (utterance: string): NluResult => nlu.match(utterance, TODAY);

/** The values of the filled slots, for compact expectations. */
export function slotValues(result: NluResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const slot of Object.values(result.slots)) if (slot.value !== undefined) out[slot.name] = slot.value;
  return out;
}

/** The entity-resolution id when matched, 'NO_MATCH' on a miss, undefined for a slot without resolutions. */
export function resolvedId(slot: Slot | undefined): string | undefined {
  const authority = slot?.resolutions?.resolutionsPerAuthority?.[0];
  if (!authority) return undefined;
  return authority.status.code === 'ER_SUCCESS_MATCH' ? authority.values[0]?.value.id : 'NO_MATCH';
}
