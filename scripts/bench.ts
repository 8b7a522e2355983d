/**
 * `npm run bench` (after `npm run build`): cold start, warm latency and bundle size, from one run.
 *
 * (a) Cold start: a fresh `node` loads dist/index.js and answers one LaunchRequest for a returning
 *     user whose profile is read from dynalite on 127.0.0.1 (and whose zone comes from the local
 *     settings API). Runs alternate with `node -e ''` and with a hello-world ask-sdk skill bundled the
 *     same way; we report the median of per-pair ratios over BENCH_PAIRS pairs (default 25).
 * (b) Warm, in one process: p50/p99 per request for launch, today's plan and a "can I" question,
 *     with the store on loopback (dynalite + settings API over HTTP) and with an in-memory store.
 * (c) Bundle size, and its size zipped as Lambda receives it.
 * (d) The Alexa+ add-on's bundle, dist/mcp.js, beside it: a fresh `node` answers one tools/call ("can I
 *     wear makeup?") as a Lambda function URL event — the patient's token checked against the local
 *     authorization server's JWKS, the profile read from dynalite — alternating with `node -e ''`.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { readConfig } from '../lambda/config';
import type { IsoDate } from '../lambda/domain/calendar';
import { silentLogger } from '../lambda/log';
import { defaultProtocol } from '../lambda/protocol/load';
import { createSkill } from '../lambda/skill';
import { createMemoryStore } from '../lambda/store/memoryStore';
import type { ProfileStore } from '../lambda/store/types';
import { startLocalAlexaApi } from '../tools/localAlexaApi';
import { localDynamoStore, startLocalDynamo } from '../tools/localDynamo';
import { mcpPatientKey } from '../lambda/store/keys';
import { startLocalAuthServer } from '../tools/localAuthServer';
import { patientToken, type Discovery } from '../tools/mcpClient';

const root = join(__dirname, '..');
const { build } = require('./build.js') as { build: (o: { outfile?: string; entry?: string; variant?: string }) => Promise<string> };
const MCP_RESOURCE = 'https://bench.lambda-url.us-east-1.on.aws/mcp';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 25);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3000);
const TABLE = 'bench-care';
const USER = 'amzn1.ask.account.BENCH';
const TREATMENT = '2026-11-20' as IsoDate;

function envelope(request: Record<string, unknown>, apiEndpoint?: string): RequestEnvelope {
  const system: Record<string, unknown> = {
    application: { applicationId: 'amzn1.ask.skill.bench' },
    user: { userId: USER },
    apiAccessToken: 'bench-token',
  };
  if (apiEndpoint) {
    system.apiEndpoint = apiEndpoint;
    system.device = { deviceId: 'bench-device', supportedInterfaces: {} };
  }
  return {
    version: '1.0',
    session: { new: true, sessionId: 'bench', application: { applicationId: 'amzn1.ask.skill.bench' }, user: { userId: USER }, attributes: {} },
    context: { System: system },
    request: { requestId: 'bench', locale: 'en-US', timestamp: '2026-11-25T15:00:00Z', ...request },
  } as unknown as RequestEnvelope;
}

const launch = { type: 'LaunchRequest' };
const todayPlan = { type: 'IntentRequest', intent: { name: 'TodayPlanIntent', confirmationStatus: 'NONE', slots: {} } };
const canI = {
  type: 'IntentRequest',
  intent: { name: 'CanIIntent', confirmationStatus: 'NONE', slots: { activity: { name: 'activity', value: 'advil', confirmationStatus: 'NONE' } } },
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

/** Wall time of one child process, in ms; rejects when it does not answer properly. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

/** One child process, for what it prints. */
function runOnce(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

async function seed(store: ProfileStore): Promise<void> {
  await store.update({ userId: USER }, () => ({ treatmentDate: TREATMENT, history: [], timeZone: 'America/Los_Angeles' }));
}

/** A bundle's environment as Lambda gives it, with the store on the local endpoint. */
function lambdaEnv(dynamoEndpoint: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CARE_TABLE: TABLE,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // The Lambda runs Node 22+, where the SDK prints no "upgrade your Node" warning; don't time one here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

async function coldStart(dynamoEndpoint: string, apiEndpoint: string) {
  const dir = join(root, 'build/bench');
  mkdirSync(dir, { recursive: true });
  const hello = await build({ entry: join(root, 'bench/hello-skill.ts'), outfile: join(dir, 'hello.js') });
  const ours = join(root, 'dist/index.js');
  const child = join(root, 'bench/cold-child.js');
  const env = lambdaEnv(dynamoEndpoint, { BENCH_EVENT: JSON.stringify(envelope(launch, apiEndpoint)) });

  // Each must give its real answer: ours the returning patient's briefing, not an apology.
  const oursEnv = { ...env, BENCH_EXPECT: 'Day 6 of your recovery' };
  const helloEnv = { ...env, BENCH_EXPECT: 'Hello world' };
  // Warm the file cache and check both bundles answer before timing anything.
  await timeProcess([child, ours], oursEnv);
  await timeProcess([child, hello], helloEnv);
  const bare: number[] = [];
  const skill: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    bare.push(await timeProcess(['-e', ''], env));
    skill.push(await timeProcess([child, ours], oursEnv));
    bare.push(await timeProcess(['-e', ''], env));
    baseline.push(await timeProcess([child, hello], helloEnv));
  }
  const ratio = (xs: number[], offset: number) => median(xs.map((x, i) => x / (bare[2 * i + offset] as number)));
  const rssOut = await runOnce([child, ours], { ...oursEnv, BENCH_REPORT_RSS: '1' });
  return {
    peakRssMb: Number(/maxRSS (\d+)/.exec(rssOut)?.[1] ?? 0) / 1024,
    bareMs: median(bare),
    skillMs: median(skill),
    helloMs: median(baseline),
    skillRatio: ratio(skill, 0),
    helloRatio: ratio(baseline, 1),
  };
}

async function warm(store: ProfileStore, apiEndpoint: string | undefined) {
  const skill = createSkill({ store, protocol: defaultProtocol(), config: readConfig({}), log: silentLogger, clock: () => new Date() });
  const results: Record<string, { p50: number; p99: number }> = {};
  for (const [name, request] of Object.entries({ launch, todayPlan, canI })) {
    const event = envelope(request, apiEndpoint);
    const runs = apiEndpoint ? Math.min(WARM_RUNS, 1000) : WARM_RUNS;
    for (let i = 0; i < 200; i++) await skill.invoke(event);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await skill.invoke(event);
      times.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
    results[name] = { p50: percentile(times, 50), p99: percentile(times, 99) };
  }
  return results;
}

/** (d) The add-on's cold start for one tool call, with the same bare-node pairing as the skill's. */
async function mcpColdStart(dynamoEndpoint: string) {
  const auth = await startLocalAuthServer({ resources: [MCP_RESOURCE] });
  try {
    const authorizationServer = (await (await fetch(`${auth.issuer}/.well-known/oauth-authorization-server`)).json()) as Discovery['authorizationServer'];
    const discovery: Discovery = { resource: { resource: MCP_RESOURCE, authorization_servers: [auth.issuer], scopes_supported: ['aftercare'] }, authorizationServer };
    const token = await patientToken(discovery, auth.patient, 'bench-patient');
    const store = await localDynamoStore(dynamoEndpoint, TABLE);
    await store.update(mcpPatientKey(auth.issuer, 'bench-patient'), () => ({ treatmentDate: TREATMENT, history: [] }));
    const event = {
      version: '2.0',
      rawPath: '/mcp',
      rawQueryString: '',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      requestContext: { domainName: new URL(MCP_RESOURCE).host, http: { method: 'POST' } },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'can_i', arguments: { activity: 'makeup' } } }),
      isBase64Encoded: false,
    };
    const env = lambdaEnv(dynamoEndpoint, {
      // MCP_RESOURCE_URL unset, as behind a bare function URL: the resource is https://<its domain>/mcp.
      AUTH_ISSUER: auth.issuer,
      AUTH_JWKS_URI: `${auth.issuer}/jwks`,
      BENCH_EVENT: JSON.stringify(event),
      // The patient's own answer, not a refusal: treatment on November 20th, so makeup is long fine.
      BENCH_EXPECT: 'been fine since day 3',
    });
    const bundle = join(root, 'dist/mcp.js');
    const child = join(root, 'bench/cold-child.js');
    await timeProcess([child, bundle], env);
    const bare: number[] = [];
    const mcp: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      bare.push(await timeProcess(['-e', ''], env));
      mcp.push(await timeProcess([child, bundle], env));
    }
    const rssOut = await runOnce([child, bundle], { ...env, BENCH_REPORT_RSS: '1' });
    return {
      ms: median(mcp),
      ratio: median(mcp.map((x, i) => x / (bare[i] as number))),
      peakRssMb: Number(/maxRSS (\d+)/.exec(rssOut)?.[1] ?? 0) / 1024,
      bundleKb: statSync(bundle).size / 1024,
    };
  } finally {
    await auth.stop();
  }
}

