import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { clinicName } from '../speech/clinic';
import { bearerToken, TokenRefusedError, type Caller } from './auth';
import type { McpDeps } from './deps';
import { registerTools } from './tools';

const PRM_PATH = '/.well-known/oauth-protected-resource';
/** Where the MCP endpoint is when no resource URL is configured. */
const DEFAULT_PATH = '/mcp';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

/**
 * Without a validator the SDK builds an Ajv instance, compiling its meta-schema, for every server (one per
 * request here); a server uses it only to check an elicitation's answer, which this add-on never asks
 * for. So one per container, built on first use. (The Lambda bundle carries a stand-in: scripts/build.js.)
 */
let ajv: AjvJsonSchemaValidator | undefined;
const schemaValidator: jsonSchemaValidator = {
  getValidator(schema) {
    ajv ??= new AjvJsonSchemaValidator();
    return ajv.getValidator(schema);
  },
};

/** RFC 9728 Protected Resource Metadata: which authorization server issues this server's tokens. */
export function protectedResourceMetadata(deps: McpDeps, resourceUrl: string) {
  const { config } = deps;
  return {
    resource: resourceUrl,
    authorization_servers: [config.issuer],
    scopes_supported: [config.patientScope],
    bearer_methods_supported: ['header'],
    resource_name: `${clinicName(deps.protocol.clinic) ?? 'Microneedling'} aftercare`,
  };
}

/**
 * One HTTP request to the add-on, as web-standard Request/Response so Lambda and the local server share it.
 * Stateless: every MCP request gets its own server and transport, bound to the caller its token names.
 * Without a valid token: 401 and, as the Alexa+ Toolkit asks, no WWW-Authenticate challenge — clients find
 * the metadata at the well-known URI (RFC 9728 §3, the path-suffixed and the root form both answer).
 */
export async function handleMcpRequest(request: Request, deps: McpDeps): Promise<Response> {
  const url = new URL(request.url);
  const resourceUrl = deps.config.resourceUrl ?? `${url.origin}${DEFAULT_PATH}`;
  const path = url.pathname;
  const resourcePath = new URL(resourceUrl).pathname;
  if (path === PRM_PATH || path === `${PRM_PATH}${resourcePath}`) {
    return request.method === 'GET'
      ? json(200, protectedResourceMetadata(deps, resourceUrl))
      : json(405, { error: 'method_not_allowed' }, { allow: 'GET' });
  }
  if (path !== resourcePath) return json(404, { error: 'not_found' });

  const token = bearerToken(request.headers.get('authorization'));
  let caller: Caller;
  try {
    if (!token) throw new TokenRefusedError('no bearer token');
    caller = await deps.verifyToken(token, deps.config.audience ?? resourceUrl);
  } catch (e) {
    if (!(e instanceof TokenRefusedError)) throw e;
    deps.log.info('mcp_unauthorized', { reason: e.message });
    return json(401, { error: 'invalid_token', error_description: 'A valid access token is required.' });
  }

  // Stateless: no server-initiated stream to hold open (GET) and no session to end (DELETE), as the
  // Streamable HTTP transport allows; a Lambda could not keep either anyway.
  if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { allow: 'POST' });

  const server = new McpServer(
    { name: 'microneedling-aftercare', version: '1.0.0' },
    { capabilities: { tools: {} }, jsonSchemaValidator: schemaValidator },
  );
  registerTools(server, deps, caller);
  const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
  try {
    await server.connect(transport);
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
