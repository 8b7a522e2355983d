/**
 * Amazon's rules for a request to a self-hosted skill endpoint, checked in the order that costs least:
 * the timestamp (within 150 s of now, either way; unparseable is refused), then the certificate URL
 * (normalized first, so `/echo.api/../evil.pem` is refused before anything is fetched), then the
 * certificate chain (downloaded with a short deadline and a size limit, one download in flight per URL,
 * cached until the certificate expires), then the Signature-256 over the exact body bytes.
 *
 * The trust roots and the download are injectable for tests only (a throwaway CA and a certificate host
 * on 127.0.0.1); the defaults are Node's public roots and a real HTTPS download from Amazon's host.
 */
import { createVerify, X509Certificate } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { rootCertificates } from 'node:tls';

/** A request Amazon's rules refuse; `reason` is ours (no input in it), safe to log and to answer. */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Downloads a certificate chain (PEM), at most `maxBytes`, giving up when `signal` aborts. */
export type CertificateDownload = (url: URL, opts: { readonly signal: AbortSignal; readonly maxBytes: number }) => Promise<string>;

export interface VerifierLimits {
  /** How far the request's timestamp may be from now, either way (Amazon: 150 s). */
  readonly toleranceMs: number;
  /** A certificate download that takes longer is abandoned, and every request waiting on it refused. */
  readonly downloadTimeoutMs: number;
  /** A certificate chain larger than this is not read (Amazon's is about 6 KB). */
  readonly maxCertificateBytes: number;
  /** Certificates kept (by URL); the oldest is dropped beyond this. */
  readonly cacheEntries: number;
  /** Downloads of different URLs at once; a request naming yet another URL is refused meanwhile. */
  readonly downloadsInFlight: number;
}

export const VERIFIER_LIMITS: VerifierLimits = { toleranceMs: 150_000, downloadTimeoutMs: 2000, maxCertificateBytes: 64 * 1024, cacheEntries: 16, downloadsInFlight: 4 };

export interface VerifierOptions {
  /** PEM roots a chain must end in. Default: Node's bundled public roots. Tests only: a throwaway CA. */
  readonly trustRoots?: readonly string[];
  /** Default: an HTTPS GET. Tests only: a certificate host on 127.0.0.1. */
  readonly download?: CertificateDownload;
  readonly now?: () => number;
  readonly limits?: Partial<VerifierLimits>;
}

export interface RequestVerifier {
  /** Resolves when the request may reach the skill; throws RequestRefusedError otherwise. */
  verify(body: string, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<void>;
  /** Downloads started so far (for tests and the log). */
  readonly downloads: () => number;
}

/** The only certificate subject Amazon signs requests with. */
const SIGNING_NAME = 'echo-api.amazon.com';

/**
 * The certificate URL after normalization, or a refusal: https, host s3.amazonaws.com (any case), port
 * 443 if given, and a path under /echo.api/ once dot segments are resolved.
 */
export function checkCertificateUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RequestRefusedError('certificate URL is not a URL');
  }
  // WHATWG URL parsing lower-cases scheme and host, drops a default port and resolves ".." (also %2e%2e).
  if (url.protocol !== 'https:') throw new RequestRefusedError('certificate URL is not https');
  if (url.hostname !== 's3.amazonaws.com') throw new RequestRefusedError('certificate URL is not on s3.amazonaws.com');
  if (url.port !== '' && url.port !== '443') throw new RequestRefusedError('certificate URL names another port');
  if (!url.pathname.startsWith('/echo.api/')) throw new RequestRefusedError('certificate URL is not under /echo.api/');
  if (url.username || url.password) throw new RequestRefusedError('certificate URL carries credentials');
  return url;
}

