import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { isReviewed } from '../../lambda/protocol/facts';
import { reviewForDeploy } from '../../lambda/protocol/review';
import { DATA_FILES, checkDocs, defaultPaths, loadProtocolFiles, repoRoot, type DocPaths } from '../../studio/dataFiles';
import { launchBrowser } from '../../tools/browser';
import { newAccount } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { TEST_PROTOCOL_FILES } from '../support/testProtocol';

/**
 * The clinic studio end to end: `npm run studio`'s own command serving a temp copy of the protocol,
 * a real headless Chromium on the page, and the real skill (dynalite, the Alexa API stand-in) asked
 * the same questions, before and after a save.
 */
jest.setTimeout(60_000);

const committed = defaultPaths();
/** The studio is tested on the frozen test protocol, so its transcripts hold whatever the clinic saved. */
const fixtures: DocPaths = TEST_PROTOCOL_FILES;
const TREATMENT = '2026-11-20';
/** Day 3 of that treatment, 8 a.m. in Los Angeles (the harness's zone). */
const DAY_3 = '2026-11-22T16:00:00Z';

let dir: string;
/** Temp copies of every data file the studio edits; `file` is the protocol's. */
let paths: DocPaths;
let file: string;
let original: string;
/** The committed data files' contents at the start: the tests must leave them as they were. */
let committedBefore: string[];
let studio: ChildProcess;
let url: string;
let browser: Browser;
let h: SkillHarness;
let page: Page;

/** The studio as a clinic starts it, on a free port and without a browser of its own. */
async function startStudioCommand(files: DocPaths): Promise<{ child: ChildProcess; url: string }> {
  const options = Object.entries(files).flatMap(([name, p]) => [`--${name}`, p]);
  const child = spawn(process.execPath, ['--import', 'tsx', 'studio/main.ts', '--port', '0', '--no-open', ...options], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`studio exited (${code}): ${output}`)));
  });
  return { child, url: started };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studio-test-'));
  paths = Object.fromEntries(DATA_FILES.map((f) => [f.name, path.join(dir, path.basename(f.defaultPath))])) as DocPaths;
  file = paths.protocol;
  original = await readFile(fixtures.protocol, 'utf8');
  committedBefore = await Promise.all(DATA_FILES.map((f) => readFile(committed[f.name], 'utf8')));
  await copyDataFiles();
  const [started, launched, harness] = await Promise.all([startStudioCommand(paths), launchBrowser(), startSkillHarness()]);
  ({ child: studio, url } = started);
  browser = launched;
  h = harness;
});

afterAll(async () => {
  await browser?.close();
  studio?.kill();
  await h?.stop();
  await rm(dir, { recursive: true, force: true });
  expect(await Promise.all(DATA_FILES.map((f) => readFile(committed[f.name], 'utf8')))).toEqual(committedBefore);
});

const copyDataFiles = () => Promise.all(DATA_FILES.map((f) => copyFile(fixtures[f.name], paths[f.name])));

