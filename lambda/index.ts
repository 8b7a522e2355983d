import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig, type SkillConfig } from './config';
import { createLogger } from './log';
import { defaultProtocol } from './protocol/load';
import { createSkill, type SkillDeps } from './skill';
import { configuredStore } from './store/configured';

/** The composition root: config read once, clients created once per container, the skill wired here. */
export function createDefaultDeps(config: SkillConfig = readConfig(process.env)): SkillDeps {
  return {
    config,
    protocol: defaultProtocol(),
    log: createLogger(),
    clock: () => new Date(),
    store: configuredStore(config, Boolean(process.env.AWS_ACCESS_KEY_ID)),
  };
}

let skill: ReturnType<typeof createSkill> | undefined;

export async function handler(event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> {
  skill ??= createSkill(createDefaultDeps());
  return skill.invoke(event, context);
}
