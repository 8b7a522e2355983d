import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/localAlexaApi';

/**
 * The local Reminders API keeps reminders per account, like Alexa's: `npm start` gives every account
 * and voice its own token, and `--show-reminders` shows only the caller's.
 */
let api: LocalAlexaApi;
beforeAll(async () => {
  api = await startLocalAlexaApi({ timeZone: 'America/New_York' });
});
afterAll(() => api.stop());
beforeEach(() => api.reminders.reset());

const ANNA = 'local-token.ACCOUNT1.ANNA';
const BEN = 'local-token.ACCOUNT1.BEN';
const OTHER = 'local-token.ACCOUNT2.ME';

const body = (text: string) => ({
  requestTime: '2026-11-25T12:00:00.000',
  trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-26T07:30:00.000', timeZoneId: 'America/New_York' },
  alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text }] } },
  pushNotification: { status: 'ENABLED' },
});

async function call(token: string, method: string, path = '', payload?: unknown) {
  const res = await fetch(`${api.endpoint}/v1/alerts/reminders${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(payload ? { body: JSON.stringify(payload) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { alertToken?: string; alerts?: { alertToken: string }[] }) : undefined };
}

test("an account sees its own alerts (every voice on it), never another account's", async () => {
  const anna = (await call(ANNA, 'POST', '', body('Anna'))).json?.alertToken ?? '';
  const ben = (await call(BEN, 'POST', '', body('Ben'))).json?.alertToken ?? '';
  const other = (await call(OTHER, 'POST', '', body('Other'))).json?.alertToken ?? '';
  const seen = async (token: string) => (await call(token, 'GET')).json?.alerts?.map((a) => a.alertToken).sort();
  expect(await seen(ANNA)).toEqual([anna, ben].sort());
  expect(await seen(OTHER)).toEqual([other]);
  expect((await call(OTHER, 'DELETE', `/${anna}`)).status).toBe(404);
  expect((await call(OTHER, 'GET', `/${anna}`)).status).toBe(404);
  expect(api.reminders.alerts.has(anna)).toBe(true);
});

test("--show-reminders lists only the caller's own calls and alerts", async () => {
  const start = api.reminders.log.length;
  await call(ANNA, 'POST', '', body('Anna one'));
  await call(ANNA, 'POST', '', body('Anna two'));
  await call(BEN, 'POST', '', body('Ben'));
  const lines = api.reminders.describeChanges(start, ANNA).join('\n');
  expect(lines).toContain('[reminders: 2 create, 0 update, 0 delete call(s); 2 set now]');
  expect(lines).toContain('Anna two');
  expect(lines).not.toContain('Ben');
  expect(api.reminders.describeChanges(api.reminders.log.length, BEN)).toEqual([]);
});
