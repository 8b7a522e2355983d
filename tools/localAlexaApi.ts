import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalReminders, type LocalReminders } from './localReminders';

/**
 * A local stand-in for the Alexa service APIs at `apiEndpoint`, on 127.0.0.1, so the skill's real HTTP
 * clients run in tests and in `npm start`. Each API is a route module; behaviour can be switched per test.
 */
export interface Route {
  /** Returns true when it handled the request. */
  handle(req: IncomingMessage, body: string, res: ServerResponse): boolean | Promise<boolean>;
}

export interface SettingsBehaviour {
  /** 'ok' answers the zone; a number answers that status; 'garbage' answers non-JSON; 'hang' never answers. */
  mode: 'ok' | 'garbage' | 'hang' | number;
  timeZone: string;
  /** Per-device zones (device id → zone), for tests with users in different places. */
  zonesByDevice: Record<string, string>;
}

export interface LocalAlexaApi {
  readonly endpoint: string;
  readonly settings: SettingsBehaviour;
  /** Requests seen, for tests: method and path only. */
  readonly calls: { method: string; path: string }[];
  /** The Reminders API stand-in (alerts, behaviour switches, call log). */
  readonly reminders: LocalReminders;
  addRoute(route: Route): void;
  stop(): Promise<void>;
}

export async function startLocalAlexaApi(opts: { timeZone?: string; port?: number } = {}): Promise<LocalAlexaApi> {
  const settings: SettingsBehaviour = {
    mode: 'ok',
    timeZone: opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    zonesByDevice: {},
  };
  const calls: { method: string; path: string }[] = [];
  const routes: Route[] = [];
  const hanging = new Set<ServerResponse>();

  const settingsRoute: Route = {
    handle(req, _body, res) {
      const device = /^\/v2\/devices\/([^/]+)\/settings\/System\.timeZone$/.exec(req.url ?? '');
      if (req.method !== 'GET' || !device) return false;
      if (!req.headers.authorization?.startsWith('Bearer ')) return reply(res, 401, { message: 'no token' });
      if (settings.mode === 'hang') {
        hanging.add(res);
        return true;
      }
      if (settings.mode === 'garbage') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('<<not json');
        return true;
      }
      if (typeof settings.mode === 'number') return reply(res, settings.mode, settings.mode === 204 ? undefined : { message: 'error' });
      return reply(res, 200, settings.zonesByDevice[decodeURIComponent(device[1] ?? '')] ?? settings.timeZone);
    },
  };
  routes.push(settingsRoute);
  // The Reminders API, in memory; grants the reminders permission unless a test says otherwise.
  const reminders = createLocalReminders();
  routes.push(reminders);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      calls.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '' });
      const body = Buffer.concat(chunks).toString('utf8');
      for (const route of routes) {
        if (await route.handle(req, body, res)) return;
      }
      reply(res, 404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    settings,
    calls,
    reminders,
    addRoute: (route) => routes.unshift(route),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON (or empty) answer; returns true so routes can `return reply(...)`. */
export function reply(res: ServerResponse, status: number, body?: unknown): true {
  if (body === undefined) {
    res.writeHead(status).end();
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }
  return true;
}
