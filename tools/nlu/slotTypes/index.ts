import type { slu } from 'ask-sdk-model';
import type { IsoDate } from '../../../lambda/domain/calendar';
import type { LanguageModel } from '../model';
import { numberValue } from '../numbers';
import { createCustomSlotType } from './custom';
import { parseDate } from './date';
import { parseTime } from './time';

/** What a slot type makes of captured words; `resolved` is false only for a custom value it does not know. */
export interface SlotFill {
  readonly value: string;
  readonly resolved: boolean;
  readonly resolutions?: slu.entityresolution.Resolutions;
}

/** Undefined means "these words cannot fill this slot", which rejects the sample. */
export type SlotTypeParser = (words: readonly string[], today: IsoDate) => SlotFill | undefined;

const builtin =
  (parse: (words: readonly string[], today: IsoDate) => string | undefined): SlotTypeParser =>
  (words, today) => {
    const value = parse(words, today);
    return value === undefined ? undefined : { value, resolved: true };
  };

/** Parsers for the built-in types we support plus every custom type in the model. */
export function createSlotTypeParsers(model: LanguageModel, skillId: string): Map<string, SlotTypeParser> {
  const parsers = new Map<string, SlotTypeParser>([
    ['AMAZON.DATE', builtin(parseDate)],
    ['AMAZON.TIME', builtin((words) => parseTime(words))],
    ['AMAZON.NUMBER', builtin((words) => numberValue(words)?.toString())],
  ]);
  for (const type of model.types ?? []) {
    const custom = createCustomSlotType(type, skillId);
    parsers.set(type.name, (words) => custom(words));
  }
  return parsers;
}

/** Built-in types we do not model take any words as said, like a catch-all. */
export const anyWords: SlotTypeParser = (words) => ({ value: words.join(' '), resolved: false });
