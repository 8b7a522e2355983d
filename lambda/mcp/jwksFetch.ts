import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FetchImplementation } from 'jose';

/** The largest key set we read; an authorization server's JWKS is a few KB. */
const MAX_BYTES = 256 * 1024;

/**
 * The JWKS request as jose's `customFetch` (a GET, no redirects, an abort signal), made with node:http(s)
 * instead of the global fetch: the first fetch in a process compiles undici's HTTP parser, a WebAssembly
 * module, and that compilation kept a cold add-on busy ~100 ms past its answer (docs/PERFORMANCE.md).
 * Everything else — status check, JSON, caching, cooldown, the timeout — stays jose's.
 */
export const jwksFetch: FetchImplementation = (url, options) =>
  new Promise((resolve, reject) => {
    const { signal } = options;
    const send = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers: Object.fromEntries(options.headers.entries()), signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) req.destroy(new Error('JWKS response too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
      res.on('error', reject);
    });
    // An abort is jose's timeout: hand back its reason (a TimeoutError), which jose reports as JWKSTimeout.
    req.on('error', (e) => reject(signal?.aborted ? signal.reason : e));
    req.end();
  });
