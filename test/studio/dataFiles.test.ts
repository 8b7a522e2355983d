import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StaleSave, checkDocs, defaultPaths, readDocs, readSnapshot, stableJson, writeDocs } from '../../studio/dataFiles';
import { startStudio } from '../../studio/server';

/** What the studio saves and refuses, without a browser: the file's layout, and the field each mistake names. */
const committed = () => readFile(defaultPaths().protocol, 'utf8');
const docs = () => readDocs(defaultPaths());

test('saving the protocol unchanged writes the committed bytes back', async () => {
  const text = await committed();
  expect(stableJson(JSON.parse(text), JSON.parse(text))).toBe(text);
});

test('keys keep the file order whatever order the page sent them in; a new key goes last', () => {
  const template = { b: 1, a: { y: 1, x: 2 }, list: [{ id: 'm', days: 2 }] };
  const edited = {
    extra: true,
    list: [
      { days: 3, id: 'm' },
      { days: 1, id: 'n' },
    ],
    a: { x: 5, y: 1 },
    b: 2,
  };
  expect(stableJson(edited, template)).toBe(
    `${JSON.stringify(
      {
        b: 2,
        a: { y: 1, x: 5 },
        list: [
          { id: 'm', days: 3 },
          { id: 'n', days: 1 },
        ],
        extra: true,
      },
      null,
      2,
    )}\n`,
  );
});

/** The parts of the file these edits touch. */
interface Raw {
  activities: { avoidThroughDay: unknown; shortName: string; synonyms: string[] }[];
  phases: { fromDay: number }[];
  followUp: Record<string, unknown>;
}

test.each<[string, (p: Raw) => string]>([
  ['a window that is not a number', (p) => ((p.activities[0]!.avoidThroughDay = 'two'), 'activities[0].avoidThroughDay')],
  ['an empty name', (p) => ((p.activities[3]!.shortName = ' '), 'activities[3].shortName')],
  ['a synonym used twice', (p) => `activities[1].synonyms[${p.activities[1]!.synonyms.push('Foundation') - 1}]`],
  ['phases with a gap', (p) => ((p.phases[1]!.fromDay = 3), 'phases[1].fromDay')],
  ['a field the skill does not know', (p) => ((p.followUp.weeks = 4), 'followUp.weeks')],
])('%s is refused, naming the field', async (_name, edit) => {
  const protocol = JSON.parse(await committed()) as Raw;
  const field = edit(protocol);
  expect(checkDocs({ ...(await docs()), protocol })).toMatchObject({ ok: false, error: { doc: 'protocol', path: field } });
});

test('a file that is not an object is refused as a whole', async () => {
  expect(checkDocs({ ...(await docs()), protocol: 'x' })).toMatchObject({ ok: false, error: { doc: 'protocol', path: '' } });
});

test('the committed files pass', async () => {
  expect(checkDocs(await docs()).ok).toBe(true);
});

test.each([
  ['phone', 'call us'],
  ['privacyPolicyUrl', 'http://example.com/privacy'],
])('a clinic %s the skill would refuse is named in the clinic file', async (field, value) => {
  const all = await docs();
  const clinic = { ...(all.clinic as Record<string, string>), [field]: value };
  expect(checkDocs({ ...all, clinic })).toMatchObject({ ok: false, error: { doc: 'clinic', path: field } });
});

describe('the schema checks what the clinic can type', () => {
  test.each<[string, (p: any) => void, string]>([
    ['a field named toString', (p) => (p.followUp.toString = 4), 'followUp.toString'],
    ['a field named constructor', (p) => (p.activities[0].constructor = 'x'), 'activities[0].constructor'],
    [
      'a field named __proto__',
      (p) => Object.defineProperty(p.followUp, '__proto__', { value: 1, enumerable: true }),
      'followUp.__proto__',
    ],
    ['a word with a trailing space', (p) => p.activities[1].synonyms.push('spin class '), 'activities[1].synonyms['],
    ['a word used twice, in other letters and spaces', (p) => p.activities[1].synonyms.push('FOUNDATION'), 'activities[1].synonyms['],
    ['400 days', (p) => (p.activities[4].avoidThroughDay = 400), 'activities[4].avoidThroughDay'],
    ['a follow-up after 400 days', (p) => (p.followUp.afterDays = 400), 'followUp.afterDays'],
  ])('%s is refused', async (_name, edit, field) => {
    const protocol = JSON.parse(await committed());
    edit(protocol);
    const checked = checkDocs({ ...(await docs()), protocol });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error.path).toContain(field);
  });

  test('a missing field is said in plain words', async () => {
    const protocol = JSON.parse(await committed());
    delete protocol.followUp.source;
    expect(checkDocs({ ...(await docs()), protocol })).toMatchObject({
      ok: false,
      error: { path: 'followUp.source', plain: 'This is missing.' },
    });
  });
});

