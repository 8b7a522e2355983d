/**
 * Bundle-time stand-in for `zod/v3` in the add-on's bundle (see scripts/build.js). The MCP SDK accepts
 * tool schemas written in zod 3 or zod 4 and imports both runtimes; ours are all zod 4, so the SDK's
 * zod 3 branch (objectFromShape on a zod 3 shape) is never taken, and the 77 KB runtime need not be parsed
 * on every cold start. `npm run mcp`, `npm run serve` and the tests run unbundled with the real package.
 */
export function object(): never {
  throw new Error('zod 3 schemas are not bundled: write MCP tool schemas with zod 4');
}
