import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createLogger } from '../log';
import { defaultProtocol } from '../protocol/load';
import { configuredStore } from '../store/configured';
import { createTokenVerifier } from './auth';
import { readMcpConfig, type McpConfig } from './config';
import type { McpDeps } from './deps';
import { handleMcpRequest } from './http';

/**
 * The add-on's composition root: config read once, store and JWKS cache created once per container. The
 * verifier comes first so the key set is already on its way while the protocol and the store are set up.
 */
export function createMcpDeps(config: McpConfig = readMcpConfig(process.env)): McpDeps {
  const verifyToken = createTokenVerifier(config, { prefetchKeys: true });
  return {
    config,
    protocol: defaultProtocol(),
    log: createLogger(),
    clock: () => new Date(),
    verifyToken,
    store: configuredStore(config, Boolean(process.env.AWS_ACCESS_KEY_ID)),
  };
}

/** A Lambda function URL (payload 2.0) event as a web Request. */
export function toRequest(event: APIGatewayProxyEventV2): Request {
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `https://${event.requestContext.domainName}${event.rawPath}${query}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  const method = event.requestContext.http.method;
  const body =
    event.body === undefined || method === 'GET' || method === 'HEAD'
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : event.body;
  return new Request(url, { method, headers, body });
}

let deps: McpDeps | undefined;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  deps ??= createMcpDeps();
  const response = await handleMcpRequest(toRequest(event), deps);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { statusCode: response.status, headers, body: await response.text() };
}
