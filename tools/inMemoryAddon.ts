import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { silentLogger } from '../lambda/log';
import type { McpDeps } from '../lambda/mcp/deps';
import { registerTools } from '../lambda/mcp/tools';
import { defaultProtocol } from '../lambda/protocol/load';
import type { Protocol } from '../lambda/protocol/types';
import type { ProfileKey } from '../lambda/store/types';
import { localDynamoStore, startLocalDynamo } from './localDynamo';
import { localMcpConfig } from './localMcp';

/**
 * The add-on's real tools for one signed-in patient, on dynalite, reached by the MCP SDK's own Client
 * over its in-memory transport: what a test or a screenshot of the Alexa+ view needs, without the HTTP
 * and OAuth parts (test/mcp covers those). `protocol` defaults to the clinic's (tests pass their frozen one).
 */
export async function startInMemoryAddon(opts: {
  clock: () => Date;
  table?: string;
  protocol?: Protocol;
}): Promise<{ client: Client; stop(): Promise<void> }> {
  const dynamo = await startLocalDynamo();
  try {
    const config = localMcpConfig('http://127.0.0.1:9/mcp', 'http://127.0.0.1:9', {
      tableName: opts.table ?? 'mcp-in-memory',
      dynamoEndpoint: dynamo.endpoint,
    });
    const deps: McpDeps = {
      config,
      protocol: opts.protocol ?? defaultProtocol(),
      log: silentLogger,
      clock: opts.clock,
      store: await localDynamoStore(dynamo.endpoint, config.tableName),
      verifyToken: async () => {
        throw new Error('not used: the caller is given');
      },
    };
    const server = new McpServer({ name: 'microneedling-aftercare', version: '1.0.0' }, { capabilities: { tools: {} } });
    registerTools(server, deps, { tier: 'patient', key: { userId: 'm#in-memory-patient' } as ProfileKey, clientId: 'alexa-plus' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'alexa-plus-stand-in', version: '1.0.0' });
    await client.connect(clientSide);
    return {
      client,
      stop: async () => {
        await client.close();
        await dynamo.stop();
      },
    };
  } catch (e) {
    await dynamo.stop();
    throw e;
  }
}