/** Every test starts from the test protocol's data, on a fresh page showing day 3. */
beforeEach(async () => {
  await copyDataFiles();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}?treatment=${TREATMENT}&day=3`);
  await page
    .locator('#briefing')
    .filter({ hasText: 'Day 3' })
    .waitFor()
    .catch(async () => {
      throw new Error(`the studio did not show day 3: ${[...errors, await page.locator('#problem').innerText()].join('; ')}`);
    });
  expect(errors).toEqual([]);
});
afterEach(() => page?.close());

/** A patient treated on TREATMENT, asking on day 3 (one-shot questions, as Alexa sends them). */
async function patientOnDay3(invoke = h.invoke) {
  const patient = talk(h, { userId: newAccount('STUDIO-'), at: DAY_3, invoke });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: TREATMENT });
  await patient.say('no thanks');
  return patient;
}

const text = async (selector: string) => (await page.locator(selector).innerText()).trim();
const answerRow = (id: string) => page.locator(`#answers tr[data-activity="${id}"] td`);
const makeupWindow = () => page.locator('[data-path="activities[0].avoidThroughDay"]');

/** Opens an activity in the editor by keyboard: its summary focused, Enter. */
async function openActivity(name: string) {
  const summary = page.locator('#form summary', { hasText: name }).first();
  await summary.focus();
  await page.keyboard.press('Enter');
}

/** Replaces a field's contents by keyboard, as someone typing would. */
async function typeInto(field: ReturnType<Page['locator']>, value: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (value) await page.keyboard.type(value);
}

test('the timeline shows every window of the default protocol with its first free day and date', async () => {
  // Rows by activity id, so a clinic's rewording of a name changes nothing here.
  const rows = await page
    .locator('#windows tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-activity'), ...[...tr.children].slice(1).map((c) => c.textContent)]));
  expect(rows).toEqual([
    ['makeup', 'days 1–2', 'day 3', 'Sun, Nov 22'],
    ['exercise', 'day 1', 'day 2', 'Sat, Nov 21'],
    ['sauna', 'day 1', 'day 2', 'Sat, Nov 21'],
    ['antiInflammatories', 'days 1–7', 'day 8', 'Fri, Nov 27'],
    ['ice', 'days 1–7', 'day 8', 'Fri, Nov 27'],
    ['exfoliation', 'days 1–6', 'day 7', 'Thu, Nov 26'],
    ['retinoids', 'days 1–6', 'day 7', 'Thu, Nov 26'],
    ['acids', 'days 1–6', 'day 7', 'Thu, Nov 26'],
    ['fragrance', 'days 1–6', 'day 7', 'Thu, Nov 26'],
    ['sun', 'extra care, days 1–14', 'extra care ends day 15', 'Fri, Dec 4'],
  ]);
  // The chart itself: a bar per window ending at its first free day, the follow-up line, the mornings.
  const chart = page.locator('#timeline svg');
  expect(await chart.locator('.bar').count()).toBe(10);
  expect(await chart.locator('.bar-end').allTextContents()).toEqual(
    expect.arrayContaining(['free day 3 · Sun, Nov 22', 'free day 8 · Fri, Nov 27', 'extra care ends · day 15 · Fri, Dec 4']),
  );
  const makeupBar = await chart.locator('.bar').first().boundingBox();
  const day3 = await chart.locator('.hit[data-day="3"]').boundingBox();
  expect(Math.round(makeupBar!.x + makeupBar!.width)).toBeLessThanOrEqual(Math.round(day3!.x));
  expect(Math.round(makeupBar!.x + makeupBar!.width)).toBeGreaterThan(Math.round(day3!.x - 4));
  expect(await chart.locator('.follow-up-label').textContent()).toBe('follow-up from day 29 · Fri, Dec 18');
  expect(await chart.locator('.phase').count()).toBe(
    JSON.parse(original).phases.filter((p: { fromDay: number }) => p.fromDay <= 35).length,
  );
  // Reminders: every morning of days 2–14, the day the sun care eases, the follow-up day.
  expect(await chart.locator('circle.reminder').count()).toBe(13);
  expect(await chart.locator('.reminder.milestone').count()).toBe(2);
  expect(await text('#milestones')).toBe(
    'Follow-up bookable from day 29 (Fri, Dec 18). Morning reminders: every morning, days 2–14, plus day 15 (Fri, Dec 4), plus day 29 (Fri, Dec 18).',
  );
  // A click on a day shows it below.
  await chart.locator('.hit[data-day="8"]').click();
  await page.locator('#day-title').filter({ hasText: 'Day 8 (Fri, Nov 27)' }).waitFor();
});

test("day 3's briefing, card and answers are what the skill says to a patient on day 3", async () => {
  const patient = await patientOnDay3();
  const brief = await patient.say('ask microneedling care what should I do today');
  expect(await text('#briefing')).toBe(brief.speech);
  expect(await text('#card')).toBe(`${brief.card?.title}\n\n${brief.card?.text}`);
  const makeup = await patient.say('ask microneedling care can I wear makeup');
  expect((await answerRow('makeup').allInnerTexts())[0]).toBe(makeup.speech);
  const ibuprofen = await patient.say('ask microneedling care when can I take ibuprofen');
  expect((await answerRow('antiInflammatories').allInnerTexts())[1]).toBe(ibuprofen.speech);
  expect(await text('#seconds')).toMatch(/^\d+(\.\d)? s of the 25 s budget/);
  expect(await text('#reminder')).toMatch(/^Day 3 of your microneedling recovery/);
});

