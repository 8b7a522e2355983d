import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchRequest } from '../../tools/envelope';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/localAlexaApi';
import { localDynamoStore, startLocalDynamo, type LocalDynamo } from '../../tools/localDynamo';
import { responseProblems } from '../support/ssml';
const { build } = require('../../scripts/build.js');

/** The build contract (SPEC.md): one CommonJS file exporting handler(event, context) that answers Alexa. */
let dynamo: LocalDynamo;
let api: LocalAlexaApi;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startLocalAlexaApi({ timeZone: 'America/Chicago' });
});
afterAll(async () => {
  await api.stop();
  await dynamo.stop();
});

/** Runs the bundle in a fresh Node process, as Lambda would: only its environment and the event. */
function invokeBundle(bundle: string, env: Record<string, string>, event: unknown): Promise<any> {
  const script = `require(${JSON.stringify(bundle)}).handler(JSON.parse(process.env.EVENT), {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script],
      { env: { ...env, EVENT: JSON.stringify(event), PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else
          resolve(
            JSON.parse(
              stdout
                .split('\n')
                .filter((l) => l.startsWith('{"version"'))
                .pop() ?? stdout,
            ),
          );
      },
    );
  });
}

test('the bundle answers a LaunchRequest for a new and for a returning patient, with nothing but its environment', async () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'index.js');
  await build({ outfile });
  const table = 'bundle-test';
  const store = await localDynamoStore(dynamo.endpoint, table);
  await store.update({ userId: 'amzn1.ask.account.RETURNING' }, () => ({ treatmentDate: '2026-11-20' as never, history: [] }));
  const env = {
    CARE_TABLE: table,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const at = { apiEndpoint: api.endpoint, timestamp: '2026-11-25T16:00:00Z' };

  const fresh = await invokeBundle(outfile, env, launchRequest({ ...at, userId: 'amzn1.ask.account.FIRST' }));
  expect(responseProblems(fresh)).toEqual([]);
  expect(fresh.response.outputSpeech.ssml).toContain('When was your treatment?');

  const returning = await invokeBundle(outfile, env, launchRequest({ ...at, userId: 'amzn1.ask.account.RETURNING' }));
  expect(responseProblems(returning)).toEqual([]);
  expect(returning.response.outputSpeech.ssml).toContain('Day 6 of your recovery');
}, 30_000);
