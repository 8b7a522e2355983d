/**
 * The local OAuth 2.1 authorization server for the Alexa+ add-on: oidc-provider (OpenID Certified, from
 * npm), configured for the two tiers the Alexa+ MCP Toolkit uses — client_credentials for the service,
 * authorization_code + PKCE S256 for the patient — issuing JWT access tokens whose audience is the
 * resource asked for (RFC 8707). Local only: its login is oidc-provider's development form (any name
 * signs in, as that person), its keys are made fresh at each start.
 *
 * Run as its own process (`node --import tsx tools/authServerMain.ts`), because oidc-provider is an ES
 * module that jest's CommonJS runtime cannot load; tools/localAuthServer.ts starts it and reads the one
 * JSON line it prints. Options come as one JSON argument (LocalAuthServerOptions).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

export interface AuthServerOptions {
  readonly port: number;
  /** Resource indicators this server issues tokens for (the MCP server's URL, and any other the caller names). */
  readonly resources: readonly string[];
  readonly patientScope: string;
  readonly patientRedirectUri: string;
}

/** An import() that TypeScript's CommonJS output leaves alone, so Node loads the ES module itself. */
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: new (issuer: string, config: object) => OidcProvider; errors: { InvalidTarget: new () => Error } }>;
interface OidcProvider {
  callback(): (req: unknown, res: unknown) => void;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as AuthServerOptions;
  const { default: Provider, errors } = await importEsm('oidc-provider');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  const secret = () => randomBytes(24).toString('base64url');
  const service = { clientId: 'alexa-service', clientSecret: secret() };
  const patient = { clientId: 'alexa-patient', clientSecret: secret(), redirectUri: options.patientRedirectUri };

  const http = createServer();
  await new Promise<void>((resolve) => http.listen(options.port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: service.clientId,
        client_secret: service.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: patient.clientId,
        client_secret: patient.clientSecret,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [patient.redirectUri],
      },
    ],
    // What the Toolkit uses and nothing more: the code flow (with refresh) for patients and client
    // credentials for the service tier — no implicit or hybrid response types — and the add-on's own scope.
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', options.patientScope],
    jwks: { keys: [signingKey] },
    cookies: { keys: [secret()] },
    // PKCE for every authorization code, S256 only (oidc-provider's sole method).
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx: unknown, _client: unknown, oneOf?: string[]) => oneOf ?? options.resources[0],
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (!options.resources.includes(resource)) throw new errors.InvalidTarget();
          return {
            scope: options.patientScope,
            audience: resource,
            accessTokenTTL: 3600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  });
  http.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer, service, patient })}\n`);
  // Ends with its parent: stdin closes when the starting process goes away.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
