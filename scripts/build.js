#!/usr/bin/env node
// `npm run build`: the skill's CommonJS bundle, dist/index.js, exporting handler(event, context) (SPEC.md
// contract), and beside it the Alexa+ add-on's, dist/mcp.js (lambda/mcp/index.ts): two bundles, so the
// MCP SDK, zod and jose never load in the skill's cold start.
// The AWS SDK is bundled rather than taken from the Lambda runtime, so the version is pinned and
// tree-shaken. Minification choices are measured by `npm run bench` (see README, Performance).
const esbuild = require('esbuild');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Lambda gets credentials from its environment; swap the SDK's whole provider chain for that (see the file). */
const envCredentialsOnly = {
  name: 'env-credentials-only',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: path.join(root, 'lambda/bundle/envCredentials.ts'),
    }));
  },
};

/** ask-sdk-core needs ask-sdk-model at run time only for service clients we never use (see the file). */
const askSdkModelTypesOnly = {
  name: 'ask-sdk-model-types-only',
  setup(b) {
    b.onResolve({ filter: /^ask-sdk-model$/ }, () => ({ path: path.join(root, 'lambda/bundle/askSdkModel.ts') }));
  },
};

async function build({ outfile = path.join(root, 'dist/index.js'), entry = path.join(root, 'lambda/index.ts'), variant = 'default' } = {}) {
  const variants = {
    // Whitespace + syntax minification: smaller, without renaming that makes V8 compile eagerly.
    default: { minifyWhitespace: true, minifySyntax: true, keepNames: false },
    plain: {},
    full: { minify: true },
    keepNames: { minifyWhitespace: true, minifySyntax: true, keepNames: true },
  };
  const options = variants[variant];
  if (!options) throw new Error(`unknown build variant ${variant}`);
  await esbuild.build({
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
    plugins: [envCredentialsOnly, askSdkModelTypesOnly],
    logLevel: 'warning',
    ...options,
  });
  return outfile;
}

/** The Alexa+ add-on's bundle, built the same way from its own entry. */
const buildMcp = (opts = {}) => build({ entry: path.join(root, 'lambda/mcp/index.ts'), outfile: path.join(root, 'dist/mcp.js'), ...opts });

module.exports = { build, buildMcp };

if (require.main === module) {
  const variant = process.argv.find((a) => a.startsWith('--variant='))?.split('=')[1];
  Promise.all([build({ variant }), buildMcp({ variant })])
    .then((outs) => {
      for (const out of outs) console.log(`built ${path.relative(root, out)} (${(require('node:fs').statSync(out).size / 1024).toFixed(0)} KB)`);
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
