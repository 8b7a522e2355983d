import type { IsoDate } from '../../lambda/domain/calendar';
import { answerPhrase } from '../../studio/preview';
import { testProtocol } from '../support/testProtocol';

/**
 * The studio's "try what a patient might say" box answers as the skill does, through the answers core
 * alone: a hot tub is not covered (never a symptom for its "hot"), a symptom inside another question wins.
 */
const protocol = testProtocol();
const TREATMENT = '2026-11-20' as IsoDate;

test.each([
  ['can I use the hot tub', /doesn't cover hot tubs/, /symptom/],
  ['can I take a hot shower?', /doesn't cover hot showers/, /symptom/],
  ['can I put ice on my swollen face', /can't check symptoms/, /ice/i],
  ['it stings when I put moisturizer on', /can't check symptoms/, /encouraged/],
  ['can I wear makeup?', /makeup is fine again/, /symptom/],
])('day 3, "%s"', (phrase, says, never) => {
  const answer = answerPhrase(protocol, TREATMENT, 3, phrase);
  expect(answer).toMatch(says);
  expect(answer).not.toMatch(never);
});
