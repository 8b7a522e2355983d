import { RequestRefusedError } from '../errors';

/**
 * Amazon's rules for the SignatureCertChainUrl header: https, host s3.amazonaws.com (any case), port
 * 443 if one is given, and a path under /echo.api/ (case-sensitive) once dot segments are resolved.
 * Amazon's URLs carry neither a query nor user info, so both are refused; a fragment is never sent to
 * the server, so it is dropped.
 *
 * The result is also the certificate cache's key, so every spelling that names the same object on the
 * certificate host must come out the same: otherwise `…pem#1`, `…pem#2`, `…%65cho-api…` would each
 * cost a download and push the real certificate out of the cache.
 */
export function normalizeCertificateUrl(raw: string): URL {
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
  if (url.username || url.password || /^https:\/\/[^/]*@/i.test(raw.trim()))
    throw new RequestRefusedError('certificate URL carries user info');
  url.hash = '';
  // `…pem?` parses to an empty search but is still a query: refused like any other.
  if (url.search !== '' || url.href.includes('?')) throw new RequestRefusedError('certificate URL carries a query');
  // Percent-encoded unreserved characters name the same object ("%65" is "e"); other escapes get
  // upper-case hex. Resolving again catches dot segments that only appear once decoded.
  const path = url.pathname.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${hex.toUpperCase()}`;
  });
  const normalized = new URL(path, 'https://s3.amazonaws.com');
  if (!normalized.pathname.startsWith('/echo.api/')) throw new RequestRefusedError('certificate URL is not under /echo.api/');
  return normalized;
}
