import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, customFetch, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { createTokenVerifier } from '../../lambda/mcp/auth';
import { jwksFetch } from '../../lambda/mcp/jwksFetch';

/** A local key server whose answer each test sets: what the add-on's JWKS request meets on the wire. */
let server: Server;
let base: string;
let answer: (res: import('node:http').ServerResponse) => void;
let seenHeaders: Record<string, unknown> = {};
let requests = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    seenHeaders = req.headers;
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (url = `${base}/jwks`, timeoutMs = 1000) =>
  jwksFetch(url, {
    method: 'GET',
    redirect: 'manual',
    headers: new Headers({ 'user-agent': 'jose-test' }),
    signal: AbortSignal.timeout(timeoutMs),
  });

test('a token signed by a key from the served set verifies, through jose with this fetch', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject('p')
    .setExpirationTime('5m')
    .sign(privateKey);
  const keys = createRemoteJWKSet(new URL(`${base}/jwks`), { [customFetch]: jwksFetch });
  await expect(jwtVerify(token, keys)).resolves.toMatchObject({ payload: { sub: 'p' } });
  expect(seenHeaders['user-agent']).toMatch(/^jose\//); // jose's own request headers reach the server
});

test.each([
  ['a redirect is not followed', 302],
  ['a server error is passed on', 503],
])('%s: jose sees the status, not another answer', async (_, status) => {
  answer = (res) => res.writeHead(status, { location: 'http://127.0.0.1:1/elsewhere' }).end();
  expect((await send()).status).toBe(status);
});

test('a key server that never answers is given up at the deadline, as a timeout', async () => {
  answer = () => undefined; // hold the request open
  const started = Date.now();
  await expect(send(undefined, 50)).rejects.toMatchObject({ name: 'TimeoutError' });
  expect(Date.now() - started).toBeLessThan(1000);
});

test('an oversized answer is refused rather than read into memory', async () => {
  answer = (res) => res.writeHead(200).end(Buffer.alloc(300 * 1024, 'x'));
  await expect(send()).rejects.toThrow(/too large/);
});

test('nothing listening: the connection error is passed on', async () => {
  await expect(send('http://127.0.0.1:1/jwks')).rejects.toThrow();
});

test('a container asks for the keys as it starts, once: the first token is checked with them, no second fetch', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  const settings = { issuer: 'https://issuer.example', jwksUri: `${base}/jwks`, patientScope: 'aftercare' };
  requests = 0;
  const verify = createTokenVerifier(settings, { prefetchKeys: true });
  await new Promise((resolve) => setTimeout(resolve, 100)); // the container's other set-up
  expect(requests).toBe(1);
  const token = await new SignJWT({ scope: 'aftercare', client_id: 'alexa' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(settings.issuer)
    .setAudience('https://mcp.example/mcp')
    .setSubject('patient-1')
    .setExpirationTime('5m')
    .sign(privateKey);
  await expect(verify(token, 'https://mcp.example/mcp')).resolves.toMatchObject({ tier: 'patient' });
  expect(requests).toBe(1);
});

test('a failed early fetch is forgotten: the first token asks for the keys again', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' };
  answer = (res) => res.writeHead(503).end();
  const settings = { issuer: 'https://issuer.example', jwksUri: `${base}/jwks`, patientScope: 'aftercare' };
  requests = 0;
  const verify = createTokenVerifier(settings, { prefetchKeys: true });
  await new Promise((resolve) => setTimeout(resolve, 100));
  answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  const token = await new SignJWT({ scope: 'aftercare' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
    .setIssuer(settings.issuer)
    .setAudience('https://mcp.example/mcp')
    .setSubject('patient-2')
    .setExpirationTime('5m')
    .sign(privateKey);
  await expect(verify(token, 'https://mcp.example/mcp')).resolves.toMatchObject({ tier: 'patient' });
  expect(requests).toBe(2);
});
