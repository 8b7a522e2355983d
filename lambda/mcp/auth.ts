import { TokenRefusedError } from '../errors';
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { mcpPatientKey } from '../store/keys';
import { jwksFetch } from './jwksFetch';
import type { ProfileKey } from '../store/types';

/**
 * Who called, from a verified access token. Two tiers, as the Alexa+ MCP Toolkit asks:
 * - service: a client_credentials token (Alexa+ itself): may initialize and list tools, never touch a patient;
 * - patient: an authorization_code token for a person, whose data is keyed by the token's issuer and subject.
 */
export type Caller =
  | { readonly tier: 'service'; readonly clientId: string }
  | { readonly tier: 'patient'; readonly key: ProfileKey; readonly clientId: string | undefined };

export interface AuthSettings {
  /** The authorization server's issuer (the `iss` every token must carry). */
  readonly issuer: string;
  readonly jwksUri: string;
  /** The scope a patient token needs to read or write their aftercare. */
  readonly patientScope: string;
}

export { TokenRefusedError };

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const JWKS_TIMEOUT_MS = 1500;

/** Verifies a token meant for `audience`: this server's resource identifier (RFC 8707/9728). */
export type TokenVerifier = (token: string, audience: string) => Promise<Caller>;

/**
 * Checks signature (keys from the issuer's JWKS, cached across requests), issuer, audience, expiry and
 * not-before (jose), then the tier: a token whose subject is its own client is the service's, and so is
 * one without the patient scope. `now` is for tests that present a token after its expiry.
 */
export function createTokenVerifier(
  settings: AuthSettings,
  opts: { now?: () => Date; keys?: JWTVerifyGetKey; prefetchKeys?: boolean } = {},
): TokenVerifier {
  const remote = opts.keys
    ? undefined
    : createRemoteJWKSet(new URL(settings.jwksUri), { timeoutDuration: JWKS_TIMEOUT_MS, [customFetch]: jwksFetch });
  // A cold container's first token needs the keys: with prefetchKeys they are asked for now, while the rest
  // of the container is set up. A failure here is forgotten; the first verification simply asks again.
  if (remote && opts.prefetchKeys) remote.reload().catch(() => undefined);
  const keys = opts.keys ?? remote!;
  return async (token, audience) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        ...(opts.now && { currentDate: opts.now() }),
      }));
    } catch (e) {
      throw new TokenRefusedError(`token refused: ${e instanceof Error ? ((e as { code?: string }).code ?? e.name) : 'unknown'}`);
    }
    const sub = payload.sub as string;
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (sub === clientId || !scopes.includes(settings.patientScope)) return { tier: 'service', clientId: clientId ?? sub };
    return { tier: 'patient', key: mcpPatientKey(settings.issuer, sub), clientId };
  };
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header?.trim() ?? '');
  return m?.[1];
}
