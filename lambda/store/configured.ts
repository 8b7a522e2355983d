import type { SkillConfig } from '../config';
import { createDynamoStore } from './dynamoStore';
import type { ProfileStore } from './types';

/**
 * The DynamoDB store as the configuration says, for the skill's and the add-on's composition roots.
 * A local DynamoDB-compatible endpoint needs no real credentials: without any in the environment
 * (`hasEnvCredentials`, read by the caller) it gets dummy ones.
 */
export function configuredStore(config: SkillConfig, hasEnvCredentials: boolean): ProfileStore {
  const local = config.dynamoEndpoint !== undefined;
  return createDynamoStore({
    tableName: config.tableName,
    endpoint: config.dynamoEndpoint,
    region: config.region,
    retentionDays: config.retentionDays,
    deadlineMs: config.storeDeadlineMs,
    credentials: local && !hasEnvCredentials ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  });
}
