/**
 * `npm run serve` as a web-service endpoint: what reaches the skill, what is refused, and that nobody can
 * hold it open. The real server runs on 127.0.0.1.
 *
 * The skill here is a stand-in that only records whether a request ever reached it (and answers a fixed
 * response): these tests are about the server's gate, not about the skill, whose behaviour has its own tests.
 * Requests are signed by a throwaway CA and certificates come from a stand-in host (serveSupport.ts);
 * everything else is the real verification: timestamp, certificate URL, chain, Signature-256 over the
 * exact body bytes, skill id. Anonymous load (silent connections, cache-busting floods): serveUnderLoad.test.ts.
 */
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ServeConfigError } from '../../lambda/errors';
import { normalizeCertificateUrl } from '../../lambda/serve/certificateUrl';
import { parseServeArgs } from '../../lambda/serve/main';
import { checkServeSafety, isLoopbackHost } from '../../lambda/serve/safety';
import { createServeApp, startServer, type RunningServer, type ServerLimits } from '../../lambda/serve/server';
import {
  AMAZON,
  CERT_URL,
  envelope,
  OTHER_SKILL_ID,
  post,
  recordingLogger,
  recordingSkill,
  sign,
  signed,
  SKILL_ID,
  SKILL_RESPONSE,
  SHORT_LIVED_UNTIL,
  shortLived,
  strangers,
  useCertificateHost,
  verifyingServer,
  wrongName,
} from './serveSupport';

const host = useCertificateHost();

