/**
 * One answer, whatever the door: the same patient asks the skill (its handler, on dynalite and the
 * Alexa API stand-in) and the Alexa+ add-on (the MCP SDK's client over HTTP, the real authorization
 * server) the same questions on every day from 1 to 35 — today's plan, the next session, and every
 * activity ("can I" / "when can I", see questionsOn) — and must hear the same sentence, with the same
 * day and date in the add-on's data as in the skill's card. The two doors share one store; the clock
 * moves, the date stays.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { testProtocol } from '../support/testProtocol';
import { fullDate } from '../../lambda/speech/dates';
import { silentLogger } from '../../lambda/log';
import { mcpPatientKey } from '../../lambda/store/keys';
import type { ProfileKey } from '../../lambda/store/types';
import { startLocalMcp, type LocalMcp } from '../../tools/localMcp';
import { connect, discover, patientToken } from '../../tools/mcpClient';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

const TREATMENT = '2026-11-01' as IsoDate;
const ZONE = 'America/Los_Angeles';
const DAYS = Array.from({ length: 35 }, (_, i) => i + 1);
const protocol = testProtocol();
const CAN_I = { tool: 'can_i', intent: 'CanIIntent' } as const;
const WHEN_CAN_I = { tool: 'when_can_i', intent: 'WhenCanIIntent' } as const;
/**
 * Every activity on every day, as patients say it most (its slot value): "can I" and "when can I" take
 * turns day by day (so each is asked on about half the days), and both are asked on the eve of the day
 * an activity is fine again and on that day, where the answers turn. Half the requests of asking both
 * every day, for the same coverage of what differs between the doors (the patient, "today", the words).
 */
function questionsOn(day: number) {
  return protocol.activities.flatMap((a, i) => {
    const turning = day === a.avoidThroughDay || day === a.avoidThroughDay + 1;
    const kinds = turning ? [CAN_I, WHEN_CAN_I] : [(day + i) % 2 === 0 ? CAN_I : WHEN_CAN_I];
    return kinds.map((k) => ({ ...k, word: a.synonyms[0]! }));
  });
}

let now = new Date(`${TREATMENT}T20:00:00Z`);
let h: SkillHarness;
let local: LocalMcp;
let addon: Client;
const userId = 'amzn1.ask.account.PARITY';

beforeAll(async () => {
  h = await startSkillHarness();
  local = await startLocalMcp({ quiet: true, deps: { protocol, store: h.store, clock: () => now, log: silentLogger } });
  const d = await discover(local.mcp.url);
  addon = await connect(local.mcp.url, await patientToken(d, local.auth.patient, 'parity'));
  // Listed once, so the SDK's client checks every result against the tool's strict output schema.
  await addon.listTools();
  // The same treatment day through each door's own words.
  await h.store.update({ userId }, () => ({ treatmentDate: TREATMENT, history: [], timeZone: ZONE }));
  const saved = await addon.callTool({ name: 'set_treatment_date', arguments: { date: TREATMENT, timeZone: ZONE } });
  expect(saved.structuredContent).toMatchObject({ saved: true, treatmentDate: TREATMENT });
}, 60_000);

afterAll(async () => {
  await addon?.close();
  await local?.stop();
  await h?.stop();
});

const heard = (s: string) => s.replace(/\s+/g, ' ').trim();

async function skillSays(intent: string, slots: Record<string, string> = {}) {
  const turn = await talk(h, { userId, zone: ZONE, now: () => now }).intent(intent, slots);
  expect(turn.sessionEnded).toBe(true); // a one-shot: the answer alone, no "what else?"
  return { speech: heard(turn.speech), card: turn.card };
}

async function addonSays(tool: string, args: Record<string, unknown> = {}) {
  const r = (await addon.callTool({ name: tool, arguments: args })) as { structuredContent: Record<string, unknown>; isError?: boolean };
  expect(r.isError).toBeFalsy();
  return { say: heard(String(r.structuredContent.say)), data: r.structuredContent };
}

