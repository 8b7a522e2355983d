import { StaticAplTemplateValidator } from 'apl-suggester';
import manifest from '../../skill-package/skill.json';
import answerDocument from '../../lambda/alexa/apl/answerScreen.json';
import dayDocument from '../../lambda/alexa/apl/dayScreen.json';
import { ANSWER_TOKEN, DAY_TOKEN } from '../../lambda/alexa/apl/render';
import { testProtocol } from '../support/testProtocol';
import { bindingProblems, shapeOf, withData } from './aplBinding';
import { everyScreen } from './everyScreen';

/**
 * Every APL document the skill can send, checked offline with Amazon's apl-suggester (2024.2.0: it
 * reports every finding as a WARNING, and any finding fails here), together with the data of every
 * screen on recovery days 1–35 and every answer kind. The documents are static, so each is validated
 * once; the data of every screen goes through apl-suggester's data-source check and through
 * aplBinding.ts (everything the document reads is in the data).
 */

const screens = everyScreen(testProtocol());

/** apl-suggester warns "No mixin for component" on the console for some components; its findings are what it returns. */
async function validate<T>(run: () => Promise<T>): Promise<T> {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    warn.mockRestore();
  }
}

test('the skill declares APL in its manifest', () => {
  expect(manifest.manifest.apis.custom.interfaces).toEqual(
    expect.arrayContaining([expect.objectContaining({ type: 'ALEXA_PRESENTATION_APL' })]),
  );
});

test('every document the skill can send passes apl-suggester with no finding', async () => {
  const documents = new Map(screens.map((s) => [s.directive.token, s.directive.document]));
  expect([...documents.keys()].sort()).toEqual([ANSWER_TOKEN, DAY_TOKEN].sort());
  expect(documents.get(DAY_TOKEN)).toBe(dayDocument);
  expect(documents.get(ANSWER_TOKEN)).toBe(answerDocument);
  const validator = new StaticAplTemplateValidator();
  // One at a time: apl-suggester's validate() is not safe to run twice at once.
  for (const [token, document] of documents) {
    expect(document).toMatchObject({ type: 'APL', version: '2024.2' });
    const findings = await validate(() => validator.validate(document as object));
    expect({ token, findings }).toEqual({ token, findings: [] });
  }
});

test('apl-suggester finds a broken document (the check can fail)', async () => {
  const broken = JSON.parse(JSON.stringify(dayDocument));
  broken.mainTemplate.items[0].item.items[4].scrollDirection = 'sideways';
  const findings = await validate(() => new StaticAplTemplateValidator().validate(broken));
  expect(findings.map((f) => f.errorMessage).join()).toMatch(/allowed values/);
});

test(`the data of all ${screens.length} screens of days 1-35 fits its document`, async () => {
  expect(screens.length).toBeGreaterThan(35 * 30);
  const validator = new StaticAplTemplateValidator();
  const problems: string[] = [];
  for (const { label, directive } of screens) {
    const findings = await validator.validateDataSources(directive.datasources ?? {});
    for (const f of findings) problems.push(`${label}: ${f.path} ${f.errorMessage}`);
    for (const p of bindingProblems(directive.document as never, directive.datasources ?? {})) problems.push(`${label}: ${p}`);
  }
  expect(problems).toEqual([]);
});

test('every distinct shape of document and data, inflated with its data, passes apl-suggester with no finding', async () => {
  // Screens whose data differ only in wording share a shape (list lengths, numbers, empty or not):
  // one of each is validated, written out with its own data.
  const shapes = new Map<string, (typeof screens)[number]>();
  for (const s of screens) {
    const key = shapeOf(s.directive.token, s.directive.datasources);
    if (!shapes.has(key)) shapes.set(key, s);
  }
  const validator = new StaticAplTemplateValidator();
  const findings: string[] = [];
  const started = Date.now();
  for (const { label, directive } of shapes.values()) {
    const inflated = withData(directive.document as never, directive.datasources ?? {});
    expect(JSON.stringify(inflated)).not.toMatch(/\$\{(payload\.screen|data)(\.[A-Za-z_]+)*\}/);
    for (const f of await validate(() => validator.validate(inflated))) findings.push(`${label}: ${f.path} ${f.errorMessage}`);
  }
  expect(findings).toEqual([]);
  // Kept fast: a few dozen validations stand for all the screens (README, Screens: the numbers).
  expect(shapes.size).toBeLessThan(screens.length / 10);
  if (process.env.SCREENS_TIMING)
    process.stdout.write(`apl-suggester: ${shapes.size} shapes of ${screens.length} screens in ${Date.now() - started} ms\n`);
});

test('the binding check finds data the document reads but the screen lacks', () => {
  const day = screens.find((s) => s.directive.token === DAY_TOKEN)!.directive;
  const { title: _title, ...withoutTitle } = (day.datasources as { screen: Record<string, unknown> }).screen;
  expect(bindingProblems(day.document as never, { screen: withoutTitle })).toEqual([
    expect.stringContaining('payload.screen.title is missing'),
  ]);
});
