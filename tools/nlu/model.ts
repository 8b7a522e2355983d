/** The parts of an ASK interaction model file (skill-package/interactionModels/custom/<locale>.json) the NLU reads. */
export interface InteractionModelFile {
  readonly interactionModel: { readonly languageModel: LanguageModel };
}

export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly IntentDefinition[];
  readonly types?: readonly SlotTypeDefinition[];
}

export interface IntentDefinition {
  readonly name: string;
  readonly slots?: readonly { readonly name: string; readonly type: string; readonly samples?: readonly string[] }[];
  readonly samples?: readonly string[];
}

export interface SlotTypeDefinition {
  readonly name: string;
  readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
}
