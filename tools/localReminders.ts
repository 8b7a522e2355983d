import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from './localAlexaApi';

/**
 * The Alexa Reminders API in memory, as a route of the local Alexa API stand-in: create (answers an
 * alertToken), list, get, update, delete — with switches so tests can make it fail the ways Alexa does.
 * By default it behaves as if the patient had granted the reminders permission.
 */
export interface StoredAlert {
  readonly alertToken: string;
  /** The body as the skill sent it (create, or the latest update). */
  body: AlertBody;
  status: 'ON' | 'COMPLETED';
  readonly createdTime: string;
  updatedTime: string;
  version: number;
  /** The bearer token that created it: whose reminder it is (see `accountOf`). */
  readonly owner?: string;
}

export interface AlertBody {
  requestTime?: string;
  trigger?: { type?: string; scheduledTime?: string; timeZoneId?: string };
  alertInfo?: { spokenInfo?: { content?: { locale?: string; text?: string; ssml?: string }[] } };
  pushNotification?: { status?: string };
}

/** What one call gets instead of the normal answer. */
export type Fault =
  /** Answer normally (a placeholder, to fail a later call in the queue). */
  | 'ok'
  | number
  /** Never answers (the client's timeout must fire). */
  | 'hang'
  /** Creates the alert, then never answers: the "timed out but landed anyway" case. */
  | 'createThenHang';

export interface RemindersBehaviour {
  /** false: every call answers 401, as when the patient has not granted the permission. */
  permission: boolean;
  /** false: creates answer 403 DEVICE_NOT_SUPPORTED. */
  deviceSupported: boolean;
  /** Alexa's limit on active reminders; a create beyond it answers 403 MAX_REMINDERS_EXCEEDED. */
  maxActive: number;
  /** Faults for the next calls, in order (any method); each is used once. */
  faults: Fault[];
  /** Faults for the next creates only (POST), in order; used after `faults` is empty. */
  createFaults: Fault[];
  /** After this many successful creates, every create gets `createFault`. */
  failCreatesAfter?: number;
  createFault: Fault;
}

export interface LocalReminders extends Route {
  readonly behaviour: RemindersBehaviour;
  /** Alerts by token (deleted ones are gone). */
  readonly alerts: Map<string, StoredAlert>;
  /** Calls seen: method, path, the request body (creates and updates) and the caller's bearer token. */
  readonly log: { method: string; path: string; body?: AlertBody; by?: string }[];
  /** The alerts, soonest first: what the local user would hear. */
  list(): StoredAlert[];
  /** Back to an empty, permissive service. */
  reset(): void;
  /**
   * Keeps the alerts in a JSON file (loaded now, rewritten on every change), so `npm start` remembers
   * them across runs the way its local DynamoDB remembers the profile.
   */
  persist(file: string): void;
  /**
   * For `npm start -- --show-reminders`: what the calls since `logIndex` did, and the alerts now set —
   * only those of the caller `owner` (a bearer token: one account and voice) when given.
   */
  describeChanges(logIndex: number, owner?: string): string[];
}

/**
 * Alexa keeps reminders per account: a caller sees the alerts made with a token of the same account.
 * The simulator's tokens read "local-token.<account>.<voice>"; any other token is an account of its own.
 */
export function accountOf(token: string): string {
  const m = /^(local-token\.[^.]+)\./.exec(token);
  return m?.[1] ?? token;
}

const PATH = /^\/v1\/alerts\/reminders(?:\/([^/?]+))?(?:\?.*)?$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

const defaults = (): RemindersBehaviour => ({
  permission: true,
  deviceSupported: true,
  maxActive: 250,
  faults: [],
  createFaults: [],
  createFault: 500,
});

