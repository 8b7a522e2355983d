/**
 * `npm run mcp -- [--port N]`: the Alexa+ add-on on this machine, on 127.0.0.1 — the MCP server (Streamable
 * HTTP at /mcp), a real OAuth 2.1 authorization server (oidc-provider, on port N+1 when --port is given)
 * and dynalite (in memory: nothing survives a stop). Prints the URLs and the clients' credentials, and
 * writes them to .local-data/mcp.json for the local test client (`npm run mcp:client`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalMcp } from '../tools/localMcp';

export const CONNECTION_FILE = join(__dirname, '..', '.local-data', 'mcp.json');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65534) throw new Error('--port takes a port number');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const local = await startLocalMcp({ port, authPort: port === 0 ? 0 : port + 1 });
  const connection = { mcpUrl: local.mcp.url, issuer: local.auth.issuer, service: local.auth.service, patient: local.auth.patient };
  mkdirSync(join(CONNECTION_FILE, '..'), { recursive: true });
  writeFileSync(CONNECTION_FILE, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600 });

  const origin = new URL(local.mcp.url).origin;
  console.log(`Alexa+ add-on, local (Ctrl-C to stop):
  MCP server (Streamable HTTP)      ${local.mcp.url}
  Protected Resource Metadata        ${origin}/.well-known/oauth-protected-resource/mcp
  Authorization server (oidc-provider) ${local.auth.issuer}
  Authorization server metadata      ${local.auth.issuer}/.well-known/oauth-authorization-server
  Service client (client_credentials)  ${local.auth.service.clientId} / ${local.auth.service.clientSecret}
  Patient client (code + PKCE S256)    ${local.auth.patient.clientId} / ${local.auth.patient.clientSecret}, redirect ${local.auth.patient.redirectUri}
  DynamoDB (dynalite, in memory)     ${local.dynamo.endpoint}

Local test client (signs in on the login page as the name you give; any name is a patient):
  npm run mcp:client -- --as service tools
  npm run mcp:client -- --as alice set_treatment_date '{"date":"2026-11-24"}'
  npm run mcp:client -- --as alice can_i '{"activity":"makeup","day":3}'
  npm run mcp:client -- --as alice forget_me '{"confirmed":true}'`);

  const stop = async () => {
    rmSync(CONNECTION_FILE, { force: true });
    await local.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
