import { readFile } from 'node:fs/promises';
import { checkDocs, defaultPaths, readDocs, stableJson } from '../../studio/dataFiles';

/** What the studio saves and refuses, without a browser: the file's layout, and the field each mistake names. */
const committed = () => readFile(defaultPaths().protocol, 'utf8');
const docs = () => readDocs(defaultPaths());

test('saving the protocol unchanged writes the committed bytes back', async () => {
  const text = await committed();
  expect(stableJson(JSON.parse(text), JSON.parse(text))).toBe(text);
});

test('keys keep the file order whatever order the page sent them in; a new key goes last', () => {
  const template = { b: 1, a: { y: 1, x: 2 }, list: [{ id: 'm', days: 2 }] };
  const edited = { extra: true, list: [{ days: 3, id: 'm' }, { days: 1, id: 'n' }], a: { x: 5, y: 1 }, b: 2 };
  expect(stableJson(edited, template)).toBe(
    `${JSON.stringify({ b: 2, a: { y: 1, x: 5 }, list: [{ id: 'm', days: 3 }, { id: 'n', days: 1 }], extra: true }, null, 2)}\n`,
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
])("a clinic %s the skill would refuse is named in the clinic file", async (field, value) => {
  const all = await docs();
  const clinic = { ...(all.clinic as Record<string, string>), [field]: value };
  expect(checkDocs({ ...all, clinic })).toMatchObject({ ok: false, error: { doc: 'clinic', path: field } });
});