/** The request's timestamp is within `toleranceMs` of now, either way; anything unparseable is refused. */
export function checkTimestamp(body: string, now: number, toleranceMs: number): void {
  let timestamp: unknown;
  try {
    timestamp = (JSON.parse(body) as { request?: { timestamp?: unknown } } | null)?.request?.timestamp;
  } catch {
    throw new RequestRefusedError('body is not JSON');
  }
  // Alexa sends an ISO 8601 instant; a bare number or a date without a time is not one.
  const iso = typeof timestamp === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(timestamp);
  const at = iso ? Date.parse(timestamp as string) : Number.NaN;
  if (Number.isNaN(at)) throw new RequestRefusedError('timestamp missing or unparseable');
  if (Math.abs(now - at) > toleranceMs) throw new RequestRefusedError('timestamp outside 150 seconds of now');
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The chain's signing certificate, checked as Amazon requires: each certificate valid now and signed
 * by the next, every issuer a CA, the last one issued by (or equal to) a trusted root, and the first
 * one naming echo-api.amazon.com. Returns it with the instant the chain stops being valid.
 */
export function checkChain(pem: string, roots: readonly X509Certificate[], now: number): { leaf: X509Certificate; validUntil: number } {
  let chain: X509Certificate[];
  try {
    chain = (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
  } catch {
    throw new RequestRefusedError('certificate chain is not readable');
  }
  const leaf = chain[0];
  if (!leaf) throw new RequestRefusedError('certificate chain is empty');
  let validUntil = Infinity;
  for (const [i, cert] of chain.entries()) {
    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    if (!(from <= now && now <= to)) throw new RequestRefusedError('certificate not valid now');
    validUntil = Math.min(validUntil, to);
    const issuer = chain[i + 1];
    if (issuer && !(issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey))) throw new RequestRefusedError('certificate chain is broken');
  }
  const top = chain[chain.length - 1] as X509Certificate;
  const anchored = roots.some((root) => root.fingerprint256 === top.fingerprint256 || (root.ca && top.checkIssued(root) && top.verify(root.publicKey)));
  if (!anchored) throw new RequestRefusedError('certificate chain does not end in a trusted root');
  const names = (leaf.subjectAltName ?? '').split(',').map((n) => n.trim());
  if (!names.includes(`DNS:${SIGNING_NAME}`)) throw new RequestRefusedError('certificate is not for echo-api.amazon.com');
  return { leaf, validUntil };
}

/** An HTTP(S) GET that reads at most `maxBytes` and stops at once when `signal` aborts. */
export const downloadCertificate: CertificateDownload = (url, { signal, maxBytes }) =>
  new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    const req = get(url, { signal, headers: { accept: 'application/x-pem-file, */*' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        req.destroy();
        reject(new RequestRefusedError('certificate download failed'));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (declared > maxBytes) {
        req.destroy();
        reject(new RequestRefusedError('certificate too large'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy();
          reject(new RequestRefusedError('certificate too large'));
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', () => reject(new RequestRefusedError('certificate download failed')));
    });
    req.on('error', () => reject(new RequestRefusedError(signal.aborted ? 'certificate download timed out' : 'certificate download failed')));
  });

const header = (headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined => {
  const v = headers[name.toLowerCase()];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

export function createRequestVerifier(opts: VerifierOptions = {}): RequestVerifier {
  const limits = { ...VERIFIER_LIMITS, ...opts.limits };
  const now = opts.now ?? (() => Date.now());
  const download = opts.download ?? downloadCertificate;
  const roots = (opts.trustRoots ?? rootCertificates).map((pem) => new X509Certificate(pem));
  const cache = new Map<string, { leaf: X509Certificate; validUntil: number }>();
  const inFlight = new Map<string, Promise<{ leaf: X509Certificate; validUntil: number }>>();
  let downloads = 0;

  async function fetchChain(url: URL): Promise<{ leaf: X509Certificate; validUntil: number }> {
    const key = url.href;
    const cached = cache.get(key);
    if (cached && now() <= cached.validUntil) return cached;
    cache.delete(key);
    const pending = inFlight.get(key);
    if (pending) return pending;
    if (inFlight.size >= limits.downloadsInFlight) throw new RequestRefusedError('too many certificate downloads at once');
    downloads++;
    const signal = AbortSignal.timeout(limits.downloadTimeoutMs);
    // The race guarantees the deadline even for a download that ignores its signal.
    const deadline = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(new RequestRefusedError('certificate download timed out')), { once: true }),
    );
    const loading = Promise.race([download(url, { signal, maxBytes: limits.maxCertificateBytes }), deadline])
      .then((pem) => {
        const checked = checkChain(pem, roots, now());
        cache.set(key, checked);
        while (cache.size > limits.cacheEntries) cache.delete(cache.keys().next().value as string);
        return checked;
      })
      .finally(() => inFlight.delete(key));
    deadline.catch(() => undefined);
    inFlight.set(key, loading);
    return loading;
  }

  return {
    downloads: () => downloads,
    async verify(body, headers) {
      const signature = header(headers, 'signature-256');
      const certUrl = header(headers, 'signaturecertchainurl');
      if (!signature || !certUrl) throw new RequestRefusedError('signature headers missing');
      checkTimestamp(body, now(), limits.toleranceMs);
      const url = checkCertificateUrl(certUrl);
      const { leaf } = await fetchChain(url);
      let valid = false;
      try {
        valid = createVerify('RSA-SHA256').update(body, 'utf8').verify(leaf.publicKey, signature, 'base64');
      } catch {
        valid = false;
      }
      if (!valid) throw new RequestRefusedError('signature does not match the body');
    },
  };
}
