/**
 * Bundle-time stand-in for `zod-to-json-schema` in the add-on's bundle (see scripts/build.js): the MCP SDK
 * calls it only for zod 3 schemas (zod 4 ones go through zod's own toJSONSchema), and ours are all zod 4.
 */
export function zodToJsonSchema(): never {
  throw new Error('zod 3 schemas are not bundled: write MCP tool schemas with zod 4');
}
