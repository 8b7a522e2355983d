/**
 * `npm run mcp:client -- --as <service|name> <tools|tool> ['{json arguments}']`: the local test client
 * against a running `npm run mcp` (reads .local-data/mcp.json). `--as service` uses the client_credentials
 * tier; any other name signs in as that patient (authorization code + PKCE). Prints what Alexa+ would get.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, discover, patientToken, serviceToken } from '../tools/mcpClient';
import { CONNECTION_FILE } from './mcp';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { as: { type: 'string', default: 'service' } }, allowPositionals: true });
  const [what = 'tools', args = '{}'] = positionals;
  const connection = JSON.parse(readFileSync(CONNECTION_FILE, 'utf8')) as {
    mcpUrl: string;
    service: { clientId: string; clientSecret: string };
    patient: { clientId: string; clientSecret: string; redirectUri: string };
  };
  const d = await discover(connection.mcpUrl);
  const token = values.as === 'service' ? await serviceToken(d, connection.service) : await patientToken(d, connection.patient, values.as!);
  const client = await connect(connection.mcpUrl, token);
  try {
    if (what === 'tools') {
      for (const t of (await client.listTools()).tools)
        console.log(`${t.name}: ${t.description}\n  input: ${JSON.stringify(t.inputSchema.properties ?? {})}\n`);
    } else {
      const result = (await client.callTool({ name: what, arguments: JSON.parse(args) as Record<string, unknown> })) as {
        content: { text: string }[];
        structuredContent?: unknown;
      };
      console.log(result.content[0]?.text);
      console.log(JSON.stringify(result.structuredContent, null, 2));
    }
  } finally {
    await client.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
