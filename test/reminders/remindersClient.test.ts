import {
  createRemindersClient,
  deadlineIn,
  RemindersApiError,
  type ReminderRequestBody,
  type RemindersClient,
} from '../../lambda/services/remindersClient';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/localAlexaApi';

/** The real client over real HTTP, against the Reminders stand-in on 127.0.0.1. */
let api: LocalAlexaApi;
beforeAll(async () => {
  api = await startLocalAlexaApi({ timeZone: 'America/New_York' });
});
afterAll(() => api.stop());
beforeEach(() => api.reminders.reset());

const client = (o: { callTimeoutMs?: number; budgetMs?: number } = {}): RemindersClient =>
  createRemindersClient({
    apiEndpoint: api.endpoint,
    apiAccessToken: 'token',
    callTimeoutMs: o.callTimeoutMs ?? 1000,
    deadline: deadlineIn(o.budgetMs ?? 4000),
    retryDelayMs: 20,
  });

const body = (scheduledTime = '2026-11-27T07:30:00.000', text = 'Day 8 of your microneedling recovery.'): ReminderRequestBody => ({
  requestTime: '2026-11-20T18:00:00.000',
  trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime, timeZoneId: 'America/New_York' },
  alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text }] } },
  pushNotification: { status: 'ENABLED' },
});

async function failure(p: Promise<unknown>): Promise<{ failure: string; status: number; code?: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RemindersApiError) return { failure: e.failure, status: e.status, code: e.code };
    throw e;
  }
  throw new Error('expected a RemindersApiError');
}

describe('the happy path', () => {
  test('create answers a token, and the stand-in holds exactly the payload sent', async () => {
    const token = await client().create(body());
    expect(token).toMatch(/^local-alert-/);
    expect(api.reminders.alerts.get(token)?.body).toEqual(body());
    expect(api.reminders.log.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1/alerts/reminders']);
  });

  test('list, update and delete by token', async () => {
    const c = client();
    const token = await c.create(body());
    await c.update(token, body('2026-11-27T08:00:00.000'));
    expect(await c.list()).toEqual([
      {
        alertToken: token,
        createdTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        status: 'ON',
        scheduledTime: '2026-11-27T08:00:00.000',
        text: 'Day 8 of your microneedling recovery.',
      },
    ]);
    await c.remove(token);
    expect(api.reminders.alerts.size).toBe(0);
  });

  test('deleting an alert that is already gone is fine (404 means done)', async () => {
    await expect(client().remove('no-such-alert')).resolves.toBeUndefined();
  });

  test('a scheduled time with an offset is refused, as Alexa does', async () => {
    expect(await failure(client().create(body('2026-11-27T07:30:00.000Z')))).toMatchObject({ failure: 'rejected', status: 400 });
  });
});

describe('errors mean something to the patient', () => {
  test('401: no permission', async () => {
    api.reminders.behaviour.permission = false;
    expect(await failure(client().create(body()))).toMatchObject({ failure: 'noPermission', status: 401 });
  });

  test('403 DEVICE_NOT_SUPPORTED: this device cannot do reminders', async () => {
    api.reminders.behaviour.deviceSupported = false;
    expect(await failure(client().create(body()))).toMatchObject({
      failure: 'deviceUnsupported',
      status: 403,
      code: 'DEVICE_NOT_SUPPORTED',
    });
  });

  test('403 MAX_REMINDERS_EXCEEDED: the limit is reached', async () => {
    api.reminders.behaviour.maxActive = 1;
    const c = client();
    await c.create(body());
    expect(await failure(c.create(body('2026-11-28T07:30:00.000')))).toMatchObject({ failure: 'limitReached', status: 403 });
  });

  test('another 403: treated as a missing permission', async () => {
    api.reminders.behaviour.faults.push(403);
    expect(await failure(client().create(body()))).toMatchObject({ failure: 'noPermission', status: 403 });
  });

  test('429 once on a create: one retry, and it succeeds', async () => {
    api.reminders.behaviour.faults.push(429);
    await expect(client().create(body())).resolves.toMatch(/^local-alert-/);
    expect(api.reminders.log.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  test.each([500, 503])('%i on a create is not repeated (it may have landed; a second could ring twice)', async (status) => {
    api.reminders.behaviour.faults.push(status);
    expect(await failure(client().create(body()))).toMatchObject({ failure: 'unavailable', status });
    expect(api.reminders.log.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  test.each([500, 503])('%i once on a move, a delete or the list: one retry, and it succeeds', async (status) => {
    const c = client();
    const token = await c.create(body());
    api.reminders.behaviour.faults.push(status);
    await expect(c.update(token, body())).resolves.toBeUndefined();
    api.reminders.behaviour.faults.push(status);
    await expect(c.list()).resolves.toHaveLength(1);
    api.reminders.behaviour.faults.push(status);
    await expect(c.remove(token)).resolves.toBeUndefined();
    expect(api.reminders.alerts.size).toBe(0);
  });

  test('429 twice: exactly one retry, then "unavailable"', async () => {
    api.reminders.behaviour.faults.push(429, 429);
    expect(await failure(client().create(body()))).toMatchObject({ failure: 'unavailable', status: 429 });
    expect(api.reminders.log).toHaveLength(2);
    expect(api.reminders.alerts.size).toBe(0);
  });

  test('a hanging service times out at the call deadline, without a retry', async () => {
    api.reminders.behaviour.faults.push('hang');
    const started = Date.now();
    expect(await failure(client({ callTimeoutMs: 300 }).create(body()))).toMatchObject({ failure: 'timeout', status: 0 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(api.reminders.log).toHaveLength(1);
  });

  test('each call is cut to what is left of the request budget', async () => {
    api.reminders.behaviour.faults.push('hang');
    const started = Date.now();
    expect(await failure(client({ callTimeoutMs: 1500, budgetMs: 400 }).create(body()))).toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  test('with the budget spent, no call is started at all', async () => {
    expect(await failure(client({ budgetMs: 50 }).create(body()))).toMatchObject({ failure: 'outOfTime' });
    expect(api.reminders.log).toHaveLength(0);
  });

  test('a retry is not started when the budget cannot fit it', async () => {
    api.reminders.behaviour.faults.push(500, 500);
    const c = createRemindersClient({
      apiEndpoint: api.endpoint,
      apiAccessToken: 't',
      callTimeoutMs: 1000,
      deadline: deadlineIn(300),
      retryDelayMs: 250,
    });
    expect(await failure(c.create(body()))).toMatchObject({ failure: 'unavailable', status: 500 });
    expect(api.reminders.log).toHaveLength(1);
  });
});
