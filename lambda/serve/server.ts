/**
 * The skill as a self-hosted web-service endpoint (express), for a clinic that does not want Lambda.
 * Alexa only calls HTTPS endpoints on port 443, so either give TLS files or put this behind a
 * TLS-terminating proxy. `npm run serve` starts it (main.ts).
 *
 * Safe by default, and cheap to refuse:
 * - a connection that sends nothing is closed after a few seconds, and gives up its slot to a newcomer
 *   when all are taken (connections.ts); a TLS handshake must finish within a few seconds; headers,
 *   request and keep-alive timeouts and a body limit (SERVER_LIMITS) bound the rest;
 * - the envelope check the Lambda uses (alexa/refusal.ts: a request type and our skill id) runs before
 *   anything is downloaded; then Amazon's signature rules (requestVerifier.ts);
 * - every refusal is a small JSON error, never a stack trace.
 *
 * Exports createServeApp/startServer so tests run it with a stand-in skill; only main.ts loads the real skill.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import express from 'express';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { checkEnvelope } from '../alexa/refusal';
import { RequestRefusedError, ServeConfigError } from '../errors';
import { guardConnections, type ConnectionGuard } from './connections';
import { createRequestVerifier, type RequestVerifier } from './requestVerifier';
import { checkServeSafety } from './safety';
import { createServeLogger, type ServeLogFields, type ServeLogger } from './serveLog';

/** What the server needs from a skill: ask-sdk-core's Skill has it, and so does a test stand-in. */
export interface InvocableSkill {
  invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/** How long a client may take, and how much it may send: nobody can hold the server open. */
export interface ServerLimits {
  /** A connection that has sent no byte at all is closed after this. */
  readonly silentMs: number;
  /** A TLS handshake must finish within this (Node's default is 120 s). */
  readonly handshakeTimeoutMs: number;
  /** All request headers must arrive within this. */
  readonly headersTimeoutMs: number;
  /** The whole request, body included (a 1-byte-per-second body is cut off). */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** Connections at once; beyond it the oldest silent one makes room, or the newcomer is refused. */
  readonly maxConnections: number;
  /** A larger body is answered 413 without being read further. */
  readonly maxBodyBytes: number;
}

export const SERVER_LIMITS: ServerLimits = {
  silentMs: 3000,
  handshakeTimeoutMs: 5000,
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 200,
  maxBodyBytes: 128 * 1024,
};

export interface ServeAppOptions {
  readonly skill: InvocableSkill;
  /** Requests for any other skill id are refused (400). */
  readonly skillId?: string;
  /** Must be true to serve without a skill id (local testing only). */
  readonly allowAnySkill?: boolean;
  /** Signature + timestamp verification. false only for --insecure-local-no-verify. */
  readonly verify: boolean;
  readonly logger?: ServeLogger;
  /** Tests only: a verifier with a throwaway trust root and a loopback certificate host. Default: Amazon's. */
  readonly verifier?: RequestVerifier;
  readonly limits?: Partial<ServerLimits>;
}

/** A small JSON error: never a stack trace, a path or the input. */
const refuse = (res: express.Response, status: number, error: string) => {
  if (!res.headersSent) res.status(status).json({ error });
};

/** The envelope (type and skill id) before the signature: refusing a stranger must not cost a download. */
function parseEnvelope(body: string, skillId: string | undefined): RequestEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new RequestRefusedError('body is not JSON');
  }
  return checkEnvelope(parsed, skillId);
}