test('days 1 to 35: the same plan, next session and every activity answer at both doors', async () => {
  let compared = 0;
  const asked = new Set<string>();
  for (const day of DAYS) {
    const date = addDays(TREATMENT, day - 1);
    now = new Date(`${date}T20:00:00Z`);
    const [skillPlan, addonPlan, skillNext, addonNext] = await Promise.all([
      skillSays('TodayPlanIntent'),
      addonSays('get_today_plan'),
      skillSays('NextSessionIntent'),
      addonSays('get_next_session'),
    ]);
    expect(addonPlan.say).toBe(skillPlan.speech);
    expect(addonPlan.data).toMatchObject({ day, date, todayDay: day, treatmentDate: TREATMENT });
    expect(skillPlan.card?.text).toContain(`Day ${day} (${fullDate(date)})`);
    expect(addonNext.say).toBe(skillNext.speech);
    expect(addonNext.data).toMatchObject({ day, today: date });

    const answers = await Promise.all(
      questionsOn(day).map(async (q) => ({
        q,
        skill: await skillSays(q.intent, { activity: q.word }),
        addon: await addonSays(q.tool, { activity: q.word }),
      })),
    );
    for (const { q, skill, addon: a } of answers) {
      expect(`day ${day} ${q.tool} ${q.word}: ${a.say}`).toBe(`day ${day} ${q.tool} ${q.word}: ${skill.speech}`);
      expect(a.data).toMatchObject({ day, date, todayDay: day });
      asked.add(`${q.tool} ${q.word}`);
      compared++;
    }
  }
  // Both kinds of question reached every activity, and every activity was asked every day.
  expect(asked).toEqual(new Set(protocol.activities.flatMap((a) => [`can_i ${a.synonyms[0]}`, `when_can_i ${a.synonyms[0]}`])));
  expect(compared).toBeGreaterThanOrEqual(35 * protocol.activities.length);
}, 60_000);

