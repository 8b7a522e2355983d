/**
 * Bundle-time stand-in for the MCP SDK's `validation/ajv-provider.js` in the add-on's bundle (see
 * scripts/build.js). The SDK's Server builds an Ajv instance in its constructor — Ajv, its formats and
 * fast-uri are 190 KB to parse, and building one compiles a meta-schema — but a server uses it only to
 * check a client's answer to an elicitation, which this add-on never asks for. So the bundle carries
 * none of it; the unbundled runs (tests, `npm run mcp`, `npm run serve`) keep the real provider.
 */
export class AjvJsonSchemaValidator {
  getValidator(): never {
    throw new Error('JSON Schema validation (elicitation) is not bundled in the add-on');
  }
}
