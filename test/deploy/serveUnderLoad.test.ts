/**
 * The endpoint under anonymous load, over TLS on 127.0.0.1 (a server certificate for "localhost" from the
 * throwaway CA): silent connections must not keep Alexa out, and a flood of unsigned requests naming
 * certificate URLs must neither push the real certificate out of the cache nor cost a download each.
 *
 * Limits are the shipped defaults except where a test injects a short one (stated in its title); each
 * such test also checks that the default is short.
 */
import { randomBytes } from 'node:crypto';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SERVER_LIMITS } from '../../lambda/serve/server';
import { issue } from '../support/throwawayPki';
import { AMAZON, CERT_URL, envelope, pki, signed, useCertificateHost, verifyingServer } from './serveSupport';

const host = useCertificateHost();
const localhost = issue({ name: 'localhost', dnsNames: ['localhost'] }, pki.intermediate);
const tls = {
  cert: localhost.certPem + pki.intermediate.certPem,
  key: localhost.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

/** A POST over HTTPS that trusts only the throwaway CA; resolves with the status, or 0 when the connection failed. */
function postTls(url: string, body: string, headers: Record<string, string>, agent?: https.Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = https.request(
      url,
      {
        method: 'POST',
        agent,
        ca: pki.root.certPem,
        servername: 'localhost',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => req.destroy());
    req.end(body);
  });
}

const signedRequest = () => {
  const body = JSON.stringify({ ...envelope(), n: randomBytes(4).toString('hex') });
  return { body, headers: signed(body) };
};

/** Opens `n` TCP connections that never send a byte; resolves once all are connected. */
function silentConnections(port: number, n: number): Promise<net.Socket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Socket>((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
          socket.on('error', () => undefined);
        }),
    ),
  );
}

describe('silent connections cannot keep Alexa out', () => {
  test('the shipped limits are short: a silent connection goes within seconds, a TLS handshake must finish within seconds', () => {
    expect(SERVER_LIMITS.silentMs).toBeLessThanOrEqual(5000);
    expect(SERVER_LIMITS.handshakeTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  test('with 205 silent connections open (the cap is 200), a signed request is served within 10 s', async () => {
    const { server, skill } = await verifyingServer({ tls });
    const port = (server.server.address() as AddressInfo).port;
    const silent = await silentConnections(port, 205);
    try {
      const started = Date.now();
      const { body, headers } = signedRequest();
      expect(await postTls(server.url, body, headers)).toBe(200);
      const ms = Date.now() - started;
      expect(ms).toBeLessThan(10_000);
      expect(skill.received).toHaveLength(1);
      expect(server.connections.open()).toBeLessThanOrEqual(SERVER_LIMITS.maxConnections);
    } finally {
      for (const socket of silent) socket.destroy();
      await server.close();
    }
  });

  test('a TLS handshake that stalls after its first byte is cut off at the handshake timeout (300 ms here)', async () => {
    const { server } = await verifyingServer({ tls, limits: { handshakeTimeoutMs: 300 } });
    const port = (server.server.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const closedAfter = await new Promise<number>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from([0x16]))); // a TLS record header, no more
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(Date.now() - started));
        setTimeout(() => socket.destroy(), 5000).unref();
      });
      expect(closedAfter).toBeGreaterThanOrEqual(250);
      expect(closedAfter).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });
});

describe('a cache-busting flood from 8 unsigned clients', () => {
  test('at most 5% of signed requests are refused, and each normalized certificate URL is downloaded at most once', async () => {
    const { server, verifier, skill, logger } = await verifyingServer({ tls });
    const before = new Map(host.hits);
    const fakeSignature = randomBytes(256).toString('base64');
    // What an attacker can vary: fragments, queries, escapes and paths that do not exist.
    const floodUrl = (i: number): string =>
      [
        `${CERT_URL}#${i}`,
        `${CERT_URL}?v=${i}`,
        `${AMAZON}%65cho-api-cert-test.pem#${i}`,
        `${AMAZON}missing-${i % 40}.pem`,
        `${AMAZON}missing.pem#${i}`,
      ][i % 5] as string;
    const distinctFloodUrls = 1 + 40 + 1; // the real one, missing-0…39, missing

    let flooding = true;
    let floodRequests = 0;
    // Each client keeps 2 requests in flight on its own keep-alive connections.
    const flood = Array.from({ length: 8 }, async (_, c) => {
      const agent = new https.Agent({ keepAlive: true, maxSockets: 2 });
      await Promise.all(
        Array.from({ length: 2 }, async (_, lane) => {
          for (let i = c * 2 + lane; flooding; i += 16) {
            const body = JSON.stringify(envelope());
            floodRequests++;
            await postTls(server.url, body, { SignatureCertChainUrl: floodUrl(i), 'Signature-256': fakeSignature }, agent);
          }
        }),
      );
      agent.destroy();
    });

    const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 15; i++) {
          const { body, headers } = signedRequest();
          statuses.push(await postTls(server.url, body, headers, agent));
        }
      }),
    );
    flooding = false;
    await Promise.all(flood);
    agent.destroy();
    try {
      const refused = statuses.filter((st) => st !== 200).length;
      expect(statuses).toHaveLength(60);
      expect(refused / statuses.length).toBeLessThanOrEqual(0.05);
      expect(skill.received).toHaveLength(60 - refused);
      expect(floodRequests).toBeGreaterThan(2 * statuses.length);
      // Each path on the certificate host fetched at most once, and no more downloads than distinct URLs.
      const fetched = [...host.hits].map(([path, n]) => [path, n - (before.get(path) ?? 0)] as const).filter(([, n]) => n > 0);
      expect(fetched.filter(([, n]) => n > 1)).toEqual([]);
      expect(verifier.downloads()).toBeLessThanOrEqual(distinctFloodUrls);
      // The flood itself was refused, and said why without any of its input.
      expect(logger.reasons().filter((r) => /query/.test(r)).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
