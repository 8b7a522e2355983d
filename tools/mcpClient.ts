import { createHash, randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/**
 * A local test client for the Alexa+ add-on, doing over HTTP what Alexa+ does: discovery from the MCP
 * server's Protected Resource Metadata, a service token (client_credentials), a patient's account linking
 * (authorization code + PKCE S256 through the authorization server's own login and consent pages, no
 * browser), then MCP calls with the SDK's own Client. Used by the tests and by `npm run mcp:client`.
 */
export interface Discovery {
  readonly resource: { resource: string; authorization_servers: string[]; scopes_supported?: string[] } & Record<string, unknown>;
  readonly authorizationServer: {
    issuer: string;
    token_endpoint: string;
    authorization_endpoint: string;
    grant_types_supported?: string[];
    code_challenge_methods_supported?: string[];
  } & Record<string, unknown>;
}

export async function discover(mcpUrl: string): Promise<Discovery> {
  const url = new URL(mcpUrl);
  const resource = (await getJson(new URL(`/.well-known/oauth-protected-resource${url.pathname}`, url))) as Discovery['resource'];
  const issuer = resource.authorization_servers[0];
  if (!issuer) throw new Error('no authorization server in the resource metadata');
  const authorizationServer = (await getJson(
    new URL('/.well-known/oauth-authorization-server', issuer),
  )) as Discovery['authorizationServer'];
  return { resource, authorizationServer };
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The Alexa+ service tier's token: client_credentials, for this resource. */
export async function serviceToken(
  d: Discovery,
  client: ClientCredentials,
  opts: { resource?: string; scope?: string } = {},
): Promise<string> {
  return tokenRequest(d, client, {
    grant_type: 'client_credentials',
    resource: opts.resource ?? d.resource.resource,
    ...(opts.scope && { scope: opts.scope }),
  });
}

/**
 * A patient's token: the authorization code flow with PKCE S256, signing in as `login` on the server's
 * login page and granting consent, following its redirects with a cookie jar.
 */
export async function patientToken(
  d: Discovery,
  client: ClientCredentials & { readonly redirectUri: string },
  login: string,
  opts: { resource?: string; scope?: string } = {},
): Promise<string> {
  const resource = opts.resource ?? d.resource.resource;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const start = new URL(d.authorizationServer.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: opts.scope ?? d.resource.scopes_supported?.join(' ') ?? '',
    resource,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) start.searchParams.set(k, v);

  const jar = new Map<string, string>();
  let next: { url: URL; init?: RequestInit } = { url: start };
  for (let step = 0; step < 12; step++) {
    const res = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...(next.init?.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const target = new URL(location, next.url);
      if (target.href.startsWith(client.redirectUri)) {
        if (target.searchParams.get('state') !== state) throw new Error('state mismatch');
        const code = target.searchParams.get('code');
        if (!code) throw new Error(`authorization failed: ${target.searchParams.get('error') ?? 'no code'}`);
        return tokenRequest(d, client, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: client.redirectUri,
          code_verifier: verifier,
          resource,
        });
      }
      next = { url: target };
      continue;
    }
    // An interaction page: the login form, then the consent form. Fill and submit it as a person would.
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page from the authorization server (${res.status})`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'local' } : { prompt });
    next = {
      url: new URL(action.replace(/&amp;/g, '&'), next.url),
      init: { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    };
  }
  throw new Error('too many steps in the authorization flow');
}

/** The SDK's own Client over Streamable HTTP, sending this access token (or none). */
export async function connect(mcpUrl: string, token: string | undefined): Promise<Client> {
  const client = new Client({ name: 'aftercare-local-test-client', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(
    new URL(mcpUrl),
    token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {},
  );
  await client.connect(transport);
  return client;
}

async function tokenRequest(d: Discovery, client: ClientCredentials, body: Record<string, string>): Promise<string> {
  const res = await fetch(d.authorizationServer.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(body).toString(),
  });
  const out = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !out.access_token)
    throw new Error(`token request refused: ${out.error ?? res.status} ${out.error_description ?? ''}`.trim());
  return out.access_token;
}

async function getJson(url: URL): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return res.json();
}
