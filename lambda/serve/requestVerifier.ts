/**
 * Amazon's rules for a request to a self-hosted skill endpoint, checked in the order that costs least:
 * the signature header's shape, the timestamp (within 150 s of now, either way; unparseable is
 * refused), the certificate URL (normalized first: see certificateUrl.ts), then — only when no cached
 * answer exists for that URL — the certificate chain, downloaded with a short deadline and a size
 * limit, and finally the Signature-256 over the exact body bytes.
 *
 * What anonymous requests can cost is bounded: one download in flight per normalized URL and a few in
 * all; good chains cached until they expire, apart from failures, so failed URLs can never push a good
 * certificate out; a URL that failed is refused without a download for a short while.
 *
 * The trust roots and the download are injectable for tests only (a throwaway CA and a certificate host
 * on 127.0.0.1); the defaults are Node's public roots and a real HTTPS download from Amazon's host.
 */
import { createVerify, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { RequestRefusedError } from '../errors';
import { checkChain, downloadCertificate, type CertificateDownload, type CheckedChain } from './certificateChain';
import { normalizeCertificateUrl } from './certificateUrl';

export interface VerifierLimits {
  /** How far the request's timestamp may be from now, either way (Amazon: 150 s). */
  readonly toleranceMs: number;
  /** A certificate download that takes longer is abandoned, and every request waiting on it refused. */
  readonly downloadTimeoutMs: number;
  /** A certificate chain larger than this is not read (Amazon's is about 6 KB). */
  readonly maxCertificateBytes: number;
  /** Good chains kept (by normalized URL, least recently used dropped first). Failures never count here. */
  readonly cacheEntries: number;
  /** Downloads of different URLs at once; a request naming yet another URL is refused meanwhile. */
  readonly downloadsInFlight: number;
  /** A URL whose download or chain failed is refused without a download for this long. */
  readonly failedUrlTtlMs: number;
  /** Failed URLs remembered (oldest dropped first). */
  readonly failedUrlEntries: number;
}

export const VERIFIER_LIMITS: VerifierLimits = {
  toleranceMs: 150_000,
  downloadTimeoutMs: 2000,
  maxCertificateBytes: 64 * 1024,
  cacheEntries: 16,
  downloadsInFlight: 4,
  failedUrlTtlMs: 10_000,
  failedUrlEntries: 4096,
};

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

/** An RSA signature in base64, of a size some real key makes (1024 to 8192 bits): anything else is not worth a download. */
export function checkSignatureShape(signature: string): void {
  const ok = /^[A-Za-z0-9+/]+={0,2}$/.test(signature) && signature.length % 4 === 0 && signature.length >= 172 && signature.length <= 1368;
  if (!ok) throw new RequestRefusedError('signature is not an RSA signature in base64');
}

const header = (headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined => {
  const v = headers[name.toLowerCase()];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** Drops the oldest entries of a Map (insertion order) beyond `max`. */
function trim<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}

export function createRequestVerifier(opts: VerifierOptions = {}): RequestVerifier {
  const limits = { ...VERIFIER_LIMITS, ...opts.limits };
  const now = opts.now ?? (() => Date.now());
  const download = opts.download ?? downloadCertificate;
  const roots = (opts.trustRoots ?? rootCertificates).map((pem) => new X509Certificate(pem));
  const good = new Map<string, CheckedChain>();
  const failed = new Map<string, { until: number; reason: string }>();
  const inFlight = new Map<string, Promise<CheckedChain>>();
  /** URLs that once gave a good chain: renewing them never waits for a free download slot. */
  const proven = new Map<string, true>();
  let downloads = 0;

  function cached(key: string): CheckedChain | undefined {
    const hit = good.get(key);
    if (!hit) return undefined;
    good.delete(key);
    if (now() > hit.validUntil) return undefined;
    good.set(key, hit); // most recently used last
    return hit;
  }

  function refusedRecently(key: string): void {
    const miss = failed.get(key);
    if (!miss) return;
    if (now() < miss.until && !proven.has(key)) throw new RequestRefusedError(`${miss.reason} (recently)`);
    failed.delete(key);
  }

  async function fetchChain(url: URL): Promise<CheckedChain> {
    const key = url.href;
    const hit = cached(key);
    if (hit) return hit;
    refusedRecently(key);
    const pending = inFlight.get(key);
    if (pending) return pending;
    if (inFlight.size >= limits.downloadsInFlight && !proven.has(key))
      throw new RequestRefusedError('too many certificate downloads at once');
    downloads++;
    const signal = AbortSignal.timeout(limits.downloadTimeoutMs);
    // The race guarantees the deadline even for a download that ignores its signal.
    const deadline = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(new RequestRefusedError('certificate download timed out')), { once: true }),
    );
    deadline.catch(() => undefined);
    const loading = Promise.race([download(url, { signal, maxBytes: limits.maxCertificateBytes }), deadline])
      .then((pem) => {
        const checked = checkChain(pem, roots, now());
        good.set(key, checked);
        trim(good, limits.cacheEntries);
        proven.set(key, true);
        trim(proven, limits.cacheEntries);
        return checked;
      })
      .catch((e: unknown) => {
        const reason = e instanceof RequestRefusedError ? e.reason : 'certificate download failed';
        failed.set(key, { until: now() + limits.failedUrlTtlMs, reason });
        trim(failed, limits.failedUrlEntries);
        throw e instanceof RequestRefusedError ? e : new RequestRefusedError(reason);
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, loading);
    return loading;
  }

  return {
    downloads: () => downloads,
    async verify(body, headers) {
      const signature = header(headers, 'signature-256');
      const certUrl = header(headers, 'signaturecertchainurl');
      if (!signature || !certUrl) throw new RequestRefusedError('signature headers missing');
      checkSignatureShape(signature);
      checkTimestamp(body, now(), limits.toleranceMs);
      const { leaf } = await fetchChain(normalizeCertificateUrl(certUrl));
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
