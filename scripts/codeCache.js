// V8 code cache for the Lambda bundles (docs/PERFORMANCE.md): compiling ~500-700 KB of JavaScript is a
// large part of each cold start, and V8 can start from bytecode it serialised earlier instead.
// `wrap` turns esbuild's bundle into the file Lambda loads: still one CommonJS file exporting the same
// handler, the bundle held in it as a string and compiled through vm.Script (Node's own API) with the
// cache file beside it when there is one. `produce` makes that file once at build time, in a fresh Node,
// after one training request, so the bytecode of what the first request runs is in it too.
// The cache's name carries a hash of the bundle, so a stale cache is never read; V8 itself rejects a cache
// from another V8 version or flags (say, a build on Node 20 and the nodejs24.x runtime): the file then
// compiles as usual, so build with the runtime's Node major to get the gain on Lambda.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { readdirSync, rmSync } = require('node:fs');
const path = require('node:path');

/** Where the global handle to the compiled script lives, for `produce` and the tests. */
const KEY = 'aftercare.codeCache';

/** The cache file's name for a bundle written at `outfile` with this source. */
function cacheName(outfile, source) {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return `${path.basename(outfile)}.${hash}.cache`;
}

/** The file Lambda loads: a few lines of loader and the bundle's source as a string. */
function wrap(outfile, source) {
  return `'use strict';
// Built by scripts/build.js (see scripts/codeCache.js): the bundle below is compiled from V8's code cache
// when ${cacheName(outfile, source)} is beside this file and was made by this Node, else as usual.
const { readFileSync } = require('node:fs');
const { Script } = require('node:vm');
const source = ${JSON.stringify(source)};
let cachedData;
try { cachedData = readFileSync(require('node:path').join(__dirname, ${JSON.stringify(cacheName(outfile, source))})); } catch {}
const script = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: __filename, cachedData });
globalThis[Symbol.for(${JSON.stringify(KEY)})] = { script, used: cachedData !== undefined && !script.cachedDataRejected };
script.runInThisContext().call(module.exports, module.exports, require, module, __filename, __dirname);
`;
}

/**
 * A fresh Node loads `outfile`, answers one training request and writes the cache. What the request
 * reaches is a stand-in served on 127.0.0.1 in that Node for this run only (build tooling, never shipped):
 * DynamoDB (a returning patient's item), the settings API (a zone) and a JWKS with a key made for the run,
 * so the SDKs' first call, the token check and the answer run as in a real request.
 */
function produce(outfile, source, training) {
  const dir = path.dirname(outfile);
  const base = path.basename(outfile);
  for (const f of readdirSync(dir)) if (f.startsWith(`${base}.`) && f.endsWith('.cache')) rmSync(path.join(dir, f));
  const script = `
    const { writeFileSync } = require('node:fs');
    (async () => {
      ${STAND_IN}
      ${training.prepare ?? ''}
      const { handler } = require(${JSON.stringify(outfile)});
      const done = () => writeFileSync(${JSON.stringify(path.join(dir, cacheName(outfile, source)))}, globalThis[Symbol.for(${JSON.stringify(KEY)})].script.createCachedData());
      const finish = (e, r) => { if (process.env.SHOW) process.stderr.write(JSON.stringify(r ?? e) + '\\n'); done(); process.exit(0); };
      const answer = handler(event, {}, finish);
      if (answer && answer.then) answer.then((r) => finish(null, r), finish);
    })();`;
  execFileSync(process.execPath, ['-e', script], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 20_000,
    env: {
      PATH: process.env.PATH ?? '',
      TRAINING_EVENT: JSON.stringify(training.event),
      CARE_TABLE: 'training',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'training',
      AWS_SECRET_ACCESS_KEY: 'training',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // CODE_CACHE_SHOW=1 prints the training answer (it should be the patient's, not an apology).
      SHOW: process.env.CODE_CACHE_SHOW ?? '',
    },
  });
}

/** The training Node's stand-in server (see produce); it leaves `event`, `key`, `endpoint` in scope. */
const STAND_IN = `
  const crypto = require('node:crypto');
  const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: 'training', alg: 'RS256', use: 'sig' };
  const item = { id: { S: 'training' }, schemaVersion: { N: '1' }, version: { N: '1' }, treatmentDate: { S: '2025-12-28' }, history: { L: [] } };
  const server = require('node:http').createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target.endsWith('.GetItem')) res.setHeader('content-type', 'application/x-amz-json-1.0');
      res.end(req.url.endsWith('/jwks') ? JSON.stringify({ keys: [jwk] }) : req.url.startsWith('/v2/') ? '"America/Los_Angeles"' : target.endsWith('.GetItem') ? JSON.stringify({ Item: item }) : '{}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  const endpoint = 'http://127.0.0.1:' + server.address().port;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  const event = JSON.parse(process.env.TRAINING_EVENT);`;

/** The skill's training request: a returning patient's LaunchRequest (day 5). */
const skillTraining = {
  event: {
    version: '1.0',
    session: { new: true, sessionId: 'training', application: { applicationId: 'training' }, user: { userId: 'training' }, attributes: {} },
    context: {
      System: {
        application: { applicationId: 'training' },
        user: { userId: 'training' },
        apiAccessToken: 'training',
        device: { deviceId: 'training', supportedInterfaces: {} },
      },
    },
    request: { type: 'LaunchRequest', requestId: 'training', locale: 'en-US', timestamp: '2026-01-01T20:00:00Z' },
  },
  prepare: 'event.context.System.apiEndpoint = endpoint;',
};

const RESOURCE = 'https://training.lambda-url.us-east-1.on.aws/mcp';
/** The add-on's: one tools/call as a function URL event with a patient's token signed by the run's key. */
const addonTraining = {
  event: {
    version: '2.0',
    rawPath: '/mcp',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    requestContext: { domainName: new URL(RESOURCE).host, http: { method: 'POST' } },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'can_i', arguments: { activity: 'makeup' } } }),
    isBase64Encoded: false,
  },
  prepare: `
    process.env.AUTH_ISSUER = endpoint;
    process.env.AUTH_JWKS_URI = endpoint + '/jwks';
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: endpoint, aud: ${JSON.stringify(RESOURCE)}, sub: 'training', client_id: 'training-client', scope: 'aftercare', iat: now, exp: now + 300 };
    const unsigned = b64({ alg: 'RS256', kid: 'training', typ: 'JWT' }) + '.' + b64(claims);
    event.headers.authorization = 'Bearer ' + unsigned + '.' + crypto.sign('sha256', Buffer.from(unsigned), key.privateKey).toString('base64url');`,
};

module.exports = { wrap, produce, cacheName, skillTraining, addonTraining, KEY };