describe('the cases issue 16 found, now answered once for both doors (today: Sunday, December 6th, 2026)', () => {
  let patient: Client;
  let key: ProfileKey;
  const record = () => h.store.load(key);
  const stored = async () => (await record())?.profile;
  const setDate = (args: Record<string, unknown>) => addonSays('set_treatment_date', args);

  beforeAll(async () => {
    now = new Date('2026-12-06T20:00:00Z');
    const d = await discover(local.mcp.url);
    patient = await connect(local.mcp.url, await patientToken(d, local.auth.patient, 'cases'));
    await patient.listTools();
    key = mcpPatientKey(local.auth.issuer, 'cases');
  }, 30_000);
  afterAll(() => patient?.close());

  async function addonSays(tool: string, args: Record<string, unknown> = {}) {
    const r = (await patient.callTool({ name: tool, arguments: args })) as {
      structuredContent: Record<string, unknown>;
      isError?: boolean;
    };
    return { say: String(r.structuredContent.say), data: r.structuredContent, isError: r.isError === true };
  }

  test('1990-01-01 is refused with its year and a question; nothing is saved', async () => {
    const r = await setDate({ date: '1990-01-01' });
    expect(r.data).toMatchObject({ saved: false, needs: 'recent_day', heard: '1990-01-01' });
    expect(r.say).toMatch(/^Monday, January 1st, 1990 is more than two years ago.*Which day was your treatment\?$/);
    expect(await stored()).toBeUndefined();
  });

  test('a full date still to come (2027-01-15) with nothing stored is refused as still to come, never a past guess', async () => {
    const r = await setDate({ date: '2027-01-15' });
    expect(r.data).toMatchObject({ saved: false, needs: 'past_day', heard: '2027-01-15' });
    expect(r.data).not.toHaveProperty('candidate');
    expect(r.say).toMatch(/^Friday, January 15th is still to come/);
    expect(await stored()).toBeUndefined();
  });

  test('five days ahead is still to come too, with a date stored: no change is offered', async () => {
    expect((await setDate({ date: '2026-12-05' })).data).toMatchObject({ saved: true, treatmentDate: '2026-12-05' });
    const r = await setDate({ date: '2026-12-11' });
    expect(r.data).toMatchObject({ saved: false, needs: 'past_day', storedTreatmentDate: '2026-12-05' });
    expect(r.say).toMatch(/^Friday, December 11th is still to come/);
    expect(r.say).not.toMatch(/Change your treatment date/);
  });

  test('the stored date repeated: "already your date", nothing saved again', async () => {
    const before = await record();
    const r = await setDate({ date: '2026-12-05' });
    expect(r.data).toMatchObject({ saved: false, treatmentDate: '2026-12-05', todayDay: 2 });
    expect(r.say).toBe('I already have Saturday, December 5th as your treatment date, so nothing changes.');
    expect((await record())?.version).toBe(before?.version);
  });

  test('the sun on day 2: allowed with extra care in the words and in the data', async () => {
    for (const tool of ['can_i', 'when_can_i']) {
      const r = await addonSays(tool, { activity: 'sun' });
      expect(r.data).toMatchObject({
        day: 2,
        activity: 'the sun',
        kind: 'limit',
        allowed: true,
        extraCare: true,
        extraCareEndsDay: 15,
        extraCareEndsDate: '2026-12-19',
      });
      expect(r.data).not.toHaveProperty('allowedFromDay');
      expect(r.say).toMatch(/^Minimize sun exposure/);
      expect(r.say).toContain('December 19th');
    }
  });

  test('an unknown time zone ("Mars/Olympus") is refused with a clear error, nothing saved', async () => {
    const before = await record();
    const r = await setDate({ date: '2026-12-04', timeZone: 'Mars/Olympus', confirmed: true });
    expect(r.isError).toBe(true);
    expect(r.data).toMatchObject({ error: 'invalid_time_zone' });
    expect(r.say).toMatch(/time zone isn't one I know, so I haven't saved anything/);
    expect(await record()).toEqual(before);
  });

  test('a day number outside 1 to 3650 is refused as the skill bounds it, never answered as a day', async () => {
    for (const day of [0, -3, 3651]) {
      const r = await patient
        .callTool({ name: 'can_i', arguments: { activity: 'makeup', day } })
        .catch((e: Error) => ({ isError: true, thrown: e.message }));
      expect(r).toMatchObject({ isError: true });
      expect(r).not.toHaveProperty('structuredContent.day');
    }
    expect((await addonSays('can_i', { activity: 'makeup', day: 3 })).data).toMatchObject({ day: 3, allowed: true });
  });

  test("an unknown activity lists what can be asked in patients' words, never ids", async () => {
    const r = await addonSays('can_i', { activity: 'skydiving' });
    expect(r.data.known).toEqual(protocol.activities.map((a) => a.shortName));
    expect(JSON.stringify(r.data) + r.say).not.toMatch(/antiInflammatories|gentleCare|"acids"/);
  });

  test('the skill: "January first 1999" is refused with its year and a question, and nothing is stored', async () => {
    const skillUser = 'amzn1.ask.account.NINETEEN-NINETY-NINE';
    const conv = talk(h, { userId: skillUser, zone: ZONE, now: () => now });
    const turn = await conv.intent('SetTreatmentDateIntent', { date: '1999-01-01' });
    expect(turn.speech).toMatch(/Friday, January 1st, 1999 is more than two years ago.*Which day was your treatment\?/);
    expect(turn.sessionEnded).toBe(false);
    expect(turn.reprompt).toBeDefined();
    expect(await h.store.load({ userId: skillUser })).toBeUndefined();
  });

  test('the skill: a day about a year back is read with its year, and stored only after a yes', async () => {
    const skillUser = 'amzn1.ask.account.A-YEAR-BACK';
    const conv = talk(h, { userId: skillUser, zone: ZONE, now: () => now });
    const asked = await conv.intent('SetTreatmentDateIntent', { date: '2025-12-20' });
    expect(asked.speech).toMatch(/Saturday, December 20th, 2025\. That makes today day 352\. Is that right\?/);
    expect(await h.store.load({ userId: skillUser })).toBeUndefined();
    const yes = await conv.intent('AMAZON.YesIntent');
    expect(yes.speech).toMatch(/^Got it: Saturday, December 20th, 2025\./);
    expect((await h.store.load({ userId: skillUser }))?.profile.treatmentDate).toBe('2025-12-20');
  });
});