describe("Alexa's limits, on every answer an edit produces", () => {
  const edited = async (edit: (p: any) => void) => {
    const protocol = JSON.parse(await committed());
    edit(protocol);
    return checkDocs({ ...(await docs()), protocol });
  };
  test('a disclaimer over 8,000 characters of SSML is refused, naming the disclaimer', async () => {
    const checked = await edited((p) => (p.disclaimer = 'Follow your own provider. '.repeat(350)));
    expect(checked).toMatchObject({
      ok: false,
      error: {
        path: 'disclaimer',
        plain: expect.stringMatching(
          /^The greeting a new patient hears first would be 9,\d{3} characters long; Alexa refuses more than 8,000\.$/,
        ),
      },
    });
  });
  test('a long disclaimer that fits 8,000 characters but not 25 seconds is refused too', async () => {
    const checked = await edited((p) => (p.disclaimer = 'Follow your own provider. '.repeat(20)));
    expect(checked).toMatchObject({
      ok: false,
      error: { path: 'disclaimer', plain: expect.stringMatching(/would take about \d+ seconds to say; answers must fit in 25/) },
    });
  });
  test("an activity's advice too long to say names that activity", async () => {
    const checked = await edited((p) => (p.activities[3].whileAvoided.text = 'they slow the healing '.repeat(30).trim()));
    expect(checked).toMatchObject({ ok: false, error: { path: 'activities[3]' } });
  });
});

describe('saves', () => {
  const scratch = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'studio-files-'));
    const paths = { protocol: path.join(dir, 'protocol.json'), clinic: path.join(dir, 'clinic.json') };
    await copyFile(defaultPaths().protocol, paths.protocol);
    await copyFile(defaultPaths().clinic, paths.clinic);
    return { dir, paths };
  };

  test('4 saves at once from the same version: one is written, three are stale, both files change together', async () => {
    const { dir, paths } = await scratch();
    const before = await readSnapshot(paths);
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => {
        const next = structuredClone(before.docs) as any;
        next.clinic.phone = `555 010${i}`;
        next.protocol.activities[0].whileAvoided.text = `makeup would clog your pores (${i})`;
        return writeDocs(paths, next, before.version);
      }),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect(results.slice(1).map((r) => r.status === 'rejected' && r.reason instanceof StaleSave)).toEqual([true, true, true]);
    const after = await readSnapshot(paths);
    expect([after.docs.clinic, (after.docs.protocol as any).activities[0].whileAvoided.text]).toEqual([
      expect.objectContaining({ phone: '555 0101' }),
      'makeup would clog your pores (1)',
    ]);
    expect(await readdir(dir)).toEqual(['clinic.json', 'protocol.json']);
    await rm(dir, { recursive: true });
  });

  test('a file that is not JSON is explained at start; the studio starts anyway and the page is told, without the full path', async () => {
    const { dir, paths } = await scratch();
    await writeFile(paths.protocol, '{ "schemaVersion": 2,');
    const said: string[] = [];
    const studio = await startStudio({ paths, log: (line) => said.push(line) });
    try {
      expect(said.join('\n')).toMatch(/^protocol\.json cannot be read \(not valid JSON: .+\)\. Fix it in a text editor/);
      const res = await fetch(`${studio.url}api/docs`);
      const body = await res.text();
      expect(res.status).toBe(409);
      expect(JSON.parse(body)).toMatchObject({
        ok: false,
        broken: { doc: 'protocol', message: expect.stringMatching(/^protocol\.json cannot be read/) },
      });
      expect(body).not.toContain(dir);
    } finally {
      await studio.stop();
      await rm(dir, { recursive: true });
    }
  });
});