describe('with verification on (the default)', () => {
  let s: Awaited<ReturnType<typeof verifyingServer>>;
  let server: RunningServer;
  beforeAll(async () => {
    s = await verifyingServer();
    server = s.server;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    s.skill.received.length = 0;
    s.logger.lines.length = 0;
  });

  it('control: a correctly signed, fresh request for our skill reaches the skill and gets its JSON', async () => {
    const body = JSON.stringify(envelope());
    const res = await post(server.url, body, signed(body));
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.text)).toEqual(SKILL_RESPONSE);
    expect(s.skill.received).toHaveLength(1);
  });

  it('an unsigned request is refused with 400 and a small JSON error, and never reaches the skill', async () => {
    const res = await post(server.url, JSON.stringify(envelope()));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: 'request verification failed' });
    expect(s.skill.received).toHaveLength(0);
  });

  it('a signature without its certificate URL, or with a non-Amazon one, is refused', async () => {
    const body = JSON.stringify(envelope());
    expect((await post(server.url, body, { 'Signature-256': sign(body) })).status).toBe(400);
    expect((await post(server.url, body, signed(body, 'https://example.com/echo.api/cert.pem'))).status).toBe(400);
    expect(s.skill.received).toHaveLength(0);
  });

  it('a tampered body with the original signature is refused with 400 and never reaches the skill', async () => {
    const body = JSON.stringify(envelope());
    const headers = signed(body);
    const tampered = body.replace('LaunchRequest', 'SessionEndedRequest');
    expect(tampered).not.toBe(body);
    expect((await post(server.url, tampered, headers)).status).toBe(400);
    expect(s.skill.received).toHaveLength(0);
    expect(s.logger.reasons()).toEqual(['signature does not match the body']);
  });

  it("a signature by a key other than the certificate's is refused", async () => {
    const body = JSON.stringify(envelope());
    expect((await post(server.url, body, signed(body, CERT_URL, wrongName.privateKey))).status).toBe(400);
    expect(s.skill.received).toHaveLength(0);
  });

  it.each([
    ['151 s old', { ageSeconds: 151 }],
    ['one hour in the future', { ageSeconds: -3600 }],
    ['ten years in the future', { ageSeconds: -10 * 365 * 86400 }],
    ['"garbage"', { timestamp: 'garbage' }],
    ['a number', { timestamp: Date.now() }],
    ['missing', { timestamp: undefined }],
  ])('a correctly signed request with a timestamp %s is refused before any download', async (_what, o) => {
    const body = JSON.stringify(envelope(o));
    const downloads = s.verifier.downloads();
    const res = await post(server.url, body, signed(body, `${AMAZON}never-fetched.pem`));
    expect(res.status).toBe(400);
    expect(s.skill.received).toHaveLength(0);
    expect(s.logger.reasons()[0]).toMatch(/^timestamp/);
    expect(s.verifier.downloads()).toBe(downloads);
    expect(host.hits.get('/echo.api/never-fetched.pem')).toBeUndefined();
  });

  it("a timestamp 140 s old or 140 s ahead is still within Amazon's window", async () => {
    for (const ageSeconds of [140, -140]) {
      const body = JSON.stringify(envelope({ ageSeconds }));
      expect((await post(server.url, body, signed(body))).status).toBe(200);
    }
  });

  it.each([
    'https://s3.amazonaws.com/echo.api/../evil.pem',
    'https://s3.amazonaws.com/echo.api/%2e%2e/evil.pem',
    'https://s3.amazonaws.com/ECHO.API/echo-api-cert-test.pem',
    'http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem',
    'https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem',
    'https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert-test.pem',
    'https://user@s3.amazonaws.com/echo.api/echo-api-cert-test.pem',
    'https://@s3.amazonaws.com/echo.api/echo-api-cert-test.pem',
    'https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem?v=1',
    'https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem?',
    'https://s3.amazonaws.com/echo.api/%2E%2E/evil.pem',
    'not a url',
  ])('the certificate URL %s is refused before anything is fetched', async (certUrl) => {
    const body = JSON.stringify(envelope());
    const downloads = s.verifier.downloads();
    expect((await post(server.url, body, signed(body, certUrl))).status).toBe(400);
    expect(s.logger.reasons()[0]).toMatch(/^certificate URL/);
    expect(s.verifier.downloads()).toBe(downloads);
    expect(host.hits.get('/evil.pem')).toBeUndefined();
    expect(s.skill.received).toHaveLength(0);
  });

  it("Amazon's own URL variants, a fragment and escaped letters are normalized to one URL and accepted", async () => {
    for (const certUrl of [
      'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem',
      'HTTPS://S3.AMAZONAWS.COM:443/echo.api/echo-api-cert-test.pem',
      'https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem#1',
      'https://s3.amazonaws.com/echo.api/%65cho-api-cert-test.pem',
    ]) {
      expect(normalizeCertificateUrl(certUrl).href).toBe(CERT_URL);
      const body = JSON.stringify(envelope());
      expect((await post(server.url, body, signed(body, certUrl))).status).toBe(200);
    }
  });

  it('a chain for another name, or to a root it does not trust, is refused', async () => {
    for (const [file, key, reason] of [
      ['wrong-name.pem', wrongName.privateKey, 'certificate is not for echo-api.amazon.com'],
      ['strangers.pem', strangers.signer.privateKey, 'certificate chain does not end in a trusted root'],
    ] as const) {
      const body = JSON.stringify(envelope());
      expect((await post(server.url, body, signed(body, `${AMAZON}${file}`, key))).status).toBe(400);
      expect(s.logger.reasons().pop()).toBe(reason);
    }
    expect(s.skill.received).toHaveLength(0);
  });

  it('a correctly signed request for another skill id is refused with 400 and never reaches the skill', async () => {
    for (const e of [envelope({ skillId: OTHER_SKILL_ID }), envelope({ sessionSkillId: OTHER_SKILL_ID })]) {
      const body = JSON.stringify(e);
      expect((await post(server.url, body, signed(body))).status).toBe(400);
    }
    expect(s.skill.received).toHaveLength(0);
  });

  it('a body that is not JSON is refused with 400', async () => {
    const body = 'not json';
    expect((await post(server.url, body, signed(body))).status).toBe(400);
    expect(s.skill.received).toHaveLength(0);
  });

  it('a body over the limit gets 413 and a small JSON error: no stack trace, no path', async () => {
    const body = JSON.stringify({ ...envelope(), padding: 'x'.repeat(200 * 1024) });
    const res = await post(server.url, body, signed(body));
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.text)).toEqual({ error: 'request too large' });
    expect(res.text).not.toMatch(/ at |node_modules|\/work|<html/i);
    expect(s.skill.received).toHaveLength(0);
  });

  it('other paths get a small JSON 404', async () => {
    const res = await fetch(`${server.url}nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });

  it('answers the health probe without touching the skill', async () => {
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
    expect(s.skill.received).toHaveLength(0);
  });
});

describe('certificate downloads', () => {
  it('200 requests naming one certificate URL make one download, and the certificate is reused', async () => {
    const { server, verifier, skill } = await verifyingServer();
    try {
      const before = host.hits.get('/echo.api/echo-api-cert-test.pem') ?? 0;
      const answers = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const body = JSON.stringify({ ...envelope(), n: i });
          return (await post(server.url, body, signed(body))).status;
        }),
      );
      expect(answers.filter((st) => st === 200)).toHaveLength(200);
      expect(verifier.downloads()).toBe(1);
      const body = JSON.stringify(envelope());
      expect((await post(server.url, body, signed(body))).status).toBe(200);
      expect(host.hits.get('/echo.api/echo-api-cert-test.pem')).toBe(before + 1);
      expect(skill.received).toHaveLength(201);
    } finally {
      await server.close();
    }
  });

  it('a certificate is kept until it expires, then fetched again (and refused once expired)', async () => {
    let offset = 0;
    const { server, verifier } = await verifyingServer({ verifier: { now: () => Date.now() + offset } });
    const url = `${AMAZON}short-lived.pem`;
    const at = (ms: number) => JSON.stringify(envelope({ timestamp: new Date(Date.now() + ms).toISOString() }));
    // Offsets from the certificate's expiry as seen now, so a slow machine reaching this test late changes nothing.
    const left = SHORT_LIVED_UNTIL - Date.now();
    try {
      let body = at(0);
      expect((await post(server.url, body, signed(body, url, shortLived.privateKey))).status).toBe(200);
      offset = left - 10_000;
      body = at(offset);
      expect((await post(server.url, body, signed(body, url, shortLived.privateKey))).status).toBe(200);
      expect(verifier.downloads()).toBe(1);
      offset = left + 10_000;
      body = at(offset);
      expect((await post(server.url, body, signed(body, url, shortLived.privateKey))).status).toBe(400);
      expect(verifier.downloads()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('a download that never answers is abandoned at its deadline: 100 requests, one download, every socket closed', async () => {
    const { server, verifier, skill } = await verifyingServer();
    try {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const body = JSON.stringify({ ...envelope(), n: i });
          return (await post(server.url, body, signed(body, `${AMAZON}hang.pem`))).status;
        }),
      );
      expect(answers.every((st) => st === 400)).toBe(true);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(verifier.downloads()).toBe(1);
      expect(host.hits.get('/echo.api/hang.pem')).toBe(1);
      // The abandoned download's socket is closed too, not left open on the certificate host.
      for (let i = 0; i < 50 && host.openHangs() > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(host.openHangs()).toBe(0);
      expect(skill.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('requests naming many different certificate URLs start only a few downloads at once', async () => {
    const { server, verifier, logger } = await verifyingServer();
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const body = JSON.stringify({ ...envelope(), n: i });
          return (await post(server.url, body, signed(body, `${AMAZON}hang-${i}.pem`))).status;
        }),
      );
      expect(answers.every((st) => st === 400)).toBe(true);
      expect(verifier.downloads()).toBe(4);
      expect(logger.reasons().filter((r) => r === 'too many certificate downloads at once')).toHaveLength(8);
    } finally {
      await server.close();
    }
  });

  it('a URL whose download failed is refused without another download for 10 s, then tried again', async () => {
    let offset = 0;
    const { server, verifier, logger } = await verifyingServer({ verifier: { now: () => Date.now() + offset } });
    const url = `${AMAZON}not-there.pem`;
    const at = (seconds: number) => JSON.stringify(envelope({ timestamp: new Date(Date.now() + seconds * 1000).toISOString() }));
    try {
      for (const seconds of [0, 1, 9]) {
        offset = seconds * 1000;
        const body = at(seconds);
        expect((await post(server.url, body, signed(body, url))).status).toBe(400);
      }
      expect(verifier.downloads()).toBe(1);
      expect(host.hits.get('/echo.api/not-there.pem')).toBe(1);
      expect(logger.reasons()).toEqual([
        'certificate download failed',
        'certificate download failed (recently)',
        'certificate download failed (recently)',
      ]);
      offset = 11_000;
      const body = at(11);
      expect((await post(server.url, body, signed(body, url))).status).toBe(400);
      expect(verifier.downloads()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('a signature header that is not a base64 RSA signature is refused before any download', async () => {
    const { server, verifier, logger } = await verifyingServer();
    try {
      const body = JSON.stringify(envelope());
      for (const signature of ['x', 'not base64 at all!', 'QUFB'.repeat(500)]) {
        expect((await post(server.url, body, { SignatureCertChainUrl: CERT_URL, 'Signature-256': signature })).status).toBe(400);
      }
      expect(verifier.downloads()).toBe(0);
      expect(new Set(logger.reasons())).toEqual(new Set(['signature is not an RSA signature in base64']));
    } finally {
      await server.close();
    }
  });

  it('a certificate larger than the limit is not read to the end', async () => {
    const { server, logger } = await verifyingServer({ verifier: { limits: { downloadTimeoutMs: 5000, maxCertificateBytes: 64 * 1024 } } });
    try {
      const body = JSON.stringify(envelope());
      const started = Date.now();
      expect((await post(server.url, body, signed(body, `${AMAZON}huge.pem`))).status).toBe(400);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(logger.reasons()).toEqual(['certificate too large']);
    } finally {
      await server.close();
    }
  });
});

describe('nobody can hold the server open', () => {
  const limits: Partial<ServerLimits> = {
    silentMs: 300,
    headersTimeoutMs: 300,
    requestTimeoutMs: 600,
    keepAliveTimeoutMs: 200,
    maxConnections: 3,
  };
  let s: Awaited<ReturnType<typeof verifyingServer>>;
  let port: number;
  beforeAll(async () => {
    s = await verifyingServer({ limits });
    port = (s.server.server.address() as AddressInfo).port;
  });
  afterAll(() => s.server.close());

  /** A raw connection: resolves with how long the server kept it open, and what it answered. */
  function connect(send: (socket: net.Socket) => void): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => send(socket));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ ms: Date.now() - started, answer }));
      setTimeout(() => socket.destroy(), 10_000);
    });
  }

  it('headers that never finish are cut off', async () => {
    const { ms } = await connect((socket) => socket.write('POST / HTTP/1.1\r\nHost: x\r\n'));
    expect(ms).toBeLessThan(2500);
  });

  it('a body sent one byte at a time is cut off by the request timeout', async () => {
    let timer: NodeJS.Timeout | undefined;
    const { ms, answer } = await connect((socket) => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
      timer = setInterval(() => socket.writable && socket.write('x'), 100);
    });
    clearInterval(timer);
    expect(ms).toBeLessThan(2500);
    expect(answer).not.toContain('200 OK');
    expect(s.skill.received).toHaveLength(0);
  });

  it('an idle kept-alive connection is closed', async () => {
    const { ms, answer } = await connect((socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(answer).toContain('200 OK');
    expect(ms).toBeLessThan(2000);
  });

  /** `n` open connections that first send `first` (nothing, when empty). */
  const openConnections = (n: number, first: string) =>
    Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => {
              if (first) socket.write(first);
              resolve(socket);
            });
            socket.on('error', () => undefined);
          }),
      ),
    );

  it('beyond the cap, the oldest silent connection makes room for a newcomer', async () => {
    const silent = await openConnections(3, '');
    await new Promise((r) => setTimeout(r, 50));
    const extra = await connect((socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(extra.answer).toContain('200 OK');
    expect(silent[0]!.destroyed || silent[0]!.readableEnded).toBe(true);
    for (const socket of silent) socket.destroy();
  });

  it('connections beyond the cap are refused at once when every one has started a request', async () => {
    const talking = await openConnections(3, 'POST / HTTP/1.1\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const extra = await connect((socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(extra.answer).toBe('');
    expect(Date.now() - started).toBeLessThan(150);
    for (const socket of talking) socket.destroy();
  });

  it('a connection that never sends a byte is closed after the silent limit', async () => {
    for (let i = 0; i < 50 && s.server.connections.open() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    const { ms, answer } = await connect(() => undefined);
    expect(answer).toBe('');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1000);
  });
});

describe('with --insecure-local-no-verify (verify: false)', () => {
  const skill = recordingSkill();
  const logger = recordingLogger();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ skill, skillId: SKILL_ID, verify: false, host: '127.0.0.1', port: 0, logger });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    skill.received.length = 0;
  });

  it('logs a loud structured warning', () => {
    expect(logger.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warn',
          event: 'serve.VERIFICATION_DISABLED',
          fields: expect.objectContaining({ verify: false }),
        }),
      ]),
    );
  });

  it('an unsigned request for our skill reaches the skill and gets 200 JSON', async () => {
    const res = await post(server.url, JSON.stringify(envelope()));
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.text)).toEqual(SKILL_RESPONSE);
    expect(skill.received).toHaveLength(1);
    expect(skill.received[0]!.context.System.application.applicationId).toBe(SKILL_ID);
  });

  it('still refuses another skill id', async () => {
    const res = await post(server.url, JSON.stringify(envelope({ skillId: OTHER_SKILL_ID })));
    expect(res.status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });
});

describe('refusing to start', () => {
  const skill = recordingSkill();

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com'])('no-verify on the non-loopback host %s', async (host) => {
    await expect(startServer({ skill, skillId: SKILL_ID, verify: false, host, port: 0, logger: recordingLogger() })).rejects.toThrow(
      ServeConfigError,
    );
  });

  it('no-verify from the command line on 0.0.0.0', () => {
    const cli = parseServeArgs(['--host', '0.0.0.0', '--insecure-local-no-verify']);
    expect(cli.verify).toBe(false);
    expect(() => checkServeSafety({ ...cli, skillId: SKILL_ID })).toThrow(/loopback/);
  });

  it('without SKILL_ID, unless --allow-any-skill on a loopback address', () => {
    expect(() => checkServeSafety({ host: '127.0.0.1', verify: true })).toThrow(/SKILL_ID/);
    expect(() => checkServeSafety({ host: '0.0.0.0', verify: true, allowAnySkill: true })).toThrow(/loopback/);
    expect(() => checkServeSafety({ host: '127.0.0.1', verify: true, allowAnySkill: true })).not.toThrow();
    expect(() => createServeApp({ skill, verify: true, logger: recordingLogger() })).toThrow(ServeConfigError);
  });

  it('unknown flags and bad ports', () => {
    expect(() => parseServeArgs(['--no-verify'])).toThrow(ServeConfigError);
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(ServeConfigError);
  });

  it('defaults: 127.0.0.1:3000 with verification on', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: 3000, verify: true, allowAnySkill: false });
  });

  it('knows what loopback is', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect([h, isLoopbackHost(h)]).toEqual([h, true]);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.example.com', ''])
      expect([h, isLoopbackHost(h)]).toEqual([h, false]);
  });
});
