/**
 * `npm run bench` (after `npm run build`): cold starts, warm latency and bundle sizes, from one run.
 *
 * (a) Cold starts, in one loop so both bundles meet the same machine: a fresh `node` loads a bundle and
 *     answers one request, each run paired with a bare `node -e` (nothing but a one-line CPU report) just before it; we report the median
 *     of per-pair ratios over BENCH_PAIRS rounds (default 25), and the median phases the child reports
 *     (bench/cold-child.js): process start, loading the bundle, the first request; with CPU and peak RSS.
 *     - the skill, dist/index.js: a returning patient's LaunchRequest, the profile read from dynalite on
 *       127.0.0.1 and the zone from the local settings API;
 *     - the Alexa+ add-on, dist/mcp.js: one tools/call ("can I wear makeup?") as a Lambda function URL
 *       event, the patient's token checked against the local authorization server's JWKS, the profile
 *       read from dynalite;
 *     - a hello-world ask-sdk skill bundled the same way, as the floor any skill starts from.
 * (b) Warm, in one process: p50/p99 per request for launch, today's plan and a "can I" question,
 *     with the store on loopback (dynalite + settings API over HTTP) and with an in-memory store.
 * (c) Bundle sizes, zipped as Lambda receives them, and the largest packages in each (esbuild's metafile).
 * BENCH_BASELINE=<dir> adds that directory's index.js and mcp.js (say, main's dist/) to the same loop.
 * Profiling one cold start: `node --cpu-prof bench/cold-child.js dist/mcp.js` with BENCH_EVENT set (see
 * docs/PERFORMANCE.md).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
import { startLocalAuthServer, type LocalAuthServer } from '../tools/localAuthServer';
import { patientToken, type Discovery } from '../tools/mcpClient';

const root = join(__dirname, '..');
const { build, bytesBySource } = require('./build.js') as {
  build: (o: { outfile?: string; entry?: string; variant?: string }) => Promise<string>;
  bytesBySource: (which: 'skill' | 'addon') => Promise<{ total: number; bytes: Record<string, number> }>;
};
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
    session: {
      new: true,
      sessionId: 'bench',
      application: { applicationId: 'amzn1.ask.skill.bench' },
      user: { userId: USER },
      attributes: {},
    },
    context: { System: system },
    request: { requestId: 'bench', locale: 'en-US', timestamp: '2026-11-25T15:00:00Z', ...request },
  } as unknown as RequestEnvelope;
}

const launch = { type: 'LaunchRequest' };
const todayPlan = { type: 'IntentRequest', intent: { name: 'TodayPlanIntent', confirmationStatus: 'NONE', slots: {} } };
const canI = {
  type: 'IntentRequest',
  intent: {
    name: 'CanIIntent',
    confirmationStatus: 'NONE',
    slots: { activity: { name: 'activity', value: 'advil', confirmationStatus: 'NONE' } },
  },
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

/** One cold start as the child reports it: ms since its process started, peak RSS. */
interface ChildReport {
  readonly phases: { readonly node: number; readonly load: number; readonly request: number };
  readonly cpuMs: number;
  readonly maxRssKb: number;
  /** True when the bundle compiled from its V8 code cache, false when its loader found none it could use. */
  readonly codeCache?: boolean;
}
interface Timed {
  readonly ms: number;
  readonly report?: ChildReport;
}

/** Wall time of one child process, in ms, with what it reported; rejects when it does not answer properly. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const line = out.split('\n').find((l) => l.startsWith('{"phases"'));
      if (code === 0) resolve({ ms, report: line ? (JSON.parse(line) as ChildReport) : undefined });
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

/**
 * The bare run: `node -e` with nothing to do but say what CPU time it used (microseconds of work next to
 * Node's own start), so each pair gives a CPU ratio beside the wall-time one.
 */
const BARE = `const r = process.resourceUsage(); process.stdout.write(JSON.stringify({ phases: {}, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }))`;

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
    BENCH_REPORT: '1',
    ...extra,
  };
}

