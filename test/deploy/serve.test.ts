/**
 * `npm run serve` as a web-service endpoint: what reaches the skill and what is refused.
 *
 * The skill here is a stand-in that only records whether a request ever reached it (and answers a fixed
 * response): these tests are about the server's gate, not about the skill, whose behaviour has its own tests.
 *
 * A request *validly signed by Amazon* cannot be produced here (it needs Amazon's private key and a
 * certificate chain to a public root, downloaded from s3.amazonaws.com/echo.api/). So the certificate
 * download + chain check is replaced by a test key pair (`_loadCertChain` below), and everything after it
 * is the adapter's real code: the Signature-256 check over the exact body bytes, the 150 s timestamp
 * window, our skill-id check. A correctly signed request getting 200 shows the refusals are the
 * verification's doing, not a broken setup. No test touches the network beyond 127.0.0.1.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SkillRequestSignatureVerifier } from 'ask-sdk-express-adapter';
import {
  checkServeSafety,
  createServeApp,
  isLoopbackHost,
  parseServeArgs,
  ServeConfigError,
  startServer,
  type RunningServer,
  type ServeLogger,
} from '../../scripts/serve';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
const OTHER_SKILL_ID = 'amzn1.ask.skill.99999999-9999-9999-9999-999999999999';
const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Stands in for Amazon's certificate (download + chain validation); nothing here may reach the network. */
beforeAll(() => {
  jest.spyOn(SkillRequestSignatureVerifier.prototype as any, '_loadCertChain').mockImplementation(async () => PUBLIC_PEM);
  jest
    .spyOn(SkillRequestSignatureVerifier.prototype as any, '_getCertChainByUrl')
    .mockImplementation(async () => {
      throw new Error('network access in a test');
    });
});
afterAll(() => jest.restoreAllMocks());

function envelope(opts: { skillId?: string; sessionSkillId?: string; ageSeconds?: number } = {}): RequestEnvelope {
  const skillId = opts.skillId ?? SKILL_ID;
  const timestamp = new Date(Date.now() - (opts.ageSeconds ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
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

const sign = (body: string): string => createSign('RSA-SHA256').update(body, 'utf8').sign(privateKey, 'base64');

const SKILL_RESPONSE: ResponseEnvelope = {
  version: '1.0',
  response: { outputSpeech: { type: 'PlainText', text: 'reached the skill' }, shouldEndSession: true },
};

/** The stand-in skill: counts invocations, nothing else. */
function recordingSkill() {
  const received: RequestEnvelope[] = [];
  return {
    received,
    invoke: async (e: RequestEnvelope) => {
      received.push(e);
      return SKILL_RESPONSE;
    },
  };
}

function recordingLogger(): ServeLogger & { lines: Array<{ level: string; event: string; fields?: object }> } {
  const lines: Array<{ level: string; event: string; fields?: object }> = [];
  return {
    lines,
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => lines.push({ level: 'error', event, fields }),
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

const signed = (body: string) => ({ SignatureCertChainUrl: CERT_URL, 'Signature-256': sign(body) });

describe('with verification on (the default)', () => {
  const skill = recordingSkill();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ skill, skillId: SKILL_ID, verify: true, host: '127.0.0.1', port: 0, logger: recordingLogger() });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    skill.received.length = 0;
  });

  it('control: a correctly signed, fresh request for our skill reaches the skill and gets its JSON', async () => {
    const body = JSON.stringify(envelope());
    const res = await post(server.url, body, signed(body));
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.text)).toEqual(SKILL_RESPONSE);
    expect(skill.received).toHaveLength(1);
  });

  it('an unsigned request is refused with 400 and never reaches the skill', async () => {
    const res = await post(server.url, JSON.stringify(envelope()));
    expect(res.status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });

  it('a signature without its certificate URL, or with a non-Amazon one, is refused', async () => {
    const body = JSON.stringify(envelope());
    expect((await post(server.url, body, { 'Signature-256': sign(body) })).status).toBe(400);
    const elsewhere = { SignatureCertChainUrl: 'https://example.com/echo.api/cert.pem', 'Signature-256': sign(body) };
    expect((await post(server.url, body, elsewhere)).status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });

  it('a tampered body with the original signature is refused with 400 and never reaches the skill', async () => {
    const body = JSON.stringify(envelope());
    const headers = signed(body);
    const tampered = body.replace('LaunchRequest', 'SessionEndedRequest');
    expect(tampered).not.toBe(body);
    const res = await post(server.url, tampered, headers);
    expect(res.status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });

  it('a stale request (timestamp more than 150 s old), even correctly signed, is refused with 400', async () => {
    const body = JSON.stringify(envelope({ ageSeconds: 151 + 30 }));
    const res = await post(server.url, body, signed(body));
    expect(res.status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });

  it('a correctly signed request for another skill id is refused with 400 and never reaches the skill', async () => {
    for (const e of [envelope({ skillId: OTHER_SKILL_ID }), envelope({ sessionSkillId: OTHER_SKILL_ID })]) {
      const body = JSON.stringify(e);
      const res = await post(server.url, body, signed(body));
      expect(res.status).toBe(400);
    }
    expect(skill.received).toHaveLength(0);
  });

  it('a body that is not JSON is refused with 400', async () => {
    const body = 'not json';
    expect((await post(server.url, body, signed(body))).status).toBe(400);
    expect(skill.received).toHaveLength(0);
  });

  it('answers the health probe without touching the skill', async () => {
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
    expect(skill.received).toHaveLength(0);
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
      expect.arrayContaining([expect.objectContaining({ level: 'warn', event: 'serve.VERIFICATION_DISABLED', fields: expect.objectContaining({ verify: false }) })]),
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
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect([h, isLoopbackHost(h)]).toEqual([h, true]);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.example.com', '']) expect([h, isLoopbackHost(h)]).toEqual([h, false]);
  });
});
