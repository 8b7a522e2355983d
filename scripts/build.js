#!/usr/bin/env node
// `npm run build`: one CommonJS bundle, dist/index.js, exporting handler(event, context) (SPEC.md contract).
// The AWS SDK is bundled rather than taken from the Lambda runtime, so the version is pinned and
// tree-shaken. Minification choices are measured by `npm run bench` (see README, Performance).
const esbuild = require('esbuild');
const path = require('path');

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

module.exports = { build };

if (require.main === module) {
  const variant = process.argv.find((a) => a.startsWith('--variant='))?.split('=')[1];
  build({ variant })
    .then((out) => {
      const size = require('fs').statSync(out).size;
      console.log(`built ${path.relative(root, out)} (${(size / 1024).toFixed(0)} KB)`);
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