test('a 3-day makeup window changes the day-3 preview, and once saved the skill itself says it', async () => {
  const before = (await answerRow('makeup').allInnerTexts())[0];
  expect(before).not.toMatch(/^Not yet/);
  await openActivity('makeup');
  await typeInto(makeupWindow(), '3');
  // The article's "at least" hours follow the days: one field to change, not two.
  expect(await page.locator('[data-path="activities[0].atLeastHours"]').inputValue()).toBe('72');
  await page.locator('#answers tr[data-activity="makeup"] td').first().filter({ hasText: 'Not yet' }).waitFor();
  const preview = (await answerRow('makeup').allInnerTexts())[0];
  expect(preview).toMatch(/^Not yet: no makeup until tomorrow, day 4\b/);
  expect(await text('#briefing')).toMatch(/no makeup/i);

  await page.locator('#save:not([disabled])').focus();
  await page.keyboard.press('Enter');
  await page
    .locator('#save-status')
    .filter({ hasText: /^Saved to / })
    .waitFor();

  // The same file, one value changed: same key order and layout, so the diff is that one line.
  const saved = await readFile(file, 'utf8');
  const changed = saved.split('\n').filter((line, i) => line !== original.split('\n')[i]);
  expect(changed).toContain('      "avoidThroughDay": 3,');
  expect(changed.filter((line) => !['      "avoidThroughDay": 3,', '      "atLeastHours": 72,'].includes(line))).toEqual([]);

  const skill = h.skillWith({ protocol: await loadProtocolFiles(paths) });
  const patient = await patientOnDay3(skill);
  expect((await patient.say('ask microneedling care can I wear makeup')).speech).toBe(preview);
  expect((await patient.say('ask microneedling care what should I do today')).speech).toBe(await text('#briefing'));
});

test("the clinic's name and phone, edited, are spoken in the follow-up reminder and saved to the clinic file alone", async () => {
  expect(await page.locator('#deploy-problems').innerText()).toContain('clinic.phone is a placeholder');
  await typeInto(page.locator('[data-doc="clinic"][data-path="name"]'), 'Glow Skin Clinic');
  await typeInto(page.locator('[data-doc="clinic"][data-path="phone"]'), '555 0100');
  await typeInto(page.locator('#day'), '29');
  await page.locator('#reminder').filter({ hasText: 'Call Glow Skin Clinic at 555 0100.' }).waitFor();
  expect(await page.locator('#deploy-problems').innerText()).not.toContain('clinic.phone');
  await page.locator('#save:not([disabled])').click();
  await page
    .locator('#save-status')
    .filter({ hasText: /^Saved to \S+clinic\.json\. / })
    .waitFor();
  expect(JSON.parse(await readFile(paths.clinic, 'utf8'))).toMatchObject({ name: 'Glow Skin Clinic', phone: '555 0100' });
  expect(await readFile(file, 'utf8')).toBe(original);
});

