import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../lambda/config';
import { createLogger, silentLogger } from '../lambda/log';
import { createTokenVerifier } from '../lambda/mcp/auth';
import type { McpConfig } from '../lambda/mcp/config';
import type { McpDeps } from '../lambda/mcp/deps';
import { handleMcpRequest } from '../lambda/mcp/http';
import { defaultProtocol } from '../lambda/protocol/load';
import { startLocalAuthServer, type LocalAuthServer } from './localAuthServer';
import { localDynamoStore, startLocalDynamo, type LocalDynamo } from './localDynamo';

/** The add-on over node:http on 127.0.0.1: each request becomes a web Request for the same handler Lambda runs. */
export interface LocalMcpHttp {
  readonly url: string;
  readonly port: number;
  /** Until `serve` is called every request answers 503 (the server must listen to know its own URL). */
  serve(deps: McpDeps): void;
  stop(): Promise<void>;
}

export async function startMcpHttp(port = 0): Promise<LocalMcpHttp> {
  let deps: McpDeps | undefined;
  const server: Server = createServer((req, res) => {
    if (!deps) {
      res.writeHead(503).end();
      return;
    }
    void relay(req, res, deps);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/mcp`,
    port: actual,
    serve: (d) => {
      deps = d;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const MAX_BODY_BYTES = 1024 * 1024;

async function relay(req: IncomingMessage, res: ServerResponse, deps: McpDeps): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      // A Lambda function URL takes 6 MB at most; a tool call is a few hundred bytes.
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
    });
    const response = await handleMcpRequest(request, deps);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    deps.log.error('mcp_request_failed', { error: e instanceof Error ? e.name : 'UnknownError' });
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

/** The add-on's configuration for a local run: the skill's defaults plus the local authorization server. */
export function localMcpConfig(resourceUrl: string, issuer: string, extra: Partial<McpConfig> = {}): McpConfig {
  return { ...readConfig({}), resourceUrl, issuer, jwksUri: `${issuer}/jwks`, patientScope: 'aftercare', ...extra };
}

export interface LocalMcp {
  readonly mcp: LocalMcpHttp;
  readonly auth: LocalAuthServer;
  readonly dynamo: LocalDynamo;
  readonly deps: McpDeps;
  stop(): Promise<void>;
}

/**
 * Everything `npm run mcp` runs, on 127.0.0.1: dynalite, the authorization server (oidc-provider) and
 * the MCP server. `otherResources` are further audiences the authorization server will issue tokens for
 * (tests use one to get a real token that is not for this server). `deps` overrides parts (a test clock).
 */
export async function startLocalMcp(
  opts: { port?: number; authPort?: number; table?: string; quiet?: boolean; otherResources?: string[]; deps?: Partial<McpDeps> } = {},
): Promise<LocalMcp> {
  const dynamo = await startLocalDynamo();
  const mcp = await startMcpHttp(opts.port ?? 0);
  let auth: LocalAuthServer | undefined;
  try {
    auth = await startLocalAuthServer({ port: opts.authPort ?? 0, resources: [mcp.url, ...(opts.otherResources ?? [])] });
    const config = localMcpConfig(mcp.url, auth.issuer, { tableName: opts.table ?? 'mcp-care', dynamoEndpoint: dynamo.endpoint });
    const deps: McpDeps = {
      config,
      protocol: defaultProtocol(),
      log: opts.quiet ? silentLogger : createLogger(),
      clock: () => new Date(),
      verifyToken: createTokenVerifier(config),
      store: await localDynamoStore(dynamo.endpoint, config.tableName),
      ...opts.deps,
    };
    mcp.serve(deps);
    const running = auth;
    return {
      mcp,
      auth: running,
      dynamo,
      deps,
      stop: async () => {
        await mcp.stop();
        await running.stop();
        await dynamo.stop();
      },
    };
  } catch (e) {
    await mcp.stop();
    await auth?.stop();
    await dynamo.stop();
    throw e;
  }
}
