import { X509Certificate } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { RequestRefusedError } from '../errors';

/** The only certificate subject Amazon signs requests with. */
const SIGNING_NAME = 'echo-api.amazon.com';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface CheckedChain {
  readonly leaf: X509Certificate;
  /** The instant the first certificate of the chain stops being valid: the cache keeps it until then. */
  readonly validUntil: number;
}

/**
 * The chain's signing certificate, checked as Amazon requires: each certificate valid now and signed
 * by the next, every issuer a CA, the last one issued by (or equal to) a trusted root, and the first
 * one naming echo-api.amazon.com.
 */
export function checkChain(pem: string, roots: readonly X509Certificate[], now: number): CheckedChain {
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
    if (issuer && !(issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey)))
      throw new RequestRefusedError('certificate chain is broken');
  }
  const top = chain[chain.length - 1] as X509Certificate;
  const anchored = roots.some(
    (root) => root.fingerprint256 === top.fingerprint256 || (root.ca && top.checkIssued(root) && top.verify(root.publicKey)),
  );
  if (!anchored) throw new RequestRefusedError('certificate chain does not end in a trusted root');
  const names = (leaf.subjectAltName ?? '').split(',').map((n) => n.trim());
  if (!names.includes(`DNS:${SIGNING_NAME}`)) throw new RequestRefusedError('certificate is not for echo-api.amazon.com');
  return { leaf, validUntil };
}

/** Downloads a certificate chain (PEM), at most `maxBytes`, giving up when `signal` aborts. */
export type CertificateDownload = (url: URL, opts: { readonly signal: AbortSignal; readonly maxBytes: number }) => Promise<string>;

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
    req.on('error', () =>
      reject(new RequestRefusedError(signal.aborted ? 'certificate download timed out' : 'certificate download failed')),
    );
  });