/** A cold start to time: which bundle, in what environment. */
interface ColdSubject {
  readonly name: string;
  readonly bundle: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The skill's subject: a returning patient's LaunchRequest; it must answer with their briefing. */
function skillSubject(dynamoEndpoint: string, apiEndpoint: string): ColdSubject {
  const env = lambdaEnv(dynamoEndpoint, {
    BENCH_EVENT: JSON.stringify(envelope(launch, apiEndpoint)),
    BENCH_EXPECT: 'Day 6 of your recovery',
  });
  return { name: 'skill', bundle: join(root, 'dist/index.js'), env };
}

/**
 * The add-on's subject: one tools/call ("can I wear makeup?") as a Lambda function URL event, the patient's
 * token checked against the local authorization server's JWKS, the profile read from dynalite.
 */
async function addonSubject(dynamoEndpoint: string, auth: LocalAuthServer): Promise<ColdSubject> {
  const authorizationServer = (await (
    await fetch(`${auth.issuer}/.well-known/oauth-authorization-server`)
  ).json()) as Discovery['authorizationServer'];
  const discovery: Discovery = {
    resource: { resource: MCP_RESOURCE, authorization_servers: [auth.issuer], scopes_supported: ['aftercare'] },
    authorizationServer,
  };
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
  return { name: 'add-on', bundle: join(root, 'dist/mcp.js'), env };
}

/** The smallest ask-sdk skill, bundled exactly like ours: what any skill's cold start costs. */
async function helloSubject(env: NodeJS.ProcessEnv): Promise<ColdSubject> {
  const dir = join(root, 'build/bench');
  mkdirSync(dir, { recursive: true });
  const bundle = await build({ entry: join(root, 'bench/hello-skill.ts'), outfile: join(dir, 'hello.js') });
  return { name: 'hello', bundle, env: { ...env, BENCH_EXPECT: 'Hello world' } };
}

interface ColdResult {
  readonly ms: number;
  /** Median over the pairs of this run / the bare `node -e` run just before it. */
  readonly ratio: number;
  /** Medians: process start to our code, loading the bundle, the first request; the rest is spawn and exit. */
  readonly node: number;
  readonly load: number;
  readonly request: number;
  readonly rest: number;
  readonly cpuMs: number;
  /** Median of this run's CPU time / its bare run's: steadier than wall time when the machine is busy. */
  readonly cpuRatio: number;
  readonly peakRssMb: number;
  /** How many of the timed runs compiled from the V8 code cache (scripts/codeCache.js). */
  readonly codeCacheRuns: number;
}

/**
 * (a) and (d): every subject's cold start in one loop, each run right after its own bare `node -e`, so
 * the machine's load drifts alike for both halves of a pair and for every subject.
 */
async function coldStarts(subjects: ColdSubject[]) {
  const child = join(root, 'bench/cold-child.js');
  // Warm the file cache and check each bundle gives its real answer before timing anything.
  for (const s of subjects) await timeProcess([child, s.bundle], s.env);
  const bare: Timed[] = [];
  const runs = new Map<string, { bare: Timed; run: Timed }[]>(subjects.map((s) => [s.name, []]));
  for (let i = 0; i < PAIRS; i++) {
    for (const s of subjects) {
      const b = await timeProcess(['-e', BARE], s.env);
      bare.push(b);
      runs.get(s.name)!.push({ bare: b, run: await timeProcess([child, s.bundle], s.env) });
    }
  }
  const results: Record<string, ColdResult> = {};
  for (const [name, pairs] of runs) {
    const reports = pairs.map((p) => p.run.report!);
    const phase = (k: keyof ChildReport['phases']) => median(reports.map((r) => r.phases[k]));
    const cpu = (t: Timed) => t.report?.cpuMs ?? Number.NaN;
    results[name] = {
      ms: median(pairs.map((p) => p.run.ms)),
      ratio: median(pairs.map((p) => p.run.ms / p.bare.ms)),
      node: phase('node'),
      load: phase('load'),
      request: phase('request'),
      rest: median(pairs.map(({ run: { ms, report } }) => ms - report!.phases.node - report!.phases.load - report!.phases.request)),
      cpuMs: median(reports.map((r) => r.cpuMs)),
      cpuRatio: median(pairs.map((p) => cpu(p.run) / cpu(p.bare))),
      peakRssMb: Math.max(...reports.map((r) => r.maxRssKb)) / 1024,
      codeCacheRuns: reports.filter((r) => r.codeCache).length,
    };
  }
  return { bareMs: median(bare.map((b) => b.ms)), bareCpuMs: median(bare.map((b) => b.report?.cpuMs ?? Number.NaN)), results };
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

/** (c) A bundle's size, its V8 code cache's, and both zipped as Lambda receives them. */
function sizes(bundle: string) {
  const zipFile = join(root, 'build/bench', `${basename(bundle)}.zip`);
  const cache = readdirSync(dirname(bundle)).find((f) => f.startsWith(`${basename(bundle)}.`) && f.endsWith('.cache'));
  const cacheFile = cache ? join(dirname(bundle), cache) : undefined;
  const zipped = (files: string[]) => {
    execFileSync('rm', ['-f', zipFile]);
    execFileSync('zip', ['-q', '-9', '-j', zipFile, ...files]);
    return statSync(zipFile).size / 1024;
  };
  const zipKb = zipped([bundle]);
  const withCacheZipKb = cacheFile ? zipped([bundle, cacheFile]) : zipKb;
  return { kb: statSync(bundle).size / 1024, cacheKb: cacheFile ? statSync(cacheFile).size / 1024 : 0, zipKb, withCacheZipKb };
}

/** The biggest contributors to a bundle, "name KB", largest first. */
async function bytesByPackage(which: 'skill' | 'addon', top = 8): Promise<string> {
  const { bytes } = await bytesBySource(which);
  return Object.entries(bytes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, n]) => `${name} ${(n / 1024).toFixed(0)}`)
    .join(', ');
}

