import { readFileSync } from 'node:fs';
import path from 'node:path';
import data from '../../lambda/protocol/default-protocol.json';
import { defaultProtocol, parseProtocol } from '../../lambda/protocol/load';
import { ProtocolError } from '../../lambda/protocol/schema';

const ARTICLE = readFileSync(path.join(__dirname, '../../lambda/protocol/source-article.txt'), 'utf8').replace(/\s+/g, ' ');

/** A deep copy of the default protocol with one change applied, as a clinic would edit the file. */
function edited(change: (p: any) => void): unknown {
  const copy = JSON.parse(JSON.stringify(data));
  change(copy);
  return copy;
}

describe('the default care protocol', () => {
  test('is valid', () => {
    expect(() => defaultProtocol()).not.toThrow();
  });

  test('an article window says what its sentence vouches for; a window the article does not state is a clinic reading', () => {
    for (const a of data.activities.filter((x) => x.kind !== 'encouraged')) {
      const source = a.source as { article?: string; supports?: object };
      expect({ id: a.id, vouches: source.article === undefined || source.supports !== undefined }).toEqual({ id: a.id, vouches: true });
    }
  });

  test('the end of the day-1 exercise and sauna rule is a reading awaiting review (the article only names day 1)', () => {
    // A reading, whether or not the clinic has signed it off yet (the report and the gate show which).
    const readings = defaultProtocol()
      .activities.filter((a) => 'clinic' in a.source)
      .map((a) => a.id);
    expect(readings).toEqual(expect.arrayContaining(['exercise', 'sauna']));
  });

  test.each(defaultProtocol().activities.map((a) => [a.id, a] as const))(
    '%s: the advice once allowed never speaks of the wait, the reason while avoided never of after it',
    (_id, a) => {
      expect(a.onceAllowed?.text ?? '').not.toMatch(/before then|until then|not yet|\bwait\b|until day/i);
      expect(a.whileAvoided?.text ?? '').not.toMatch(/once (it is |it's )?allowed|after that|from then on|\bagain\b/i);
    },
  );

  test('says the results build over two to three months after the treatment, never "for two to three months" from a late day', () => {
    for (const phase of defaultProtocol().phases) {
      if (/two to three months/.test(phase.skin.text) && /keep/.test(phase.skin.text)) {
        expect(phase.skin.text).toContain('after your treatment');
        expect(phase.toDay ?? Infinity).toBeLessThanOrEqual(91);
      }
    }
  });

  // What each of the article's windows says, in its own words: the data's `supports` must agree with its sentence.
  test.each([
    ['48 hours', { avoidThroughDay: 2, atLeastHours: 48 }],
    ['at least one week', { avoidThroughDay: 7, atLeastHours: 168 }],
    ['extra precautions in the 2 weeks', { avoidThroughDay: 14 }],
    // Not "avoid intense exercise and saunas": it names day 1 only, so the end (day 2) is a reading (issue 17).
    ['after 4 weeks', { afterDays: 28 }],
  ])('the article\'s "%s" is vouched for as %j wherever it is the source', (words, values) => {
    const sources = [...data.activities.map((a) => a.source), data.followUp.source] as { article?: string; supports?: object }[];
    const quoting = sources.filter((s) => s.article?.includes(words));
    // The words are the article's; a clinic that sets its own window quotes them no more, so none may be left.
    expect(ARTICLE).toContain(words);
    for (const s of quoting) expect(s.supports).toEqual(values);
  });
});

describe('an invalid protocol file fails with a message naming the field', () => {
  test.each([
    ['a negative window', (p: any) => (p.activities[3].avoidThroughDay = -1), 'activities[3].avoidThroughDay'],
    ['a window that is not a number', (p: any) => (p.activities[0].avoidThroughDay = '2'), 'activities[0].avoidThroughDay'],
    ['a missing fact text', (p: any) => delete p.activities[0].onceAllowed.text, 'activities[0].onceAllowed.text is missing'],
    ['a fact without a source', (p: any) => delete p.activities[0].whileAvoided.source, 'activities[0].whileAvoided.source is missing'],
    ['a source that is neither article nor clinic', (p: any) => (p.phases[0].skin.source = { blog: 'x' }), 'phases[0].skin.source must be'],
    [
      'a clinic reading without a review state',
      (p: any) => (p.activities[4].source = { clinic: 'our reading' }),
      'activities[4].source.reviewedByClinic is missing',
    ],
    [
      'an "at least" that does not fit the window',
      (p: any) => (p.activities[0].atLeastHours = 36),
      'activities[0].atLeastHours must be avoidThroughDay × 24',
    ],
    [
      'a limit without its briefing words',
      (p: any) => delete p.activities[9].briefly,
      'activities[9].whileAvoided, onceAllowed and briefly must be set',
    ],
    ['an unknown kind', (p: any) => (p.activities[2].kind = 'maybe'), 'activities[2].kind'],
    ['an empty skin description', (p: any) => (p.phases[0].skin = ' '), 'phases[0].skin'],
    ['a gap between phases', (p: any) => (p.phases[2].fromDay = 4), 'phases[2].fromDay'],
    ['an end on the last phase', (p: any) => (p.phases[p.phases.length - 1].toDay = 400), `phases[${data.phases.length - 1}].toDay`],
    ['a synonym used twice', (p: any) => p.activities[1].synonyms.push('Advil'), 'activities[3].synonyms'],
    ['a misspelled field', (p: any) => (p.activities[0].avoidThroughDays = 2), 'activities[0].avoidThroughDays is not a known field'],
    ['a follow-up of zero days', (p: any) => (p.followUp.afterDays = 0), 'followUp.afterDays'],
    ['a restriction with no window', (p: any) => (p.activities[0].avoidThroughDay = 0), 'activities[0].avoidThroughDay'],
    ['an unknown schema version', (p: any) => (p.schemaVersion = 1), 'schemaVersion'],
  ])('%s', (_name, change, field) => {
    let error: unknown;
    try {
      parseProtocol(edited(change));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toContain(field);
  });
});
