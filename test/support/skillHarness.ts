import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig, type SkillConfig } from '../../lambda/config';
import { createLogger, silentLogger, type Logger } from '../../lambda/log';
import { testProtocol } from './testProtocol';
import type { Protocol } from '../../lambda/protocol/types';
import { createSkill, type SkillDeps } from '../../lambda/skill';
import type { ProfileStore } from '../../lambda/store/types';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/localAlexaApi';
import { localDynamoStore, startLocalDynamo } from '../../tools/localDynamo';

/**
 * The real skill wired to real parts on 127.0.0.1: DynamoDB (dynalite) and the Alexa API stand-in.
 * Start once per test file (beforeAll), stop in afterAll.
 */
export interface SkillHarness {
  readonly api: LocalAlexaApi;
  readonly store: ProfileStore;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  /** Invoke the skill as the Lambda would. */
  invoke(event: RequestEnvelope): Promise<ResponseEnvelope>;
  skillWith(options: {
    protocol?: Protocol;
    config?: Partial<SkillConfig>;
    log?: Logger;
    store?: ProfileStore;
  }): (event: RequestEnvelope) => Promise<ResponseEnvelope>;
  stop(): Promise<void>;
}

/** `skillWith` swaps the protocol, config, logger or store for one skill on the same parts. */

let tableCounter = 0;

export async function startSkillHarness(opts: { log?: Logger; timeZone?: string } = {}): Promise<SkillHarness> {
  const dynamo = await startLocalDynamo();
  const api = await startLocalAlexaApi({ timeZone: opts.timeZone ?? 'America/Los_Angeles' });
  const tableName = `care-test-${process.pid}-${++tableCounter}`;
  const store = await localDynamoStore(dynamo.endpoint, tableName);
  const baseConfig: SkillConfig = { ...readConfig({}), tableName, dynamoEndpoint: dynamo.endpoint, defaultTimeZone: 'America/New_York' };

  const skillWith: SkillHarness['skillWith'] = (options) => {
    const deps: SkillDeps = {
      store: options.store ?? store,
      protocol: options.protocol ?? testProtocol(),
      config: { ...baseConfig, ...options.config },
      log: options.log ?? opts.log ?? silentLogger,
      clock: () => new Date(),
    };
    const skill = createSkill(deps);
    return (event) => skill.invoke(event);
  };
  const invoke = skillWith({});

  return {
    api,
    store,
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    invoke,
    skillWith,
    async stop() {
      await api.stop();
      await dynamo.stop();
    },
  };
}

export { createLogger };
