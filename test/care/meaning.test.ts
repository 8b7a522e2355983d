import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import type { ClockTime } from '../../lambda/domain/clockTime';
import { reminderPlan } from '../../lambda/domain/reminderPlan';
import { isReviewed } from '../../lambda/protocol/facts';
import { reminderText } from '../../lambda/speech/reminders.en-US';
import { spokenSecondsOfText } from '../../lambda/speech/spokenLength';
import { mcpPatientKey } from '../../lambda/store/keys';
import { startLocalMcp, type LocalMcp } from '../../tools/localMcp';
import { connect, discover, patientToken } from '../../tools/mcpClient';
import { createNlu, type InteractionModelFile } from '../../tools/nlu';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { meaningRows, type Row } from './meaningRows';
import { patientOnDay, withClinic } from './support';

/**
 * The meaning test (issue 17): every row of the meaning table through the skill's handler (with
 * dynalite and the local Alexa APIs) and through the Alexa+ add-on (the MCP SDK's client over HTTP,
 * the real authorization server). One store and one server each; the rows of a day share a session.
 */
const protocol = withClinic();
const rows = meaningRows(protocol);
const nlu = createNlu(model as InteractionModelFile);

/** What a row's answer breaks, if anything: a missing fact or a word it must not say. */
function problems(row: Row, answer: string): string[] {
  const out: string[] = [];
  for (const m of row.must) if (typeof m === 'string' ? !answer.includes(m) : !m.test(answer)) out.push(`missing ${m}`);
  for (const n of row.not) if (typeof n === 'string' ? answer.includes(n) : n.test(answer)) out.push(`says ${n}`);
  return out.length > 0 ? [`day ${row.day}${row.appointment ? ' (3 PM)' : ''} "${row.say}": ${out.join('; ')}\n    → ${answer}`] : [];
}

/** Rows grouped by the patient they need: a day, with or without the appointment time. */
function byPatient(): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.day}|${r.appointment === true}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

test('the meaning table has at least 300 rows and every example of issue 17', () => {
  expect(rows.length).toBeGreaterThanOrEqual(300);
  const examples = new Set(rows.map((r) => r.example));
  for (const e of ['polarity', 'borrowed yes', 'symptom inside', 'prescribed', 'sun', 'readings', 'omissions', 'this weekend', 'how long'])
    expect(examples).toContain(e);
});

describe('through the skill handler', () => {
  let h: SkillHarness;
  beforeAll(async () => {
    h = await startSkillHarness();
  });
  afterAll(() => h.stop());

  test('every row', async () => {
    const invoke = h.skillWith({ protocol });
    const failed: string[] = [];
    for (const [key, group] of byPatient()) {
      const [day, withTime] = key.split('|');
      const patient = await patientOnDay(h, Number(day), invoke);
      if (withTime === 'true') await patient.say('my appointment was at 3 PM');
      for (const row of group) failed.push(...problems(row, (await patient.say(row.say)).speech));
    }
    expect(failed).toEqual([]);
  }, 60_000);

  test('a new treatment: the count restarts, the answer is at most 40 words with its question last', async () => {
    const patient = await patientOnDay(h, 15, h.skillWith({ protocol }));
    const turn = await patient.say('I had another treatment today');
    expect(turn.speech).toContain('today is day 1 again');
    expect(turn.speech.split(/\s+/).length).toBeLessThanOrEqual(40);
    expect(turn.speech).toMatch(/\?$/);
    expect((await patient.say('can I wear makeup')).speech).toMatch(/^Not yet/);
  });
});