test.each([
  {
    edit: 'an empty makeup window',
    activity: 'makeup',
    field: 'activities[0].avoidThroughDay',
    value: '',
    named: 'Restricted through day',
    plain: 'Enter a whole number of days from 0 to 366.',
  },
  {
    edit: 'a word already used by makeup',
    activity: 'hard workouts',
    field: 'activities[1].synonyms',
    value: 'exercise\nfoundation',
    named: 'Words patients say',
    plain: '"foundation" already means makeup: each word patients say can mean only one thing.',
  },
])('$edit names the field at fault and cannot be saved', async ({ activity, field, value, named, plain }) => {
  await openActivity(activity);
  const control = page.locator(`[data-path="${field}"]`);
  await typeInto(control, value);
  const problem = page.locator('#problem');
  await problem.filter({ hasText: 'Cannot save' }).waitFor();
  expect(await problem.innerText()).toContain(`${activity}`);
  expect(await problem.innerText()).toContain(named);
  expect(await problem.innerText()).not.toContain(field); // the field's name, not its path
  // Said beside the field too, in plain words, and gone once mended.
  const beside = page.locator('.field-error');
  expect(await beside.innerText()).toBe(plain);
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#save').isDisabled()).toBe(true);

  // Nor by going round the page: the server checks again and writes nothing.
  const { docs, version } = (await (await fetch(`${url}api/docs`)).json()) as {
    docs: { protocol: { activities: { avoidThroughDay: unknown }[] } };
    version: string;
  };
  docs.protocol.activities[0]!.avoidThroughDay = '';
  const res = await fetch(`${url}api/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs, version }),
  });
  const refused = { status: res.status, body: await res.json() };
  expect(refused).toMatchObject({ status: 422, body: { ok: false, error: { path: 'activities[0].avoidThroughDay' } } });
  expect(await readFile(file, 'utf8')).toBe(original);
});

test('a file left invalid by a hand edit opens with the field named, and is mended and saved here', async () => {
  const broken = JSON.parse(original);
  broken.activities[0].avoidThroughDay = -1;
  await writeFile(file, `${JSON.stringify(broken, null, 2)}\n`);
  await page.reload();
  await page.locator('.field-error').filter({ hasText: 'Enter a whole number of days from 0 to 366.' }).waitFor();
  expect(await page.locator('#save').isDisabled()).toBe(true);
  await typeInto(makeupWindow(), '2');
  await page.locator('#problem:empty').waitFor({ state: 'attached' });
  expect(await page.locator('.field-error').count()).toBe(0);
  await page.locator('#save:not([disabled])').click();
  await page
    .locator('#save-status')
    .filter({ hasText: /^Saved to / })
    .waitFor();
  expect(await readFile(file, 'utf8')).toBe(original);
});

/** Roles a person operates: each needs a name a screen reader can say. */
const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'switch',
  'textbox',
  'spinbutton',
  'slider',
  'combobox',
  'Date',
  'DisclosureTriangle',
  'meter',
  'link',
]);
const focusedId = () => page.evaluate('document.activeElement && document.activeElement.id');

test('every control has a label, and the page works by keyboard: pick a day, sign off a fact, save', async () => {
  // Chromium's own accessibility tree, every section opened: no control without a name.
  await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  const controls = nodes.filter((n) => !n.ignored && CONTROL_ROLES.has(n.role?.value ?? ''));
  expect(controls.length).toBeGreaterThan(100);
  expect(controls.filter((n) => !n.name?.value.trim()).map((n) => n.role?.value)).toEqual([]);

  // Tab reaches the timeline; the arrow keys move the day shown below it.
  await page.locator('#day').focus();
  for (let i = 0; i < 5 && (await focusedId()) !== 'timeline'; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('timeline');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.locator('#day-title').filter({ hasText: 'Day 5 ' }).waitFor();
  expect(await page.locator('#timeline').getAttribute('aria-valuenow')).toBe('5');
  expect(await text('#briefing')).toMatch(/^Day 5 of your recovery\./);
  await page.keyboard.press('Home');
  await page.locator('#day-title').filter({ hasText: 'Day 1 ' }).waitFor();

  // Sign off the first unreviewed fact: its switch is named "reviewed" and the fact; Space, then Enter on Save.
  const row = page
    .locator('#facts tbody tr')
    .filter({ has: page.locator('[role=switch]:not(:checked)') })
    .first();
  const fact = (await row.locator('th').innerText()).trim();
  const toggle = page.getByRole('switch', { name: `reviewed ${fact}`, exact: true });
  const field = (await toggle.getAttribute('data-path'))!;
  await toggle.focus();
  await page.keyboard.press('Space');
  expect(await toggle.isChecked()).toBe(true);
  await page.locator('#save:not([disabled])').waitFor();
  await page.locator('#save').focus();
  await page.keyboard.press('Enter');
  await page
    .locator('#save-status')
    .filter({ hasText: /^Saved to / })
    .waitFor();
  const saved = JSON.parse(await readFile(file, 'utf8'));
  const at = (root: unknown, path: string) =>
    path
      .split(/\.|\[|\]\.?/)
      .filter(Boolean)
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root);
  expect([at(JSON.parse(original), field), at(saved, field)]).toEqual([false, true]);
});

const manifest = () => JSON.parse(readFileSync(path.join(repoRoot, 'skill-package/skill.json'), 'utf8'));
const saveByKeyboard = async (p: Page = page) => {
  await p.locator('#save:not([disabled])').focus();
  await p.keyboard.press('Enter');
  await p
    .locator('#save-status')
    .filter({ hasText: /^Saved to / })
    .waitFor();
};

test("makeup's 72 hours are the clinic's reading, not the article's: unreviewed until signed off, and the deploy gate says so", async () => {
  await openActivity('makeup');
  await typeInto(makeupWindow(), '3');
  const row = page.locator('#facts tbody tr').filter({ hasText: /avoid on days 1–3 \(at least 72 hours\)/ });
  await row.waitFor();
  expect(await row.locator('.source-kind').innerText()).toBe('Clinic reading, not reviewed');
  expect(await row.locator('.source-text').innerText()).toMatch(/the article says: "Wait at least 48 hours/);
  await saveByKeyboard();

  // What the deploy gate, the add-on and the skill read from the saved files: the same unreviewed reading.
  const saved = await loadProtocolFiles(paths);
  expect(reviewForDeploy(saved, manifest()).unreviewed.map((f) => f.path)).toContain('activities[0].avoidThroughDay');
  expect(isReviewed(saved.activities[0]!.source)).toBe(false);
  const skill = h.skillWith({ protocol: saved });
  const patient = await patientOnDay3(skill);
  expect((await patient.say('ask microneedling care can I wear makeup')).speech).toMatch(
    /a reading of the article your clinic has not confirmed yet\.$/,
  );

  // Signed off, it counts; the sign-off is of these numbers.
  const toggle = row.getByRole('switch');
  await toggle.check();
  await row.locator('.source-kind').filter({ hasText: 'Clinic reading, reviewed' }).waitFor();
  await saveByKeyboard();
  const signed = await loadProtocolFiles(paths);
  expect(reviewForDeploy(signed, manifest()).unreviewed.map((f) => f.path)).not.toContain('activities[0].avoidThroughDay');
  expect(JSON.parse(await readFile(file, 'utf8')).activities[0].source).toMatchObject({
    reviewedByClinic: true,
    supports: { avoidThroughDay: 3, atLeastHours: 72 },
  });
});

test('a save from a stale tab is refused, and reload + re-apply keeps both edits', async () => {
  const other = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  other.setDefaultTimeout(5000);
  try {
    await other.goto(`${url}?treatment=${TREATMENT}&day=3`);
    await other.locator('#briefing').filter({ hasText: 'Day 3' }).waitFor();
    // This tab saves makeup's 3 days; the other, opened before, then saves a phone number.
    await openActivity('makeup');
    await typeInto(makeupWindow(), '3');
    await saveByKeyboard();
    await other.locator('[data-doc="clinic"][data-path="phone"]').fill('555 0100');
    await other.locator('#save:not([disabled])').click();
    await other.locator('#stale').waitFor();
    expect(await other.locator('#save-status').innerText()).toBe('Not saved: the files changed since this page opened them.');
    expect(JSON.parse(await readFile(file, 'utf8')).activities[0].avoidThroughDay).toBe(3);
    expect(JSON.parse(await readFile(paths.clinic, 'utf8')).phone).not.toBe('555 0100');

    await other.locator('#reload').click();
    await other
      .locator('#save-status')
      .filter({ hasText: /^Reloaded the saved files and applied your edit again/ })
      .waitFor();
    expect(await other.locator('[data-doc="clinic"][data-path="phone"]').inputValue()).toBe('555 0100');
    expect(await other.locator('[data-path="activities[0].avoidThroughDay"]').inputValue()).toBe('3');
    await other.locator('#save:not([disabled])').click();
    await other
      .locator('#save-status')
      .filter({ hasText: /^Saved to / })
      .waitFor();
    expect(JSON.parse(await readFile(file, 'utf8')).activities[0].avoidThroughDay).toBe(3);
    expect(JSON.parse(await readFile(paths.clinic, 'utf8')).phone).toBe('555 0100');
  } finally {
    await other.close();
  }
});

test('20 rounds of 4 parallel saves from the page leave valid files, one save each round, and never a 500', async () => {
  const statuses = new Map<number, number>();
  for (let round = 0; round < 20; round++) {
    const results = await page.evaluate(async (r) => {
      const loaded = (await (await fetch('/api/docs')).json()) as { docs: any; version: string };
      return Promise.all(
        [0, 1, 2, 3].map(async (i) => {
          const docs = structuredClone(loaded.docs);
          docs.clinic.phone = `555 01${r}${i}`;
          docs.protocol.activities[0].avoidThroughDay = 2 + ((r + i) % 2);
          docs.protocol.activities[0].atLeastHours = docs.protocol.activities[0].avoidThroughDay * 24;
          const res = await fetch('/api/save', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ docs, version: loaded.version }),
          });
          return { status: res.status, body: await res.text() };
        }),
      );
    }, round);
    for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(JSON.parse(r.body)).toMatchObject({ ok: false, stale: true });
    const docs = { protocol: JSON.parse(await readFile(file, 'utf8')), clinic: JSON.parse(await readFile(paths.clinic, 'utf8')) };
    expect(checkDocs(docs).ok).toBe(true);
  }
  expect(Object.fromEntries(statuses)).toEqual({ 200: 20, 409: 60 });
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a disclaimer too long for Alexa is refused with its reason, beside the field', async () => {
  await typeInto(page.locator('[data-path="disclaimer"]'), 'x');
  await page.locator('[data-path="disclaimer"]').fill('This is general aftercare guidance from your clinic. '.repeat(175));
  const reason = page.locator('.field-error').filter({ hasText: /8,000/ });
  await reason.waitFor();
  expect(await reason.innerText()).toMatch(
    /^The greeting a new patient hears first would be 9,\d{3} characters long; Alexa refuses more than 8,000\.$/,
  );
  expect(await page.locator('#save').isDisabled()).toBe(true);
  const { docs, version } = (await (await fetch(`${url}api/docs`)).json()) as {
    docs: { protocol: { disclaimer: string } };
    version: string;
  };
  docs.protocol.disclaimer = 'This is general aftercare guidance from your clinic. '.repeat(175);
  const res = await fetch(`${url}api/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs, version }),
  });
  expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 422, body: { ok: false, error: { path: 'disclaimer' } } });
  expect(await readFile(file, 'utf8')).toBe(original);
});

