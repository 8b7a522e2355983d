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
 * A fresh Node loads `outfile`, answers `event` once (its store and services on a closed local port, so the
 * SDKs' first-call code runs and fails fast, answered with the bundle's own apology) and writes the cache.
 */
function produce(outfile, source, event) {
  const dir = path.dirname(outfile);
  const base = path.basename(outfile);
  for (const f of readdirSync(dir)) if (f.startsWith(`${base}.`) && f.endsWith('.cache')) rmSync(path.join(dir, f));
  const closed = 'http://127.0.0.1:9';
  const script = `
    const { writeFileSync } = require('node:fs');
    const { handler } = require(${JSON.stringify(outfile)});
    const done = () => writeFileSync(${JSON.stringify(path.join(dir, cacheName(outfile, source)))}, globalThis[Symbol.for(${JSON.stringify(KEY)})].script.createCachedData());
    const finish = () => { done(); process.exit(0); };
    const answer = handler(JSON.parse(process.env.TRAINING_EVENT), {}, finish);
    if (answer && answer.then) answer.then(finish, finish);`;
  execFileSync(process.execPath, ['-e', script], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 20_000,
    env: {
      PATH: process.env.PATH ?? '',
      TRAINING_EVENT: JSON.stringify(event(closed)),
      CARE_TABLE: 'training',
      DYNAMODB_ENDPOINT: closed,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'training',
      AWS_SECRET_ACCESS_KEY: 'training',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AUTH_ISSUER: closed,
      AUTH_JWKS_URI: `${closed}/jwks`,
    },
  });
}

/** The skill's training request: a returning patient's LaunchRequest (store and settings API unreachable). */
const skillEvent = (endpoint) => ({
  version: '1.0',
  session: { new: true, sessionId: 'training', application: { applicationId: 'training' }, user: { userId: 'training' }, attributes: {} },
  context: { System: { application: { applicationId: 'training' }, user: { userId: 'training' }, apiAccessToken: 'training', apiEndpoint: endpoint, device: { deviceId: 'training', supportedInterfaces: {} } } },
  request: { type: 'LaunchRequest', requestId: 'training', locale: 'en-US', timestamp: new Date().toISOString() },
});

/** The add-on's: one tools/call as a function URL event, its token checked against an unreachable JWKS. */
const addonEvent = () => ({
  version: '2.0',
  rawPath: '/mcp',
  rawQueryString: '',
  headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6InRyYWluaW5nIn0.eyJzdWIiOiJ0cmFpbmluZyJ9.AA', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  requestContext: { domainName: 'training.lambda-url.us-east-1.on.aws', http: { method: 'POST' } },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'can_i', arguments: { activity: 'makeup' } } }),
  isBase64Encoded: false,
});

module.exports = { wrap, produce, cacheName, skillEvent, addonEvent, KEY };
