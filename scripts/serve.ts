/**
 * `npm run serve`: the same skill as a self-hosted web-service endpoint (express),
 * for a clinic that does not want Lambda. Alexa only calls HTTPS endpoints on port 443, so either give
 * TLS_CERT/TLS_KEY (PEM file paths) or put this behind a TLS-terminating proxy.
 *
 *   npm run serve -- [--port 3000] [--host 127.0.0.1] [--allow-any-skill] [--insecure-local-no-verify]
 *
 * Safe by default:
 * - every request's timestamp (within 150 s, either way), certificate URL, certificate chain and
 *   Signature-256 are verified as Amazon requires (alexaRequestVerifier.ts);
 * - headers, request and keep-alive timeouts, a connection cap and a body limit (SERVER_LIMITS), and
 *   every refusal a small JSON error, never a stack trace;
 * - a request whose applicationId is not SKILL_ID is refused with 400 before the skill or the store sees it;
 * - without SKILL_ID it refuses to start, unless --allow-any-skill on a loopback address;
 * - --insecure-local-no-verify (no signature/timestamp checks) only binds to a loopback address, and says so loudly.
 *
 * The module exports createServeApp/startServer so tests run it with a stand-in skill; only main() loads
 * the real skill (lambda/skill.ts + lambda/index.ts), lazily.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import express from 'express';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig } from '../lambda/config';
import { boundedFields } from '../lambda/log';
import { createRequestVerifier, RequestRefusedError, type RequestVerifier } from './alexaRequestVerifier';

/** What the server needs from a skill: ask-sdk-core's Skill has it, and so does a test stand-in. */
export interface InvocableSkill {
  invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/** Whitelisted log fields: never the envelope, user ids, tokens or speech. */
export interface ServeLogFields {
  readonly host?: string;
  readonly port?: number;
  readonly scheme?: 'http' | 'https';
  readonly verify?: boolean;
  readonly skillIdEnforced?: boolean;
  readonly status?: number;
  readonly ms?: number;
  readonly reason?: string;
}

export interface ServeLogger {
  info(event: string, fields?: ServeLogFields): void;
  warn(event: string, fields?: ServeLogFields): void;
  error(event: string, fields?: ServeLogFields): void;
}

/** Our own reasons (the usage text among them) are longer than the skill's fields, but still bounded. */
const MAX_SERVE_FIELD_CHARS = 600;

/** One JSON object per line; warnings and errors on stderr so they stand out from the request log. */
export function createServeLogger(
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): ServeLogger {
  const line = (level: string, event: string, fields?: ServeLogFields) =>
    JSON.stringify({ level, event, time: new Date().toISOString(), ...boundedFields(fields, MAX_SERVE_FIELD_CHARS) });
  return {
    info: (event, fields) => out(line('info', event, fields)),
    warn: (event, fields) => err(line('warn', event, fields)),
    error: (event, fields) => err(line('error', event, fields)),
  };
}

/** The server was asked to start in a configuration it considers unsafe or incomplete. */
export class ServeConfigError extends Error {
  override readonly name = 'ServeConfigError';
}

/** Loopback means this machine only: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

export interface SafetyInput {
  readonly host: string;
  readonly verify: boolean;
  readonly skillId?: string;
  readonly allowAnySkill?: boolean;
}

/** Throws ServeConfigError for a configuration that must not start. Called before anything binds. */
export function checkServeSafety(o: SafetyInput): void {
  if (!o.verify && !isLoopbackHost(o.host)) {
    throw new ServeConfigError(
      `--insecure-local-no-verify turns off request signature and timestamp checks; it only works on a loopback ` +
        `address (127.0.0.1, ::1, localhost), not on "${o.host}".`,
    );
  }
  if (!o.skillId) {
    if (!o.allowAnySkill) {
      throw new ServeConfigError(
        'SKILL_ID is not set: requests for any skill would be served. Set SKILL_ID to your skill id ' +
          '(amzn1.ask.skill....), or pass --allow-any-skill for local testing on a loopback address.',
      );
    }
    if (!isLoopbackHost(o.host)) {
      throw new ServeConfigError(`--allow-any-skill only works on a loopback address, not on "${o.host}".`);
    }
  }
}

function applicationIds(envelope: unknown): string[] {
  const e = envelope as {
    context?: { System?: { application?: { applicationId?: unknown } } };
    session?: { application?: { applicationId?: unknown } };
  } | null;
  return [e?.context?.System?.application?.applicationId, e?.session?.application?.applicationId].filter(
    (id): id is string => typeof id === 'string',
  );
}

/** Refuses a request that does not name our skill: every applicationId present must equal SKILL_ID, and one must be. */
function checkSkillId(envelope: unknown, skillId: string): void {
  const ids = applicationIds(envelope);
  if (ids.length === 0 || ids.some((id) => id !== skillId)) throw new RequestRefusedError('applicationId is not SKILL_ID');
}

/** How long a client may take, and how much it may send: nobody can hold the server open. */
export interface ServerLimits {
  /** All request headers must arrive within this. */
  readonly headersTimeoutMs: number;
  /** The whole request, body included (a 1-byte-per-second body is cut off). */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** Connections beyond this are refused at once. */
  readonly maxConnections: number;
  /** A larger body is answered 413 without being read further. */
  readonly maxBodyBytes: number;
}

export const SERVER_LIMITS: ServerLimits = {
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
        if (verifier) await verifier.verify(body, req.headers);
        envelope = JSON.parse(body) as RequestEnvelope;
        if (opts.skillId) checkSkillId(envelope, opts.skillId);
      } catch (e) {
        res.locals.refused = e instanceof RequestRefusedError ? e.reason : 'body is not JSON';
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
  const server = opts.tls ? https.createServer({ ...serverOptions, cert: opts.tls.cert, key: opts.tls.key }, app) : http.createServer(serverOptions, app);
  server.maxConnections = limits.maxConnections;
  // An idle socket (no request at all) is closed too.
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
  log.info('serve.listening', {
    host: opts.host,
    port,
    scheme,
    verify: opts.verify,
    skillIdEnforced: Boolean(opts.skillId),
  });
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}

export interface ServeCliOptions {
  readonly host: string;
  readonly port: number;
  readonly verify: boolean;
  readonly allowAnySkill: boolean;
}

export const USAGE =
  'usage: npm run serve -- [--port 3000] [--host 127.0.0.1] [--allow-any-skill] [--insecure-local-no-verify]\n' +
  'env: SKILL_ID (required unless --allow-any-skill), TLS_CERT + TLS_KEY (PEM files; otherwise plain HTTP for a TLS proxy),\n' +
  '     CARE_TABLE, DYNAMODB_ENDPOINT, AWS_REGION, DEFAULT_TIME_ZONE as for the Lambda.';

/** Parses the command line; unknown flags are an error rather than silently ignored. */
export function parseServeArgs(argv: readonly string[]): ServeCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-any-skill': { type: 'boolean', default: false },
        'insecure-local-no-verify': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new ServeConfigError(`${(e as Error).message}\n${USAGE}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeConfigError(`invalid --port "${values.port}"`);
  return {
    host: values.host ?? '127.0.0.1',
    port,
    verify: !values['insecure-local-no-verify'],
    allowAnySkill: values['allow-any-skill'] ?? false,
  };
}

/** TLS_CERT and TLS_KEY name PEM files; both or neither. */
export function readTls(env: Readonly<Record<string, string | undefined>>): TlsFiles | undefined {
  const certPath = env.TLS_CERT || undefined;
  const keyPath = env.TLS_KEY || undefined;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new ServeConfigError('set both TLS_CERT and TLS_KEY (PEM file paths), or neither');
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

async function main(): Promise<void> {
  const log = createServeLogger();
  try {
    const cli = parseServeArgs(process.argv.slice(2));
    // This script is a composition root, like lambda/index.ts: the one place here that reads the environment.
    const config = readConfig(process.env);
    const tls = readTls(process.env);
    // Fail before loading the skill (and creating AWS clients) when the configuration is unsafe.
    checkServeSafety({ host: cli.host, verify: cli.verify, skillId: config.skillId, allowAnySkill: cli.allowAnySkill });
    if (config.skillId && cli.allowAnySkill) log.warn('serve.flag_ignored', { reason: '--allow-any-skill ignored: SKILL_ID is set' });

    const [{ createSkill }, { createDefaultDeps }] = await Promise.all([import('../lambda/skill'), import('../lambda/index')]);
    const skill = createSkill(createDefaultDeps(config));
    const running = await startServer({
      skill,
      skillId: config.skillId,
      allowAnySkill: cli.allowAnySkill,
      verify: cli.verify,
      host: cli.host,
      port: cli.port,
      tls,
      logger: log,
    });
    const stop = () => {
      running.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    log.error('serve.not_started', { reason: (e as Error).message });
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