export function createLocalReminders(): LocalReminders {
  const behaviour = defaults();
  const alerts = new Map<string, StoredAlert>();
  const log: LocalReminders['log'] = [];
  let counter = 0;
  let creates = 0;
  let file: string | undefined;
  const save = () => {
    if (file) writeFileSync(file, JSON.stringify({ counter, alerts: [...alerts.values()] }, null, 2));
  };

  const json = (res: ServerResponse, status: number, body?: unknown): true => {
    if (body === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    return true;
  };

  const store = (body: AlertBody, owner: string): StoredAlert => {
    const now = new Date().toISOString();
    const alert: StoredAlert = {
      alertToken: `local-alert-${++counter}`,
      body,
      status: 'ON',
      createdTime: now,
      updatedTime: now,
      version: 1,
      owner,
    };
    alerts.set(alert.alertToken, alert);
    save();
    return alert;
  };

  /** Checks a create/update body the way Alexa would refuse it; returns the error code, if any. */
  const invalid = (body: AlertBody | undefined): string | undefined => {
    const t = body?.trigger;
    if (t?.type !== 'SCHEDULED_ABSOLUTE' || typeof t.scheduledTime !== 'string' || !NO_OFFSET.test(t.scheduledTime))
      return 'INVALID_TRIGGER_SCHEDULED_TIME_FORMAT';
    if (typeof t.timeZoneId !== 'string' || !isZone(t.timeZoneId)) return 'INVALID_TIMEZONE_ID';
    const content = body?.alertInfo?.spokenInfo?.content;
    if (
      !Array.isArray(content) ||
      content.length === 0 ||
      !content.every((c) => typeof c.text === 'string' && c.text !== '' && typeof c.locale === 'string')
    )
      return 'INVALID_ALERT_INFO';
    return undefined;
  };

  const list = (): StoredAlert[] =>
    [...alerts.values()].sort((a, b) => (a.body.trigger?.scheduledTime ?? '').localeCompare(b.body.trigger?.scheduledTime ?? ''));

  const view = (a: StoredAlert) => ({
    alertToken: a.alertToken,
    createdTime: a.createdTime,
    updatedTime: a.updatedTime,
    status: a.status,
    version: String(a.version),
    ...a.body,
  });

  function handle(req: IncomingMessage, raw: string, res: ServerResponse): boolean {
    const m = PATH.exec(req.url ?? '');
    if (!m) return false;
    const token = m[1] ? decodeURIComponent(m[1]) : undefined;
    const method = req.method ?? '';
    let body: AlertBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as AlertBody) : undefined;
    } catch {
      return json(res, 400, { code: 'INVALID_REQUEST', message: 'body is not JSON' });
    }
    const caller = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    log.push({ method, path: (req.url ?? '').split('?')[0] ?? '', ...(body ? { body } : {}), ...(caller ? { by: caller } : {}) });

    if (caller === undefined) return json(res, 401, { code: 'INVALID_BEARER_TOKEN', message: 'The authentication token is not valid.' });
    // Alerts saved before owners were kept belong to everyone.
    const visible = (a: StoredAlert) => a.owner === undefined || accountOf(a.owner) === accountOf(caller);
    if (!behaviour.permission)
      return json(res, 401, { code: 'UNAUTHORIZED', message: 'Access to this resource has not yet been requested.' });

    const isCreate = method === 'POST' && !token;
    let fault = behaviour.faults.shift();
    if (fault === undefined && isCreate) fault = behaviour.createFaults.shift();
    if (fault === undefined && isCreate && behaviour.failCreatesAfter !== undefined && creates >= behaviour.failCreatesAfter)
      fault = behaviour.createFault;
    if (fault === 'ok') fault = undefined;
    if (fault === 'hang') return true;
    if (fault === 'createThenHang') {
      if (isCreate && !invalid(body)) store(body as AlertBody, caller);
      return true;
    }
    if (typeof fault === 'number')
      return json(res, fault, { code: fault === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_ERROR', message: `fault ${fault}` });

    if (isCreate) {
      if (!behaviour.deviceSupported)
        return json(res, 403, { code: 'DEVICE_NOT_SUPPORTED', message: 'This device does not support reminders.' });
      const problem = invalid(body);
      if (problem) return json(res, 400, { code: problem, message: problem });
      const active = [...alerts.values()].filter((a) => a.status === 'ON' && visible(a)).length;
      if (active >= behaviour.maxActive)
        return json(res, 403, { code: 'MAX_REMINDERS_EXCEEDED', message: 'The maximum number of reminders is reached.' });
      const alert = store(body as AlertBody, caller);
      creates++;
      return json(res, 200, {
        alertToken: alert.alertToken,
        createdTime: alert.createdTime,
        updatedTime: alert.updatedTime,
        status: 'ON',
        version: '1',
        href: `/v1/alerts/reminders/${alert.alertToken}`,
      });
    }
    if (method === 'GET' && !token) {
      const list = [...alerts.values()].filter(visible).map(view);
      return json(res, 200, { totalCount: String(list.length), alerts: list, links: null });
    }
    const found = token ? alerts.get(token) : undefined;
    const alert = found && visible(found) ? found : undefined;
    if (!alert) return json(res, 404, { code: 'ALERT_NOT_FOUND', message: 'Alert not found.' });
    if (method === 'GET') return json(res, 200, view(alert));
    if (method === 'DELETE') {
      alerts.delete(alert.alertToken);
      save();
      return json(res, 200);
    }
    if (method === 'PUT') {
      const problem = invalid(body);
      if (problem) return json(res, 400, { code: problem, message: problem });
      alert.body = body as AlertBody;
      alert.updatedTime = new Date().toISOString();
      alert.version++;
      save();
      return json(res, 200, { alertToken: alert.alertToken, status: alert.status, version: String(alert.version) });
    }
    return json(res, 405, { code: 'METHOD_NOT_ALLOWED', message: method });
  }

  return {
    handle,
    behaviour,
    alerts,
    log,
    list,
    reset() {
      Object.assign(behaviour, defaults());
      delete behaviour.failCreatesAfter;
      alerts.clear();
      log.length = 0;
      creates = 0;
    },
    persist(path) {
      file = path;
      if (!existsSync(path)) return;
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { counter?: number; alerts?: StoredAlert[] };
      counter = Math.max(counter, saved.counter ?? 0);
      for (const a of saved.alerts ?? []) alerts.set(a.alertToken, a);
    },
    describeChanges(logIndex, owner) {
      const calls = log.slice(logIndex).filter((c) => c.method !== 'GET' && (owner === undefined || c.by === owner));
      if (calls.length === 0) return [];
      const count = (m: string) => calls.filter((c) => c.method === m).length;
      const mine = list().filter((a) => owner === undefined || a.owner === owner);
      const lines = [
        `  [reminders: ${count('POST')} create, ${count('PUT')} update, ${count('DELETE')} delete call(s); ${mine.length} set now]`,
      ];
      for (const a of mine) {
        const t = a.body.trigger;
        lines.push(
          `    ${(t?.scheduledTime ?? '?').slice(0, 16).replace('T', ' ')} ${t?.timeZoneId ?? ''}  ${a.body.alertInfo?.spokenInfo?.content?.[0]?.text ?? ''}`,
        );
      }
      lines.push('');
      return lines;
    },
  };
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
