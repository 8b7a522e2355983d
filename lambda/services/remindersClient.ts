import { AlexaApiError, RemindersApiError, type ReminderFailure } from '../errors';
import { callAlexaApi, type ApiCall } from './alexaApi';

export { RemindersApiError, type ReminderFailure };

/**
 * The Alexa Reminders API (POST/GET/PUT/DELETE /v1/alerts/reminders) at the request's own apiEndpoint.
 * Every call gets a deadline cut to what is left of the request's budget; throttling and server errors
 * get one short retry; failures come back as RemindersApiError with a `failure` the dialogue can speak.
 */

/** The body of a create or update (Alexa's ReminderRequest). */
export interface ReminderRequestBody {
  /** When the request was made, local time without offset, like the scheduled time. */
  readonly requestTime: string;
  readonly trigger: {
    readonly type: 'SCHEDULED_ABSOLUTE';
    /** Local wall-clock time without an offset ("2026-11-27T07:30:00.000"); Alexa applies timeZoneId. */
    readonly scheduledTime: string;
    readonly timeZoneId: string;
  };
  readonly alertInfo: {
    readonly spokenInfo: { readonly content: readonly { readonly locale: string; readonly text: string; readonly ssml?: string }[] };
  };
  readonly pushNotification: { readonly status: 'ENABLED' | 'DISABLED' };
}

/** One alert as the list returns it; only what we read. */
export interface ListedReminder {
  readonly alertToken: string;
  /** When Alexa made it (ISO), when it says. */
  readonly createdTime?: string;
  readonly status?: string;
  readonly scheduledTime?: string;
  readonly text?: string;
}

export interface RemindersClient {
  create(body: ReminderRequestBody): Promise<string>;
  update(token: string, body: ReminderRequestBody): Promise<void>;
  /** Resolves when the alert is deleted or was already gone. */
  remove(token: string): Promise<void>;
  list(): Promise<ListedReminder[]>;
}

/** The time left for this request's service calls. */
export interface Deadline {
  remainingMs(): number;
}

export const deadlineIn = (ms: number, now: () => number = () => Date.now()): Deadline => {
  const end = now() + ms;
  return { remainingMs: () => end - now() };
};

export interface RemindersClientOptions {
  readonly apiEndpoint: string;
  readonly apiAccessToken: string;
  /** Cap for a single call. */
  readonly callTimeoutMs: number;
  readonly deadline: Deadline;
  /** Pause before the one retry of a throttled or failed call. */
  readonly retryDelayMs?: number;
}

/** Below this, a call cannot finish anyway: do not start it. */
const MIN_CALL_MS = 150;
const PATH = '/v1/alerts/reminders';

export function createRemindersClient(opts: RemindersClientOptions): RemindersClient {
  const retryDelay = opts.retryDelayMs ?? 200;

  async function call(method: ApiCall['method'], path: string, body?: unknown): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const left = opts.deadline.remainingMs();
      if (left < MIN_CALL_MS) throw new RemindersApiError('outOfTime', 0);
      let status: number;
      let resBody: unknown;
      try {
        const res = await callAlexaApi({
          endpoint: opts.apiEndpoint,
          token: opts.apiAccessToken,
          method,
          path,
          body,
          timeoutMs: Math.min(opts.callTimeoutMs, left),
        });
        ({ status, body: resBody } = res);
      } catch (e) {
        // No answer in time. Not retried: the budget is mostly gone, and a create may have landed anyway
        // (the next run finds it in the list instead of making a second one).
        if (e instanceof AlexaApiError) throw new RemindersApiError('timeout', 0);
        throw e;
      }
      if (status >= 200 && status < 300) return resBody;
      const error = classify(status, resBody);
      // A create that failed on the server side may still have landed: repeating it could ring twice.
      // Only a throttled one (429, certainly not created) is repeated; the next run adopts a landed one.
      const safeToRepeat = method !== 'POST' || status === 429;
      const retryable =
        error.failure === 'unavailable' && safeToRepeat && attempt === 1 && opts.deadline.remainingMs() > retryDelay + MIN_CALL_MS;
      if (!retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelay));
    }
  }

  const alertPath = (token: string) => `${PATH}/${encodeURIComponent(token)}`;

  return {
    async create(body) {
      const res = await call('POST', PATH, body);
      const token = (res as { alertToken?: unknown } | undefined)?.alertToken;
      if (typeof token !== 'string' || token === '') throw new RemindersApiError('rejected', 200, 'NO_ALERT_TOKEN');
      return token;
    },
    async update(token, body) {
      await call('PUT', alertPath(token), body);
    },
    async remove(token) {
      try {
        await call('DELETE', alertPath(token));
      } catch (e) {
        if (e instanceof RemindersApiError && e.failure === 'notFound') return;
        throw e;
      }
    },
    async list() {
      const res = (await call('GET', PATH)) as { alerts?: unknown } | undefined;
      return Array.isArray(res?.alerts) ? res.alerts.flatMap(readListed) : [];
    },
  };
}

/** Maps Alexa's answer to what it means for the patient. The body's `code` tells 403s apart. */
export function classify(status: number, body: unknown): RemindersApiError {
  const code = typeof (body as { code?: unknown } | undefined)?.code === 'string' ? (body as { code: string }).code : undefined;
  if (status === 401) return new RemindersApiError('noPermission', status, code);
  if (status === 403) {
    if (code === 'DEVICE_NOT_SUPPORTED') return new RemindersApiError('deviceUnsupported', status, code);
    if (code === 'MAX_REMINDERS_EXCEEDED') return new RemindersApiError('limitReached', status, code);
    return new RemindersApiError('noPermission', status, code);
  }
  if (status === 404) return new RemindersApiError('notFound', status, code);
  if (status === 429 || status >= 500) return new RemindersApiError('unavailable', status, code);
  return new RemindersApiError('rejected', status, code);
}

function readListed(raw: unknown): ListedReminder[] {
  if (!raw || typeof raw !== 'object') return [];
  const r = raw as {
    alertToken?: unknown;
    createdTime?: unknown;
    status?: unknown;
    trigger?: { scheduledTime?: unknown };
    alertInfo?: { spokenInfo?: { content?: unknown } };
  };
  if (typeof r.alertToken !== 'string') return [];
  const content = r.alertInfo?.spokenInfo?.content;
  const first = Array.isArray(content) ? (content[0] as { text?: unknown } | undefined) : undefined;
  return [
    {
      alertToken: r.alertToken,
      createdTime: typeof r.createdTime === 'string' ? r.createdTime : undefined,
      status: typeof r.status === 'string' ? r.status : undefined,
      scheduledTime: typeof r.trigger?.scheduledTime === 'string' ? r.trigger.scheduledTime : undefined,
      text: typeof first?.text === 'string' ? first.text : undefined,
    },
  ];
}