async function main() {
  // The Lambda runs Node 22+, where the SDK prints no "upgrade your Node" warning; keep this output clean.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  readFileSync(join(root, 'dist/index.js')); // fail early without a build
  readFileSync(join(root, 'dist/mcp.js'));
  const dynamo = await startLocalDynamo();
  const api = await startLocalAlexaApi({ timeZone: 'America/Los_Angeles' });
  const auth = await startLocalAuthServer({ resources: [MCP_RESOURCE] });
  try {
    const dynamoStore = await localDynamoStore(dynamo.endpoint, TABLE);
    await seed(dynamoStore);
    const memoryStore = createMemoryStore();
    await seed(memoryStore);

    const skill = skillSubject(dynamo.endpoint, api.endpoint);
    const addon = await addonSubject(dynamo.endpoint, auth);
    const subjects = [skill, addon, await helloSubject(skill.env)];
    // BENCH_BASELINE=<dir with index.js and mcp.js> (e.g. another branch's dist/): the same requests to
    // those bundles, in the same loop, so a change is measured against its before on one machine state.
    const baseline = process.env.BENCH_BASELINE;
    if (baseline)
      subjects.push(
        { ...skill, name: 'skill@baseline', bundle: join(baseline, 'index.js') },
        { ...addon, name: 'add-on@baseline', bundle: join(baseline, 'mcp.js') },
      );
    const cold = await coldStarts(subjects);
    const loopback = await warm(dynamoStore, api.endpoint);
    const inMemory = await warm(memoryStore, undefined);

    const f = (n: number, d = 1) => n.toFixed(d);
    const row = (label: string, r: ColdResult, target: string) =>
      `  ${label.padEnd(22)} ${f(r.ms).padStart(6)} ${`${f(r.ratio, 2)}x`.padStart(7)}  ${target.padEnd(10)}` +
      `${f(r.node).padStart(6)} ${f(r.load).padStart(6)} ${f(r.request).padStart(8)} ${f(r.rest).padStart(6)}` +
      `${f(r.cpuMs, 0).padStart(6)} ${`${f(r.cpuRatio, 2)}x`.padStart(6)} ${f(r.peakRssMb, 0).padStart(6)}`;
    const r = cold.results;
    const [s, a, h, sb, ab] = [r.skill!, r['add-on']!, r.hello!, r['skill@baseline'], r['add-on@baseline']];
    console.log(
      `Cold start: median of ${PAIRS} rounds; each run paired with a bare \`node -e\` just before it (x bare = median of run/bare).`,
    );
    console.log('  Phases are medians in ms: node = process start to the handler file, load = require of the bundle,');
    console.log('  request = the first answer (store, JWKS, settings API on 127.0.0.1), rest = spawn and exit.');
    console.log('                             ms   x bare  target      node   load  request   rest   CPU  x bare RSS MB');
    console.log(`  ${'bare node -e'.padEnd(22)} ${f(cold.bareMs).padStart(6)}${' '.repeat(52)}${f(cold.bareCpuMs, 0).padStart(6)}`);
    console.log(row('skill: LaunchRequest', s, '<= 1.80x'));
    console.log(row('add-on: tools/call', a, '<= 2.50x'));
    console.log(row('hello-world ask-sdk', h, 'floor'));
    if (sb && ab) {
      console.log(row('skill, BENCH_BASELINE', sb, 'before'));
      console.log(row('add-on, BENCH_BASELINE', ab, 'before'));
    }
    for (const [label, res] of [
      ['skill', s],
      ['add-on', a],
    ] as const)
      console.log(`  ${label}: ${res.codeCacheRuns} of ${PAIRS} timed runs compiled from the V8 code cache (scripts/codeCache.js)`);
    for (const [label, bundle, which] of [
      ['dist/index.js', skill.bundle, 'skill'],
      ['dist/mcp.js', addon.bundle, 'addon'],
    ] as const) {
      const size = sizes(bundle);
      console.log(
        `Bundle ${label}: ${f(size.kb, 0)} KB, zipped ${f(size.zipKb, 0)} KB (target < 300 KB); with its code cache (${f(size.cacheKb, 0)} KB) ` +
          `${f(size.withCacheZipKb, 0)} KB zipped; KB by package: ${await bytesByPackage(which)}`,
      );
    }
    console.log('Warm, per request (µs):            p50      p99');
    for (const name of ['launch', 'todayPlan', 'canI']) {
      const l = loopback[name]!;
      const m = inMemory[name]!;
      console.log(`  ${name.padEnd(10)} loopback store  ${f(l.p50, 0).padStart(7)}  ${f(l.p99, 0).padStart(7)}`);
      console.log(`  ${name.padEnd(10)} in-memory store ${f(m.p50, 0).padStart(7)}  ${f(m.p99, 0).padStart(7)}   (target p99 < 200)`);
    }
  } finally {
    await auth.stop();
    await api.stop();
    await dynamo.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
