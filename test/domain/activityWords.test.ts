import { activityKey, gerund, singular, topicPhrase } from '../../lambda/domain/activityWords';
import { findActivity } from '../../lambda/domain/care';
import { testProtocol } from '../support/testProtocol';

const protocol = testProtocol();

describe('everyday words find the protocol activity (articles, possessives, plurals, leading verbs dropped); words that mean something else find none', () => {
  test.each([
    ['a sauna', 'sauna'],
    ['the sauna', 'sauna'],
    ['saunas', 'sauna'],
    ['steam rooms', 'sauna'],
    ['go to the sauna', 'sauna'],
    ['go in the hot tub', undefined],
    ['take a hot bath', undefined],
    ['my retinol cream', 'retinoids'],
    ['retinol creams', 'retinoids'],
    ["my dermatologist's tretinoin", undefined],
    ['pick at the flakes', undefined],
    ['picking at my skin', undefined],
    ['go for a run', 'exercise'],
    ['go running', 'exercise'],
    ['lift weights', 'exercise'],
    ['go to the gym', 'exercise'],
    ['do hot yoga', 'exercise'],
    ['take an Advil', 'antiInflammatories'],
    ['take some aspirin', 'antiInflammatories'],
    ['a pain reliever', undefined],
    ['NSAIDs', 'antiInflammatories'],
    ['use an ice pack', 'ice'],
    ['my ice roller', 'ice'],
    ['a chemical peel', undefined],
    ['my face scrub', 'exfoliation'],
    ['my acne cream', 'retinoids'],
    ['a toner', 'acids'],
    ['my vitamin C serum', undefined],
    ['scented lotions', 'fragrance'],
    ['go to the beach', 'sun'],
    ['sit in the sun', 'sun'],
    ['go tanning', undefined],
    ['my moisturizer', 'gentleCare'],
    ['hyaluronic acid serum', 'gentleCare'],
    ['put on my mascara', 'makeup'],
    ['wear lipstick', 'makeup'],
    ['go for a swim', undefined],
    ['shave', undefined],
    ['botox', undefined],
  ])('%s → %s', (word, id) => {
    expect(findActivity(protocol, word)?.id).toBe(id);
  });

  test('both sides share one key, so a clinic synonym is found however it is said', () => {
    expect(activityKey('Pick the flakes')).toBe(activityKey('pick at the flakes'));
    expect(activityKey('steam room')).toBe(activityKey('the steam rooms'));
  });
});

describe('word forms', () => {
  test.each([
    ['flakes', 'flake'],
    ['saunas', 'sauna'],
    ['pain relievers', 'pain relievers'],
    ['glass', 'glass'],
    ['bus', 'bus'],
    ['peaches', 'peach'],
    ['remedies', 'remedy'],
  ])('singular(%s) = %s', (word, expected) => {
    expect(word.split(' ').length === 1 ? singular(word) : word).toBe(expected);
  });

  test.each([
    ['swim', 'swimming'],
    ['shave', 'shaving'],
    ['run', 'running'],
    ['lift', 'lifting'],
    ['wax', 'waxing'],
    ['running', 'running'],
  ])('gerund(%s) = %s', (verb, expected) => {
    expect(gerund(verb)).toBe(expected);
  });
});

describe('an unknown activity is echoed as a noun phrase', () => {
  test.each([
    ['for a swim', 'swimming'],
    ['go for a swim', 'swimming'],
    ['go swim', 'swimming'],
    ['shave', 'shaving'],
    ['get a facial', 'a facial'],
    ['my lip filler', 'your lip filler'],
    ['botox', 'botox'],
    ['go hiking', 'hiking'],
  ])('%s → %s', (said, expected) => {
    expect(topicPhrase(said)).toBe(expected);
  });
});