function sizes() {
  const bundle = join(root, 'dist/index.js');
  const zipFile = join(root, 'build/bench/index.zip');
  execFileSync('rm', ['-f', zipFile]);
  execFileSync('zip', ['-q', '-9', '-j', zipFile, bundle]);
  return { bundleKb: statSync(bundle).size / 1024, zipKb: statSync(zipFile).size / 1024 };
}

async function main() {
  // The Lambda runs Node 22+, where the SDK prints no "upgrade your Node" warning; keep this output clean.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  readFileSync(join(root, 'dist/index.js')); // fail early without a build
  const dynamo = await startLocalDynamo();
  const api = await startLocalAlexaApi({ timeZone: 'America/Los_Angeles' });
  try {
    const dynamoStore = await localDynamoStore(dynamo.endpoint, TABLE);
    await seed(dynamoStore);
    const memoryStore = createMemoryStore();
    await seed(memoryStore);

    const cold = await coldStart(dynamo.endpoint, api.endpoint);
    const loopback = await warm(dynamoStore, api.endpoint);
    const inMemory = await warm(memoryStore, undefined);
    const size = sizes();
    const addon = await mcpColdStart(dynamo.endpoint);

    const f = (n: number, d = 1) => n.toFixed(d);
    console.log(`Cold start (median of ${PAIRS} alternating pairs, one LaunchRequest, profile read from dynalite):`);
    console.log(`  node -e ''               ${f(cold.bareMs)} ms`);
    console.log(`  this skill               ${f(cold.skillMs)} ms   ${f(cold.skillRatio, 2)}x bare   (target <= 2.00x)`);
    console.log(`  hello-world ask-sdk      ${f(cold.helloMs)} ms   ${f(cold.helloRatio, 2)}x bare   (baseline)`);
    console.log(`  peak memory of the cold start: ${f(cold.peakRssMb, 0)} MB RSS`);
    console.log(`  Alexa+ add-on (mcp.js)   ${f(addon.ms)} ms   ${f(addon.ratio, 2)}x bare   (one tools/call: token checked via JWKS, profile from dynalite; ${f(addon.peakRssMb, 0)} MB RSS, ${f(addon.bundleKb, 0)} KB)`);
    console.log('Warm, per request (µs):            p50      p99');
    for (const name of ['launch', 'todayPlan', 'canI']) {
      const l = loopback[name]!;
      const m = inMemory[name]!;
      console.log(`  ${name.padEnd(10)} loopback store  ${f(l.p50, 0).padStart(7)}  ${f(l.p99, 0).padStart(7)}`);
      console.log(`  ${name.padEnd(10)} in-memory store ${f(m.p50, 0).padStart(7)}  ${f(m.p99, 0).padStart(7)}   (target p99 < 200)`);
    }
    console.log(`Bundle: dist/index.js ${f(size.bundleKb, 0)} KB, zipped ${f(size.zipKb, 0)} KB (target < 300 KB)`);
  } finally {
    await api.stop();
    await dynamo.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
