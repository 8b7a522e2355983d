import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Protocol } from '../../lambda/protocol/types';

/**
 * A clinic's valid edit never breaks `npm test`. The clinic's files are copied to a temp folder and
 * edited as the studio saves them (makeup 3 days / 72 hours, a new phone); then the content tests —
 * test/protocol/protocol.test.ts (schema, the article's windows) and test/care/fidelity.test.ts (every
 * sentence from data, every article quote) — run again here, their `defaultProtocol()` reading the
 * edited copy, together with the studio's own save check (schema and Alexa's limits) and the deploy
 * gate's counts. Behaviour tests run on the frozen test protocol (test/support/testProtocol.ts), so
 * the edit cannot reach them.
 */
const root = path.join(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'clinic-edit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clinicFile = (name: string): any => JSON.parse(readFileSync(path.join(root, 'lambda/protocol', name), 'utf8'));
const PHONE = '(555) 010-7788';

/** Makeup from the article's 2 days / 48 hours to 3 days / 72 hours: the days, and the hours that follow them. */
function makeup72(p: any, signedOff: boolean): void {
  const makeup = p.activities.find((a: any) => a.id === 'makeup');
  makeup.avoidThroughDay = 3;
  makeup.atLeastHours = 72;
  // Saved alone, the numbers drift from the article's `supports` and read as an unreviewed clinic reading;
  // signed off, the studio writes the reading with the numbers it vouches for.
  if (signedOff) {
    const article = makeup.source.article ?? makeup.source.clinic;
    makeup.source = {
      clinic: `the clinic's own window; the article says: "${article}"`,
      reviewedByClinic: true,
      supports: { avoidThroughDay: 3, atLeastHours: 72 },
    };
  }
}

/** The edited copy on disk, written as the studio writes (two-space JSON, a final newline), and read back. */
function savedCopy(variant: string, signedOff: boolean): { protocol: unknown; clinic: unknown } {
  const protocol = clinicFile('default-protocol.json');
  const clinic = clinicFile('clinic.json');
  makeup72(protocol, signedOff);
  clinic.phone = PHONE;
  const out = (name: string, doc: unknown) => {
    const file = path.join(dir, `${variant}-${name}`);
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  return { protocol: out('protocol.json', protocol), clinic: out('clinic.json', clinic) };
}

describe.each([
  ['makeup 3 days / 72 hours saved, not yet signed off, and a new phone', 'saved', false],
  ['makeup 3 days / 72 hours signed off, and a new phone', 'signed', true],
])('%s', (_title, variant, signedOff) => {
  const copy = savedCopy(variant, signedOff);
  // A module registry of its own, in which the clinic's files are the edited copy; the content tests run in it.
  jest.isolateModules(() => {
    jest.doMock('../../lambda/protocol/default-protocol.json', () => copy.protocol);
    jest.doMock('../../lambda/protocol/clinic.json', () => copy.clinic);
    const { defaultProtocol } = require('../../lambda/protocol/load') as typeof import('../../lambda/protocol/load');
    const { checkDocs } = require('../../studio/dataFiles') as typeof import('../../studio/dataFiles');
    const { reviewForDeploy } = require('../../lambda/protocol/review') as typeof import('../../lambda/protocol/review');
    const { isPlaceholder } = require('../../lambda/protocol/load') as typeof import('../../lambda/protocol/load');
    const manifest = require('../../skill-package/skill.json');

    test('the edit is what the clinic saved: makeup 3 days / 72 hours and the new phone', () => {
      const p: Protocol = defaultProtocol();
      expect(p.activities.find((a) => a.id === 'makeup')).toMatchObject({ avoidThroughDay: 3, atLeastHours: 72 });
      expect(p.clinic.phone).toBe(PHONE);
      expect('article' in p.activities.find((a) => a.id === 'makeup')!.source).toBe(false);
    });

    test("the studio's save check passes it: schema and Alexa's limits on every answer", () => {
      expect(checkDocs(copy)).toMatchObject({ ok: true });
    });

    test('the deploy gate names exactly what is open: unreviewed readings and the placeholders left', () => {
      const review = reviewForDeploy(defaultProtocol(), manifest);
      const at = `activities[${defaultProtocol().activities.findIndex((a) => a.id === 'makeup')}].avoidThroughDay`;
      // Open while unsigned, as long as the file's source vouched for other numbers (the shipped 2 days / 48 hours).
      const raw = (copy.protocol as any).activities.find((a: any) => a.id === 'makeup');
      const open =
        ('clinic' in raw.source && !raw.source.reviewedByClinic) ||
        Object.entries(raw.source.supports ?? {}).some(([k, v]) => raw[k] !== v);
      if (signedOff) expect(open).toBe(false);
      expect(review.unreviewed.some((f) => f.path === at)).toBe(open);
      const placeholders = Object.entries(defaultProtocol().clinic).filter(([, v]) => isPlaceholder(v));
      for (const [field] of placeholders) expect(review.problems.join('\n')).toContain(`clinic.${field} is a placeholder`);
      expect(review.problems.join('\n')).not.toContain('clinic.phone');
    });

    require('./protocol.test');
    require('../care/fidelity.test');
  });
});
