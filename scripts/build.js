#!/usr/bin/env node
// `npm run build`: the skill's CommonJS bundle, dist/index.js, exporting handler(event, context) (SPEC.md
// contract), and beside it the Alexa+ add-on's, dist/mcp.js (lambda/mcp/index.ts): two bundles, so the
// MCP SDK, zod and jose never load in the skill's cold start, nor ask-sdk in the add-on's.
// The AWS SDK is bundled rather than taken from the Lambda runtime, so the version is pinned and
// tree-shaken. Minification choices are measured by `npm run bench` (see docs/PERFORMANCE.md).
// Each bundle is written behind a V8 code-cache loader with its cache beside it (scripts/codeCache.js).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const codeCache = require('./codeCache.js');

const root = path.join(__dirname, '..');
const standIn = (file) => () => ({ path: path.join(root, 'lambda/bundle', file) });

/** Lambda gets credentials from its environment; swap the SDK's whole provider chain for that (see the file). */
const envCredentialsOnly = {
  name: 'env-credentials-only',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, standIn('envCredentials.ts'));
  },
};

/** No event streams in DynamoDB: keep the SDK's dynamic import of them from wrapping @smithy/core (see the file). */
const noEventStreams = {
  name: 'no-event-streams',
  setup(b) {
    b.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, standIn('noEventStreams.ts'));
  },
};

/** ask-sdk-core needs ask-sdk-model at run time only for service clients we never use (see the file). */
const askSdkModelTypesOnly = {
  name: 'ask-sdk-model-types-only',
  setup(b) {
    b.onResolve({ filter: /^ask-sdk-model$/ }, standIn('askSdkModel.ts'));
  },
};

/**
 * The MCP SDK's run-time branches the add-on never takes: zod 3 schemas (ours are zod 4) and Ajv, which a
 * server needs only to check an elicitation's answer (see the files): ~300 KB less to parse per cold start.
 */
const mcpUnusedBranches = {
  name: 'mcp-unused-branches',
  setup(b) {
    b.onResolve({ filter: /^zod\/v3$/ }, standIn('zodV3.ts'));
    b.onResolve({ filter: /^zod-to-json-schema$/ }, standIn('zodToJsonSchema.ts'));
    b.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, standIn('mcpAjvProvider.ts'));
  },
};

const variants = {
  // Whitespace + syntax minification, no renaming: measured against full --minify (docs/PERFORMANCE.md).
  default: { minifyWhitespace: true, minifySyntax: true },
  plain: {},
  full: { minify: true },
  keepNames: { minifyWhitespace: true, minifySyntax: true, keepNames: true },
};

/** esbuild's options for one bundle; `variant` names a minification (above), `sourcemap` is for profiling. */
function options({ entry, outfile, variant = 'default', sourcemap = false }) {
  const minification = variants[variant];
  if (!minification) throw new Error(`unknown build variant ${variant}`);
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    // import() of a Node built-in (the SDK's http agent) would start Node's ESM loader on the first
    // request; in a CommonJS bundle a plain require does the same job.
    supported: { 'dynamic-import': false },
    legalComments: 'none',
    plugins: [envCredentialsOnly, noEventStreams, askSdkModelTypesOnly, mcpUnusedBranches],
    logLevel: 'warning',
    sourcemap,
    ...minification,
  };
}

const SKILL = { entry: path.join(root, 'lambda/index.ts'), outfile: path.join(root, 'dist/index.js') };
const ADDON = { entry: path.join(root, 'lambda/mcp/index.ts'), outfile: path.join(root, 'dist/mcp.js') };

/**
 * Builds one bundle (the skill's unless `entry` says otherwise); resolves to the file written. Unless
 * `codeCache: false` (or a source map is asked for, to profile), the file is the bundle behind a V8
 * code-cache loader, with the cache beside it made after one `training` request (scripts/codeCache.js).
 */
async function build(opts = {}) {
  const o = { ...SKILL, training: codeCache.skillTraining, codeCache: true, ...opts };
  if (!o.codeCache || o.sourcemap) {
    await esbuild.build(options(o));
    return o.outfile;
  }
  const [out] = (await esbuild.build({ ...options(o), write: false })).outputFiles;
  fs.mkdirSync(path.dirname(o.outfile), { recursive: true });
  fs.writeFileSync(o.outfile, codeCache.wrap(o.outfile, out.text));
  codeCache.produce(o.outfile, out.text, o.training);
  return o.outfile;
}

/** The Alexa+ add-on's bundle, built the same way from its own entry. */
const buildMcp = (opts = {}) => build({ ...ADDON, training: codeCache.addonTraining, ...opts });

/** What a bundle (as `npm run build` writes it) is made of: each input file and its bytes in the output. */
async function bundleInputs(which = 'skill') {
  const o = which === 'addon' ? ADDON : SKILL;
  const result = await esbuild.build({ ...options(o), write: false, metafile: true });
  const [output] = Object.values(result.metafile.outputs);
  return {
    total: output.bytes,
    inputs: Object.fromEntries(Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput])),
  };
}

/** Bytes of a bundle by npm package, or by folder of our own code. */
async function bytesBySource(which = 'skill') {
  const { total, inputs } = await bundleInputs(which);
  const bytes = {};
  for (const [file, n] of Object.entries(inputs)) {
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? path.dirname(file);
    bytes[pkg] = (bytes[pkg] ?? 0) + n;
  }
  return { total, bytes };
}

module.exports = { build, buildMcp, bundleInputs, bytesBySource };

/** V8 rejects a code cache made by another Node major: say so when this Node is not the Lambda runtime's. */
function warnIfRuntimeDiffers() {
  const runtime = JSON.stringify(require('../ask-resources.json')).match(/"runtime":"nodejs(\d+)/)?.[1];
  const here = process.versions.node.split('.')[0];
  if (runtime && runtime !== here)
    console.warn(
      `note: the code caches were made by Node ${here}; the Lambda runs nodejs${runtime}.x and will compile without them (build on Node ${runtime} to deploy them)`,
    );
}

if (require.main === module) {
  const variant = process.argv.find((a) => a.startsWith('--variant='))?.split('=')[1];
  Promise.all([build({ variant }), buildMcp({ variant })])
    .then((outs) => {
      for (const out of outs) console.log(`built ${path.relative(root, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
      warnIfRuntimeDiffers();
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