describe('through the Alexa+ add-on', () => {
  const NOW = new Date('2026-11-25T16:00:00Z'); // 8 AM in Los Angeles
  const TODAY = '2026-11-25' as IsoDate;
  let local: LocalMcp;
  let client: Client;
  beforeAll(async () => {
    local = await startLocalMcp({ quiet: true, deps: { clock: () => NOW, protocol } });
    const d = await discover(local.mcp.url);
    client = await connect(local.mcp.url, await patientToken(d, local.auth.patient, 'meaning'));
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await local?.stop();
  });

  test('every row', async () => {
    const key = mcpPatientKey(local.auth.issuer, 'meaning');
    const failed: string[] = [];
    for (const [group, groupRows] of byPatient()) {
      const [day, withTime] = group.split('|');
      const treatmentDate = addDays(TODAY, 1 - Number(day));
      // The patient's record as the add-on keeps it; the appointment time as the skill would have stored it.
      await local.deps.store.update(key, () => ({
        history: [],
        treatmentDate,
        timeZone: 'America/Los_Angeles',
        ...(withTime === 'true' && { appointment: { date: treatmentDate, time: '15:00' } }),
      }));
      for (const row of groupRows) {
        const { name, args } = toolCall(row.say, TODAY);
        const r = (await client.callTool({ name, arguments: args })) as unknown as {
          structuredContent?: { say: string };
          content: { text: string }[];
        };
        failed.push(...problems(row, r.structuredContent?.say ?? `(no answer: ${r.content[0]?.text})`));
      }
    }
    expect(failed).toEqual([]);
  }, 60_000);
});

const KINDS: Record<string, string> = {
  NeedIntent: 'do_i_still_need',
  CanStopIntent: 'can_i_stop',
  KeepSunscreenIntent: 'can_i_stop',
  HowLongIntent: 'how_long',
  ResultsIntent: 'when_will_i_see_results',
};

/** The tool call an Alexa+ host makes of the patient's words: the model's intent and slots, as tool arguments. */
function toolCall(say: string, today: IsoDate): { name: string; args: Record<string, unknown> } {
  const r = nlu.match(say, today);
  const slot = (name: string) => r.slots[name]?.value;
  const words = [slot('activity'), slot('symptom'), slot('alsoSymptom')].filter(Boolean).join(' ');
  switch (r.intent) {
    case 'TodayPlanIntent':
      return { name: 'get_today_plan', args: {} };
    case 'SymptomIntent':
    case 'SymptomWorryIntent':
      return { name: 'symptom_help', args: { symptom: words || say, worried: r.intent === 'SymptomWorryIntent' } };
    case 'WhenCanIIntent':
      return { name: 'when_can_i', args: { activity: words } };
    default: {
      const date = slot('date');
      const when = date === undefined ? {} : /W/.test(date) ? { week: date } : { date };
      const activity = words || (r.intent === 'KeepSunscreenIntent' ? 'sunscreen' : r.intent === 'ResultsIntent' ? 'results' : say);
      return { name: 'can_i', args: { activity, ...when, ...(KINDS[r.intent] && { question: KINDS[r.intent] }) } };
    }
  }
}

describe('reminders and the readings count', () => {
  test('every morning reminder names every restriction in force with its end; readings said; the sun every day of its window', () => {
    for (const entry of reminderPlan(protocol, '2026-11-01' as IsoDate, '07:30' as ClockTime)) {
      if (!entry.daily) continue;
      const text = reminderText(entry, protocol);
      expect(spokenSecondsOfText(text)).toBeLessThanOrEqual(25);
      for (const s of entry.plan.offLimits) {
        expect({ day: entry.day, named: text.includes(s.activity.kind === 'limit' ? 'sun precautions' : s.activity.shortName) }).toEqual({
          day: entry.day,
          named: true,
        });
      }
      if (entry.plan.offLimits.some((s) => !isReviewed(s.activity.source))) expect(text).toMatch(/pending your clinic's review/i);
      expect(text).not.toMatch(/ice[^.]*a full week|No makeup today/);
    }
  });

  test('no answer rests on an unreviewed reading without saying so (scripts/readings-count.ts)', () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), 'scripts/readings-count.ts'], {
      cwd: path.join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toContain('of them, not saying it is a reading: 0');
  });
});
