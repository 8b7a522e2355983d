const { bundleInputs } = require('../../scripts/build.js') as {
  bundleInputs: (which: 'skill' | 'addon') => Promise<{ total: number; inputs: Record<string, number> }>;
};

/**
 * What each Lambda bundle carries, from esbuild's metafile: every file in a bundle is parsed on every cold
 * start, so the two bundles stay independent and neither carries code its requests never run
 * (docs/PERFORMANCE.md). A failure names the files that came back.
 */
const built = new Map<string, Promise<{ inputs: Record<string, number> }>>();
async function carried(which: 'skill' | 'addon', pattern: RegExp): Promise<string[]> {
  if (!built.has(which)) built.set(which, bundleInputs(which));
  return Object.keys((await built.get(which)!).inputs).filter((file) => pattern.test(file));
}

test.each([
  ['the skill', 'skill', /node_modules\/(zod|zod-to-json-schema|jose|ajv|@modelcontextprotocol)\/|^lambda\/mcp\//],
  ['the add-on', 'addon', /node_modules\/(ask-sdk-core|ask-sdk-runtime|ask-sdk-model)\/|^lambda\/alexa\/|^lambda\/skill\.ts$/],
] as const)('%s bundle carries none of the other door', async (_, which, other) => {
  expect(await carried(which, other)).toEqual([]);
});

test.each([
  // `import { z } from 'zod'` keeps zod's whole namespace, ~45 locales with it; `import * as z` does not.
  ['zod locale but English', /node_modules\/zod\/v4\/locales\/(?!en\.js)/],
  // The MCP SDK's zod 3 branch and Ajv (elicitation only) are replaced by stand-ins in lambda/bundle.
  ['zod 3 runtime', /node_modules\/zod\/v3\//],
  ['zod-to-json-schema', /node_modules\/zod-to-json-schema\//],
  ['Ajv', /node_modules\/(ajv|ajv-formats|fast-uri)\//],
])('the add-on bundle carries no %s', async (_, pattern) => {
  expect(await carried('addon', pattern)).toEqual([]);
});

// DynamoDB has no event streams; the SDK's dynamic import of them would wrap @smithy/core in lazy initialisers.
test.each(['skill', 'addon'] as const)('the %s bundle carries no event-stream code', async (which) => {
  expect(await carried(which, /@smithy\/core\/dist-es\/submodules\/event-streams\//)).toEqual([]);
});