/** The express app: POST / is the skill endpoint, GET /healthz a liveness probe for the proxy. */
export function createServeApp(opts: ServeAppOptions): express.Express {
  const log = opts.logger ?? createServeLogger();
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  if (!opts.skillId && !opts.allowAnySkill) {
    throw new ServeConfigError('createServeApp needs a skillId (or allowAnySkill for local testing).');
  }
  if (!opts.verify) {
    log.warn('serve.VERIFICATION_DISABLED', {
      verify: false,
      reason:
        'INSECURE: request signatures and timestamps are NOT checked (--insecure-local-no-verify). ' +
        'Anyone who can reach this port can call the skill. Local testing only; never expose this.',
    });
  }
  const verifier = opts.verify ? (opts.verifier ?? createRequestVerifier()) : undefined;

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.post(
    '/',
    (_req, res, next) => {
      const started = Date.now();
      res.on('finish', () => {
        const status = res.statusCode;
        const fields: ServeLogFields = { status, ms: Date.now() - started, verify: opts.verify };
        if (status >= 500) log.error('serve.request', fields);
        else if (status >= 400) log.warn('serve.request', { ...fields, reason: res.locals.refused ?? 'refused before reaching the skill' });
        else log.info('serve.request', fields);
      });
      next();
    },
    // The exact bytes, as text: the signature is over them.
    express.text({ type: () => true, limit: limits.maxBodyBytes }),
    async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      let envelope: RequestEnvelope;
      try {
        envelope = parseEnvelope(body, opts.skillId);
        if (verifier) await verifier.verify(body, req.headers);
      } catch (e) {
        res.locals.refused = e instanceof RequestRefusedError ? e.reason : 'request refused';
        refuse(res, 400, 'request verification failed');
        return;
      }
      try {
        res.json(await opts.skill.invoke(envelope));
      } catch (e) {
        res.locals.refused = e instanceof Error ? e.name : 'Error';
        refuse(res, 500, 'the skill could not answer');
      }
    },
  );
  app.use((_req, res) => refuse(res, 404, 'not found'));
  // Body too large, unreadable or aborted, or anything else thrown: a status and a word, nothing more.
  app.use((err: { status?: unknown; type?: unknown }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
    res.locals.refused = typeof err?.type === 'string' ? err.type : 'error';
    refuse(res, status, status === 413 ? 'request too large' : status < 500 ? 'bad request' : 'server error');
  });
  return app;
}

export interface TlsFiles {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

export interface StartOptions extends ServeAppOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: TlsFiles;
}

export interface RunningServer {
  readonly server: http.Server | https.Server;
  readonly url: string;
  readonly connections: ConnectionGuard;
  close(): Promise<void>;
}

/** Checks safety (before binding), builds the app, listens with its limits, and logs how it is reachable. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.logger ?? createServeLogger();
  checkServeSafety(opts);
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  const app = createServeApp({ ...opts, logger: log });
  const serverOptions: http.ServerOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often Node checks the two timeouts above (its default, 30 s, would let a slow body run long).
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
  const server = opts.tls
    ? https.createServer({ ...serverOptions, cert: opts.tls.cert, key: opts.tls.key, handshakeTimeout: limits.handshakeTimeoutMs }, app)
    : http.createServer(serverOptions, app);
  // Not server.maxConnections: that turns newcomers away while silent sockets keep every slot.
  const connections = guardConnections(server, { maxConnections: limits.maxConnections, silentMs: limits.silentMs });
  // A connection that goes quiet mid-way (after its first byte) is closed too.
  server.setTimeout(limits.requestTimeoutMs, (socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const scheme = opts.tls ? 'https' : 'http';
  const hostForUrl = isIP(opts.host) === 6 ? `[${opts.host}]` : opts.host;
  log.info('serve.listening', { host: opts.host, port, scheme, verify: opts.verify, skillIdEnforced: Boolean(opts.skillId) });
  if (!opts.tls) {
    log.info('serve.plain_http', {
      reason:
        'serving plain HTTP: put this behind a TLS-terminating proxy (Alexa only calls HTTPS on port 443 with a ' +
        'trusted certificate), or set TLS_CERT and TLS_KEY',
    });
  }
  return {
    server,
    url: `${scheme}://${hostForUrl}:${port}/`,
    connections,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections?.();
        connections.destroyAll();
      }),
  };
}