test("a word added to makeup can be tried in the day view, through the skill's own understanding", async () => {
  await typeInto(page.locator('#day'), '2');
  await page.locator('#day-title').filter({ hasText: 'Day 2 ' }).waitFor();
  await page.locator('#phrase').fill('can I use primer?');
  await page.keyboard.press('Enter');
  await page
    .locator('#phrase-answer')
    .filter({ hasText: /^Your clinic's aftercare doesn't cover that;/ })
    .waitFor();
  await openActivity('makeup');
  const words = page.locator('[data-path="activities[0].synonyms"]');
  await words.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprimer');
  await page
    .locator('#phrase-answer')
    .filter({ hasText: /^Not yet: no makeup until tomorrow, day 3\b/ })
    .waitFor();
});

test('on a phone (390 × 844) nothing scrolls sideways, the timeline text is at least 11 px and Print is in view', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(5000);
  try {
    await phone.goto(`${url}?treatment=${TREATMENT}&day=3`);
    await phone.locator('#briefing').filter({ hasText: 'Day 3' }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const sizes = (await phone.evaluate(`(() => {
      const svg = document.querySelector('#timeline svg');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    })()`)) as number[];
    expect(sizes.length).toBeGreaterThan(40);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    const print = await phone.locator('#print').boundingBox();
    expect(print!.x).toBeGreaterThanOrEqual(0);
    expect(print!.x + print!.width).toBeLessThanOrEqual(390);
    // Printed, the timeline names its year.
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('#print-title').innerText()).toMatch(/^Treatment on Friday, November 20, 2026: days 1–35/);
  } finally {
    await phone.close();
  }
});

/** axe-core's own rules, run in the page (injected by the test; the page loads nothing but its own files). */
async function axeViolations(): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

test('axe-core finds no violations, with every section open and with an error on the page', async () => {
  await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
  expect(await axeViolations()).toEqual([]);
  await typeInto(makeupWindow(), '');
  await page.locator('.field-error').waitFor();
  expect(await axeViolations()).toEqual([]);
});

test('web security is on: a page of one origin cannot read the studio by another name', async () => {
  const other = url.replace('127.0.0.1', 'localhost');
  const read = await page.evaluate(`fetch(${JSON.stringify(`${other}api/docs`)}).then(() => 'read', () => 'refused')`);
  expect(read).toBe('refused');
});
