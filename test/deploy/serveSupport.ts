/**
 * What the tests of the self-hosted endpoint share: a throwaway CA, a stand-in for Amazon's certificate
 * host on 127.0.0.1, signed envelopes, a stand-in skill that records what reached it, and a server with
 * verification on.
 *
 * A request *signed by Amazon* cannot be made here (Amazon's private key, and its certificate host on the
 * internet), so the tests make their own: a throwaway CA (root → intermediate → a signing certificate for
 * echo-api.amazon.com, like Amazon's) is the verifier's only trust root, and the certificate download —
 * the real code — is pointed at the stand-in certificate host. Both are injected for tests only; the
 * shipped defaults are Node's public roots and Amazon's host.
 */
import { createSign, type KeyObject } from 'node:crypto';
import * as http from 'node:http';
import type * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { downloadCertificate } from '../../lambda/serve/certificateChain';
import { createRequestVerifier, type VerifierOptions } from '../../lambda/serve/requestVerifier';
import type { ServeLogger } from '../../lambda/serve/serveLog';
import { startServer, type ServerLimits, type TlsFiles } from '../../lambda/serve/server';
import { amazonLikeChain, issue } from '../support/throwawayPki';

export const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
export const OTHER_SKILL_ID = 'amzn1.ask.skill.99999999-9999-9999-9999-999999999999';
export const AMAZON = 'https://s3.amazonaws.com/echo.api/';
export const CERT_URL = `${AMAZON}echo-api-cert-test.pem`;

export const pki = amazonLikeChain();
/** A signing certificate that expires 2 minutes after the suite loads: for the cache (the test moves its clock, not the wall's). */
export const SHORT_LIVED_UNTIL = Date.now() + 120_000;
export const shortLived = issue(
  { name: 'echo-api.amazon.com', dnsNames: ['echo-api.amazon.com'], notAfter: new Date(SHORT_LIVED_UNTIL) },
  pki.intermediate,
);
export const wrongName = issue({ name: 'someone-else.example.com', dnsNames: ['someone-else.example.com'] }, pki.intermediate);
export const strangers = amazonLikeChain();

/** The stand-in for Amazon's certificate host, on 127.0.0.1: counts every request by path. */
export interface CertificateHost {
  readonly url: string;
  readonly hits: Map<string, number>;
  /** Sockets of requests to /echo.api/hang… still open. */
  openHangs(): number;
  stop(): Promise<void>;
}

export async function startCertificateHost(): Promise<CertificateHost> {
  const hits = new Map<string, number>();
  const hanging = new Set<net.Socket>();
  const files: Record<string, string> = {
    '/echo.api/echo-api-cert-test.pem': pki.chainPem,
    '/echo.api/short-lived.pem': shortLived.certPem + pki.intermediate.certPem,
    '/echo.api/wrong-name.pem': wrongName.certPem + pki.intermediate.certPem,
    '/echo.api/strangers.pem': strangers.chainPem,
    '/evil.pem': pki.chainPem,
  };
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith('/echo.api/hang')) {
      hanging.add(req.socket);
      req.socket.on('close', () => hanging.delete(req.socket));
      return; // never answers
    }
    if (path === '/echo.api/huge.pem') {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'A');
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
      return;
    }
    const file = files[path];
    if (file) res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(file);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    openHangs: () => hanging.size,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let host: CertificateHost | undefined;

/** The certificate host of one test file: started in beforeAll, stopped in afterAll. */
export function useCertificateHost(): CertificateHost {
  const h = {} as CertificateHost;
  beforeAll(async () => {
    host = Object.assign(h, await startCertificateHost());
  });
  afterAll(() => h.stop());
  return h;
}

/** The verifier with the test's trust root, downloading from the stand-in host (the path kept as Amazon's). */
export const testVerifier = (o: Partial<VerifierOptions> = {}) =>
  createRequestVerifier({
    trustRoots: [pki.root.certPem],
    download: (url, opts) => downloadCertificate(new URL(url.pathname, host?.url), opts),
    limits: { downloadTimeoutMs: 400 },
    ...o,
  });

export function envelope(
  opts: { skillId?: string; sessionSkillId?: string; ageSeconds?: number; timestamp?: unknown } = {},
): RequestEnvelope {
  const skillId = opts.skillId ?? SKILL_ID;
  const timestamp =
    'timestamp' in opts ? opts.timestamp : new Date(Date.now() - (opts.ageSeconds ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    version: '1.0',
    session: {
      new: true,
      sessionId: 'amzn1.echo-api.session.test',
      application: { applicationId: opts.sessionSkillId ?? skillId },
      user: { userId: 'amzn1.ask.account.TEST' },
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user: { userId: 'amzn1.ask.account.TEST' },
        device: { deviceId: 'amzn1.ask.device.TEST', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'token',
      },
    },
    request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.test', timestamp, locale: 'en-US' },
  } as RequestEnvelope;
}

export const sign = (body: string, key: KeyObject = pki.signer.privateKey): string =>
  createSign('RSA-SHA256').update(body, 'utf8').sign(key, 'base64');

export const SKILL_RESPONSE: ResponseEnvelope = {
  version: '1.0',
  response: { outputSpeech: { type: 'PlainText', text: 'reached the skill' }, shouldEndSession: true },
};

/** The stand-in skill: counts invocations, nothing else. */
export function recordingSkill() {
  const received: RequestEnvelope[] = [];
  return {
    received,
    invoke: async (e: RequestEnvelope) => {
      received.push(e);
      return SKILL_RESPONSE;
    },
  };
}

export type LogLine = { level: string; event: string; fields?: { reason?: string; status?: number } };
export function recordingLogger(): ServeLogger & { lines: LogLine[]; reasons: () => string[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    reasons: () => lines.filter((l) => l.event === 'serve.request' && l.fields?.reason).map((l) => l.fields!.reason!),
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => lines.push({ level: 'error', event, fields }),
  };
}

export async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

export const signed = (body: string, certUrl = CERT_URL, key?: KeyObject) => ({
  SignatureCertChainUrl: certUrl,
  'Signature-256': sign(body, key),
});

/** A server with verification on, a fresh verifier (so a fresh certificate cache), and its own log. */
export async function verifyingServer(o: { verifier?: Partial<VerifierOptions>; limits?: Partial<ServerLimits>; tls?: TlsFiles } = {}) {
  const skill = recordingSkill();
  const logger = recordingLogger();
  const verifier = testVerifier(o.verifier);
  const server = await startServer({
    skill,
    skillId: SKILL_ID,
    verify: true,
    host: '127.0.0.1',
    port: 0,
    logger,
    verifier,
    limits: o.limits,
    tls: o.tls,
  });
  return { skill, logger, verifier, server };
}
