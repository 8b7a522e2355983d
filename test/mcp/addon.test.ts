/**
 * The Alexa+ add-on end to end, as Alexa+ meets it: the MCP SDK's own Client over Streamable HTTP against
 * what `npm run mcp` starts on 127.0.0.1 — the MCP server, the real authorization server (oidc-provider,
 * in a child process since it is an ES module jest cannot load) and dynalite. Tokens are the
 * authorization server's own; the patient signs in through its login and consent pages over HTTP.
 * "Today" is pinned (the server's clock), token expiry is real time.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mcpPatientKey, personItemId } from '../../lambda/store/keys';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createDocumentClient } from '../../lambda/store/dynamoStore';
import { createLogger } from '../../lambda/log';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { createTokenVerifier } from '../../lambda/mcp/auth';
import { defaultProtocol } from '../../lambda/protocol/load';
import { testProtocol } from '../support/testProtocol';
import { startLocalMcp, startMcpHttp, type LocalMcp } from '../../tools/localMcp';
import { connect, discover, patientToken, serviceToken, type Discovery } from '../../tools/mcpClient';

const TODAY = new Date('2026-11-25T15:00:00Z'); // a Wednesday; day numbers below count from it
const OTHER_RESOURCE = 'http://127.0.0.1:9/another-resource-server';

let local: LocalMcp;
let d: Discovery;
const clients: Client[] = [];
const logLines: string[] = [];
const tokensSeen: string[] = [];

beforeAll(async () => {
  local = await startLocalMcp({
    otherResources: [OTHER_RESOURCE],
    deps: { protocol: testProtocol(), clock: () => TODAY, log: createLogger((line) => logLines.push(line)) },
  });
  d = await discover(local.mcp.url);
}, 30_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await local?.stop();
});

async function as(token: string): Promise<Client> {
  tokensSeen.push(token);
  const c = await connect(local.mcp.url, token);
  clients.push(c);
  return c;
}

interface ToolOutput {
  text: string;
  facts: Record<string, unknown>;
  isError: boolean;
}

const call_ = (client: Client, name: string, args: Record<string, unknown> = {}) => call(client, name, args);

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolOutput> {
  const r = (await client.callTool({ name, arguments: args })) as {
    content: { type: string; text: string }[];
    structuredContent: Record<string, unknown>;
    isError?: boolean;
  };
  return { text: r.content[0]!.text, facts: r.structuredContent, isError: r.isError === true };
}

const postInitialize = (token?: string, url = local.mcp.url, protocolVersion = '2025-11-25') =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '1' } },
    }),
  });

const PATIENT_TOOLS = [
  'get_today_plan',
  'get_day_plan',
  'can_i',
  'when_can_i',
  'get_next_session',
  'set_treatment_date',
  'start_new_treatment',
  'forget_me',
  'symptom_help',
];

describe('discovery, as the Alexa+ MCP Toolkit asks', () => {
  test('an unauthenticated request is answered 401 without a WWW-Authenticate challenge', async () => {
    const res = await postInitialize();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    await expect(connect(local.mcp.url, undefined)).rejects.toThrow();
  });

  test('Protected Resource Metadata (RFC 9728) names this resource and its authorization server, at both well-known forms', async () => {
    expect(d.resource).toMatchObject({
      resource: local.mcp.url,
      authorization_servers: [local.auth.issuer],
      bearer_methods_supported: ['header'],
    });
    const root = await (await fetch(new URL('/.well-known/oauth-protected-resource', local.mcp.url))).json();
    expect(root).toEqual(d.resource);
  });

  test('the authorization server metadata offers the grants the Toolkit uses, the aftercare scope and PKCE S256 only', () => {
    expect(d.authorizationServer.issuer).toBe(local.auth.issuer);
    // Client credentials (the service tier, required by the Toolkit), the code flow and its refresh; never implicit.
    expect([...(d.authorizationServer.grant_types_supported ?? [])].sort()).toEqual([
      'authorization_code',
      'client_credentials',
      'refresh_token',
    ]);
    expect(d.authorizationServer.response_types_supported).toEqual(['code']);
    expect(d.authorizationServer.scopes_supported).toContain('aftercare');
    expect(d.authorizationServer.code_challenge_methods_supported).toEqual(['S256']);
  });
});

describe('the service tier (client_credentials)', () => {
  test('lists every tool, each with a description and an input schema', async () => {
    const service = await as(await serviceToken(d, local.auth.service));
    const { tools } = await service.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...PATIENT_TOOLS].sort());
    for (const t of tools) {
      expect(t.description!.length).toBeGreaterThan(60);
      expect(t.inputSchema.type).toBe('object');
      // The facts a host can rely on, declared: the SDK's Client checks every result against them.
      expect(Object.keys(t.outputSchema?.properties ?? {})).toEqual(expect.arrayContaining(['say', 'disclaimer', 'error']));
      // Exactly the fields the tool returns: nothing undeclared may ride along.
      expect(t.outputSchema).toMatchObject({ additionalProperties: false });
    }
    const canI = tools.find((t) => t.name === 'can_i')!;
    expect(canI.inputSchema.required).toEqual(['activity']);
    // The activities come from the protocol, named as patients say them, never by id.
    for (const name of ['can_i', 'when_can_i']) {
      const description = tools.find((t) => t.name === name)!.description!;
      for (const a of testProtocol().activities) expect(description).toContain(a.shortName);
      expect(JSON.stringify(tools)).not.toMatch(/antiInflammatories|gentleCare/);
    }
  });

  test("initialize is accepted with protocol version 2025-03-26 (Amazon's lifecycle sample) as well as 2025-11-25", async () => {
    const token = await serviceToken(d, local.auth.service);
    for (const version of ['2025-03-26', '2025-11-25']) {
      const res = await postInitialize(token, local.mcp.url, version);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result?: { protocolVersion: string; capabilities: Record<string, unknown> } };
      expect(body.result).toMatchObject({ protocolVersion: version, capabilities: { tools: {} } });
    }
    // A 2025-03-26 client sends no MCP-Protocol-Version header afterwards: its calls are answered all the same.
    const listed = await fetch(local.mcp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }),
    });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(PATIENT_TOOLS.length);
  });

  test('never reads or writes a patient: the patient tools refuse it', async () => {
    const service = await as(await serviceToken(d, local.auth.service));
    const read = await call(service, 'can_i', { activity: 'makeup' });
    expect(read.isError).toBe(true);
    expect(read.facts.error).toBe('user_authorization_required');
    expect(read.text).toMatch(/link your account/);
    const write = await call(service, 'set_treatment_date', { date: '2026-11-24' });
    expect(write.isError).toBe(true);
    expect(await storedItems()).toHaveLength(0);
  });

  test('even with the patient scope, a service token is no patient: its subject is its own client', async () => {
    const token = await serviceToken(d, local.auth.service, { scope: 'aftercare' });
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({
      scope: 'aftercare',
      sub: local.auth.service.clientId,
    });
    const service = await as(token);
    expect((await call(service, 'forget_me', { confirmed: true })).facts.error).toBe('user_authorization_required');
    expect((await call(service, 'set_treatment_date', { date: '2026-11-24' })).facts.error).toBe('user_authorization_required');
    expect(await storedItems()).toHaveLength(0);
  });
});

describe('a patient (authorization code + PKCE)', () => {
  let alice: Client;
  beforeAll(async () => {
    alice = await as(await patientToken(d, local.auth.patient, 'alice'));
  });

  test('before a date: asked for it', async () => {
    const r = await call(alice, 'get_today_plan');
    expect(r.facts.needs).toBe('treatment_date');
    expect(r.text).toMatch(/When was your treatment/);
  });

  test('an ambiguous date is asked back and nothing is stored until it is definite', async () => {
    // "Friday", said alone: last Friday, to be confirmed.
    const friday = await call(alice, 'set_treatment_date', { weekday: 'friday' });
    expect(friday.facts).toMatchObject({ saved: false, needs: 'confirmation', candidate: '2026-11-20', candidateTodayDay: 6 });
    expect(friday.text).toMatch(/^Friday, November 20th\. That makes today day 6\. Is that right\?/);
    // "No": the next day the same words could mean, never the same day twice.
    const notThat = await call(alice, 'set_treatment_date', { weekday: 'friday', rejected: ['2026-11-20'] });
    expect(notThat.facts).toMatchObject({ saved: false, needs: 'confirmation', candidate: '2026-11-13' });
    expect(notThat.text).toMatch(/^Then was it Friday, November 13th\?/);
    const week = await call(alice, 'set_treatment_date', { date: '2026-W47' });
    expect(week.facts).toMatchObject({ saved: false, needs: 'exact_day' });
    expect((await call(alice, 'get_today_plan')).facts.needs).toBe('treatment_date');
    expect(await storedItems()).toHaveLength(0);
  });

  test('"yesterday" is saved at once; "can I wear makeup" on day 2 and day 3 with the right dates', async () => {
    const saved = await call(alice, 'set_treatment_date', { date: '2026-11-24' });
    expect(saved.facts).toMatchObject({ saved: true, treatmentDate: '2026-11-24', todayDay: 2 });
    expect(saved.text).toMatch(/^Got it: Tuesday, November 24th\. That makes today day 2\./);

    const day2 = await call(alice, 'can_i', { activity: 'makeup' });
    expect(day2.facts).toMatchObject({
      day: 2,
      date: '2026-11-25',
      allowed: false,
      allowedFromDay: 3,
      allowedFromDate: '2026-11-26',
      source: { article: expect.stringContaining('48 hours') },
    });
    expect(day2.text).toMatch(/^Not yet: no makeup until tomorrow, day 3\b/);
    expect(day2.text).toContain('not medical advice');

    const day3 = await call(alice, 'can_i', { activity: 'foundation', day: 3 });
    expect(day3.facts).toMatchObject({ day: 3, date: '2026-11-26', allowed: true, allowedFromDate: '2026-11-26' });
    expect(day3.text).toMatch(
      /^Tomorrow is day 3\. Yes: from that day, once 48 hours have passed since your appointment, makeup is fine again\./,
    );
  });

  test('stateless: no stream to open (GET) and no session to end (DELETE)', async () => {
    const token = await patientToken(d, local.auth.patient, 'alice');
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(local.mcp.url, { method, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  test('bad input gets a clear answer, never a crash', async () => {
    const wrongType = await call(alice, 'can_i', { activity: 'makeup', day: 'soon' });
    expect(wrongType.isError).toBe(true);
    const notADate = await call(alice, 'set_treatment_date', { date: 'last Tuesday-ish' });
    expect(notADate.facts).toMatchObject({ saved: false, needs: 'exact_day' });
    const token = await patientToken(d, local.auth.patient, 'alice');
    const garbage = await fetch(local.mcp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
      body: '{"jsonrpc": "2.0", "id": 1, "method": ',
    });
    expect(garbage.status).toBe(400);
    expect((await call(alice, 'get_today_plan')).facts.day).toBe(2);
  });

  test('today, another day, "when can I", the next session and the symptom path', async () => {
    const today = await call(alice, 'get_today_plan');
    expect(today.facts).toMatchObject({ day: 2, date: '2026-11-25', treatmentDate: '2026-11-24' });
    expect(today.text).toMatch(/^Day 2\. /);
    const day9 = await call(alice, 'get_day_plan', { day: 9 });
    expect(day9.facts).toMatchObject({ day: 9, date: '2026-12-02' });
    const when = await call(alice, 'when_can_i', { activity: 'Advil' });
    expect(when.facts).toMatchObject({ activity: 'anti-inflammatories', allowed: false, allowedFromDay: 8, allowedFromDate: '2026-12-01' });
    const next = await call(alice, 'get_next_session');
    expect(next.facts).toMatchObject({ bookableFromDay: 29, bookableFromDate: '2026-12-22', bookableNow: false });
    const dry = await call(alice, 'symptom_help', { symptom: 'my skin feels dry' });
    expect(dry.facts).toMatchObject({ assessed: false, day: 2, normalForThisDay: 'dryness' });
    const swollen = await call(alice, 'symptom_help', { symptom: 'my face is swollen' });
    expect(swollen.facts).toMatchObject({ assessed: false, callClinic: true, emergencyLine: '911' });
    expect(swollen.text).toMatch(/^I can't check symptoms/);
    const unknown = await call(alice, 'can_i', { activity: 'skydiving' });
    expect(unknown.text).toMatch(/^Your clinic's aftercare doesn't cover that; please ask your clinic./);
  });
});

describe('tokens that must be refused', () => {
  test('a token for another resource (wrong audience)', async () => {
    const token = await patientToken(d, local.auth.patient, 'alice', { resource: OTHER_RESOURCE });
    expect((await postInitialize(token)).status).toBe(401);
  });

  test('an expired token', async () => {
    const token = await patientToken(d, local.auth.patient, 'alice');
    // The same server two hours later: the authorization server's token lives one hour.
    const later = await startMcpHttp();
    const config = { ...local.deps.config, resourceUrl: later.url, audience: local.mcp.url };
    later.serve({ ...local.deps, config, verifyToken: createTokenVerifier(config, { now: () => new Date(Date.now() + 2 * 3600_000) }) });
    try {
      expect((await postInitialize(token, later.url)).status).toBe(401);
      expect((await postInitialize(await serviceToken(d, local.auth.service), later.url)).status).toBe(401);
    } finally {
      await later.stop();
    }
  });

  test('a token with the right claims but not signed by the authorization server', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scope: 'aftercare', client_id: local.auth.patient.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
      .setIssuer(local.auth.issuer)
      .setAudience(local.mcp.url)
      .setSubject('alice')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await postInitialize(forged)).status).toBe(401);
  });

  test("another subject's token never reaches alice's data, even naming her", async () => {
    const mallory = await as(await patientToken(d, local.auth.patient, 'mallory'));
    const r = await call(mallory, 'get_today_plan', { patient: 'alice', sub: 'alice' });
    expect(r.facts.needs).toBe('treatment_date');
  });
});

describe('two patients, and forgetting', () => {
  test('two patients never see each other; "forget me" leaves nothing behind', async () => {
    const alice = await as(await patientToken(d, local.auth.patient, 'alice'));
    const bob = await as(await patientToken(d, local.auth.patient, 'bob'));
    // Bob confirms the guessed reading of "Friday".
    expect((await call(bob, 'set_treatment_date', { weekday: 'friday' })).facts.needs).toBe('confirmation');
    expect((await call(bob, 'set_treatment_date', { date: '2026-11-20', confirmed: true })).facts).toMatchObject({
      saved: true,
      todayDay: 6,
    });
    expect((await call(bob, 'get_today_plan')).facts).toMatchObject({ day: 6, treatmentDate: '2026-11-20' });
    expect((await call(alice, 'get_today_plan')).facts).toMatchObject({ day: 2, treatmentDate: '2026-11-24' });
    expect(await storedItems()).toHaveLength(2);

    const asked = await call(bob, 'forget_me');
    expect(asked.facts).toMatchObject({ deleted: false, needs: 'confirmation' });
    expect((await call(bob, 'get_today_plan')).facts.day).toBe(6);
    expect((await call(bob, 'forget_me', { confirmed: true })).facts.deleted).toBe(true);
    expect((await call(bob, 'get_today_plan')).facts.needs).toBe('treatment_date');
    expect((await call(alice, 'get_today_plan')).facts.day).toBe(2);

    // A new treatment must follow the current one; the earlier date is kept, and so is forgotten.
    expect((await call(alice, 'start_new_treatment', { date: '2026-11-23' })).facts.needs).toBe('date_after_current');
    const again = await call(alice, 'start_new_treatment', { date: '2026-11-25' });
    expect(again.facts).toMatchObject({ saved: true, treatmentDate: '2026-11-25', todayDay: 1, earlierTreatments: ['2026-11-24'] });

    expect((await call(alice, 'forget_me', { confirmed: true })).facts.deleted).toBe(true);
    expect(await storedItems()).toEqual([]);
  });
});

describe('the Lambda bundle, dist/mcp.js', () => {
  const { buildMcp } = require('../../scripts/build.js') as { buildMcp: (o: { outfile: string }) => Promise<string> };

  /** A fresh Node process, as Lambda runs it: only the environment and one function URL event. */
  function invoke(bundle: string, event: unknown): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
    const env = {
      PATH: process.env.PATH ?? '',
      CARE_TABLE: local.deps.config.tableName,
      DYNAMODB_ENDPOINT: local.dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      MCP_RESOURCE_URL: local.mcp.url,
      AUTH_ISSUER: local.auth.issuer,
      AUTH_JWKS_URI: `${local.auth.issuer}/jwks`,
      EVENT: JSON.stringify(event),
    };
    const script = 'require(process.argv[1]).handler(JSON.parse(process.env.EVENT)).then((r) => process.stdout.write(JSON.stringify(r)))';
    return new Promise((resolve, reject) => {
      execFile(process.execPath, ['-e', script, bundle], { env }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop()!)),
      );
    });
  }
  const urlEvent = (method: string, rawPath: string, headers: Record<string, string>, body?: unknown) => ({
    version: '2.0',
    rawPath,
    rawQueryString: '',
    headers,
    requestContext: { domainName: new URL(local.mcp.url).host, http: { method } },
    ...(body !== undefined && { body: Buffer.from(JSON.stringify(body)).toString('base64'), isBase64Encoded: true }),
  });

  test("answers discovery, refuses without a token, and answers a patient's tool call from a function URL event", async () => {
    const bundle = await buildMcp({ outfile: join(mkdtempSync(join(tmpdir(), 'mcp-bundle-')), 'mcp.js') });
    const prm = await invoke(bundle, urlEvent('GET', '/.well-known/oauth-protected-resource/mcp', {}));
    expect(JSON.parse(prm.body)).toMatchObject({ authorization_servers: [local.auth.issuer] });
    const call = { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'can_i', arguments: { activity: 'makeup' } } };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const refused = await invoke(bundle, urlEvent('POST', '/mcp', headers, call));
    expect(refused.statusCode).toBe(401);
    expect(Object.keys(refused.headers)).not.toContain('www-authenticate');

    const token = await patientToken(d, local.auth.patient, 'bundle-patient');
    const patient = await as(token);
    await call_(patient, 'set_treatment_date', { date: '2026-11-20' });
    const answered = await invoke(bundle, urlEvent('POST', '/mcp', { ...headers, authorization: `Bearer ${token}` }, call));
    expect(answered.statusCode).toBe(200);
    // The real clock here (the bundle's own), so only what holds on any later day. The bundle carries the
    // clinic's own protocol file (not the test one), so the first free day is read from that file.
    const makeup = defaultProtocol().activities.find((x) => x.id === 'makeup')!;
    const allowedFromDate = addDays('2026-11-20' as IsoDate, makeup.avoidThroughDay);
    expect(JSON.parse(answered.body).result.structuredContent).toMatchObject({ activity: 'makeup', allowed: true, allowedFromDate });
    await call_(patient, 'forget_me', { confirmed: true });
  }, 30_000);

  test("the skill's bundle loads none of it", async () => {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const out = await esbuild.build({
      entryPoints: [join(__dirname, '../../lambda/index.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.filter((f) => /lambda\/mcp\/|@modelcontextprotocol|node_modules\/(zod|jose)\//.test(f))).toEqual([]);
  });
});

describe('a record that cannot be read', () => {
  test('is never taken for "no data", and "forget me" still deletes it', async () => {
    const carol = await as(await patientToken(d, local.auth.patient, 'carol'));
    const id = personItemId(mcpPatientKey(local.auth.issuer, 'carol'));
    await withDoc((doc) =>
      doc.send(new PutCommand({ TableName: local.deps.config.tableName, Item: { id, schemaVersion: 99, version: 1, history: [] } })),
    );
    const read = await call(carol, 'get_today_plan');
    expect(read).toMatchObject({ isError: true, facts: { error: 'store_unavailable' } });
    expect((await call(carol, 'set_treatment_date', { date: '2026-11-24' })).facts.error).toBe('store_unavailable');
    expect((await call(carol, 'forget_me', { confirmed: true })).facts.deleted).toBe(true);
    expect(await storedItems()).toEqual([]);
  });
});

describe('privacy', () => {
  test('the logs name no patient, token, date or answer', () => {
    expect(logLines.length).toBeGreaterThan(5);
    const all = logLines.join('\n');
    for (const name of ['alice', 'bob', 'mallory', 'bundle-patient']) expect(all).not.toContain(name);
    for (const token of tokensSeen) expect(all).not.toContain(token.slice(-20));
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}|makeup|Bearer|eyJ/);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
  });
});

/** Every item in the add-on's table, whatever its key. */
async function storedItems(): Promise<Record<string, unknown>[]> {
  return withDoc(async (doc) => (await doc.send(new ScanCommand({ TableName: local.deps.config.tableName }))).Items ?? []);
}

async function withDoc<T>(run: (doc: ReturnType<typeof createDocumentClient>) => Promise<T>): Promise<T> {
  const doc = createDocumentClient({
    endpoint: local.dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    return await run(doc);
  } finally {
    doc.destroy();
  }
}
