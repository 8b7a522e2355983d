import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDynamoStore, ensureTable } from '../lambda/store/dynamoStore';
import type { ProfileStore } from '../lambda/store/types';

/** dynalite ships no types; this is the part we use. */
type Dynalite = (options: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;
const dynalite = require('dynalite') as Dynalite;

export interface LocalDynamo {
  /** e.g. http://127.0.0.1:53412 */
  readonly endpoint: string;
  readonly port: number;
  /** Closes the server and its LevelDB (so a persistent `path` can be opened again). */
  stop(): Promise<void>;
}

/**
 * DynamoDB on 127.0.0.1 (dynalite), for tests and `npm start`. Tables are ACTIVE at once.
 * With `path`, data lives in a LevelDB folder and survives a restart; without it, in memory.
 */
export async function startLocalDynamo(opts: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // dynalite's close waits for open connections; clients keep theirs alive, so end them too.
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A store on a local endpoint, with dummy credentials, its table created if missing. */
export async function localDynamoStore(endpoint: string, tableName: string, retentionDays = 180): Promise<ProfileStore> {
  const clientOptions = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  await ensureTable(clientOptions, tableName);
  return createDynamoStore({ ...clientOptions, tableName, retentionDays });
}
