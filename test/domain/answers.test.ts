import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus, followUp, planForDay } from '../../lambda/domain/care';
import { testProtocol } from '../support/testProtocol';
import type { Activity } from '../../lambda/protocol/types';
import { en } from '../../lambda/speech/en-US';
import { isPlural } from '../../lambda/speech/phrasing';

/**
 * What a patient hears, straight from the speech functions, for every activity of the protocol on every
 * day that matters. Treatment on Sunday, November 1st, 2026: day N is November N.
 */
const protocol = testProtocol();
const TREATMENT = '2026-11-01' as IsoDate;
const dateOf = (day: number): IsoDate => addDays(TREATMENT, day - 1);
const byId = (id: string): Activity => protocol.activities.find((a) => a.id === id) ?? fail(`no activity ${id}`);
const canI = (a: Activity, day: number) => en.canI(activityStatus(a, TREATMENT, day), day, dateOf(day));
const whenCanI = (a: Activity, day: number) => en.whenCanI(activityStatus(a, TREATMENT, day), dateOf(day));
const briefing = (day: number, today: number) => en.briefing(planForDay(protocol, TREATMENT, day), dateOf(today), protocol);
const card = (day: number, today: number) => en.briefingCard(planForDay(protocol, TREATMENT, day), dateOf(today)).content;
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const limits = protocol.activities.filter((a) => a.kind === 'limit');
const avoided = protocol.activities.filter((a) => a.kind === 'avoid');

describe('a "limit" (the sun) is never plainly allowed', () => {
  test.each(limits.flatMap((a) => days(1, 60).map((day) => [a.id, day] as const)))('%s on day %i', (id, day) => {
    const a = byId(id);
    const inWindow = day <= a.avoidThroughDay;
    for (const answer of [canI(a, day), whenCanI(a, day)]) {
      expect(answer).not.toMatch(/^(Yes|No)\b/);
      // Never the words the article does not use for the sun (issue 17).
      expect(answer).not.toMatch(/carefully|with care|any time|wait for .* is over|You already can/i);
      // The article's own care, in the window and after it.
      expect(answer.toLowerCase()).toContain((inWindow ? a.whileAvoided! : a.onceAllowed!).text.toLowerCase());
      expect(answer).toMatch(/minimize sun exposure/i);
      expect(answer).toMatch(/at least SPF 15, preferably higher than SPF 30/);
    }
    // In the window: until when the extra precautions last (the day they are over).
    if (inWindow) expect(whenCanI(a, day)).toContain('Your extra precautions last until');
  });

  test.each([
    [
      'day 1, can I',
      canI(byId('sun'), 1),
      'Minimize sun exposure and keep your skin out of direct sun; in these first 2 weeks take extra precautions: when you go outside, wear a wide-brimmed hat',
    ],
    ['day 1, when can I', whenCanI(byId('sun'), 1), 'Your extra precautions last until Sunday, November 15th, day 15.'],
    ['day 14, can I', canI(byId('sun'), 14), 'Your extra precautions last until tomorrow, day 15.'],
    ['day 15, can I', canI(byId('sun'), 15), 'As of today, your first 14 days of extra precautions are over.'],
    ['day 16, when can I', whenCanI(byId('sun'), 16), 'Minimize sun exposure and always keep your skin out of direct sun'],
    [
      'day 200, can I',
      canI(byId('sun'), 200),
      'a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30',
    ],
  ])('%s', (_name, answer, expected) => {
    expect(answer).toContain(expected);
    // One convention: "until" the day it eases, never "through" its last day.
    expect(answer).not.toMatch(/through|day 14\b/);
  });

  test('the card keeps the sun out of "Still off limits": extra precautions in the window, lasting advice after', () => {
    const [offLimits = '', rest = ''] = card(1, 1).split('Extra precautions:');
    expect(offLimits).toContain('Still off limits:');
    expect(offLimits).not.toContain('The sun');
    expect(rest).toContain('• The sun: extra precautions until Sunday, November 15th (day 15). Minimize sun exposure');
    for (const day of [15, 16, 40]) {
      expect(card(day, day)).not.toContain('Still off limits');
      expect(card(day, day)).toContain('Always:\n• The sun: minimize sun exposure and always keep your skin out of direct sun');
    }
  });

  test('the briefing speaks of extra precautions, not of a restriction, and never of its end as a plain yes', () => {
    expect(briefing(1, 1)).toContain('Extra sun precautions until November 15th.');
    expect(briefing(9, 9)).toContain(
      'Until Sunday, extra sun precautions: out of direct sun, a wide-brimmed hat, and sunscreen of at least SPF 15, preferably above SPF 30.',
    );
    expect(briefing(15, 15)).toContain('From today, your first 14 days of extra precautions with the sun are over.');
  });
});

describe('a restriction that has ended is told by its first allowed day', () => {
  test.each(avoided.map((a) => [a.id, a.avoidThroughDay + 1] as const))('%s, first allowed on day %i', (id, first) => {
    const a = byId(id);
    const later = first + 3;
    expect(canI(a, later)).toMatch(new RegExp(`^Yes, ${a.shortName} (has|have) been fine since day ${first}\\.`));
    expect(whenCanI(a, later)).toMatch(new RegExp(`been fine since \\w+, November \\d+\\w\\w, day ${first}\\.`));
    // A yes that rests on a reading says so, as its "not yet" does (issue 17).
    const reading = 'That day is a reading of the article your clinic has not confirmed yet.';
    for (const answer of [canI(a, later), whenCanI(a, later), canI(a, first), whenCanI(a, first), canI(a, 1), whenCanI(a, 1)]) {
      if (a.source && 'clinic' in a.source) expect(answer).toContain(reading);
      else expect(answer).not.toContain(reading);
    }
    for (const answer of [canI(a, later), whenCanI(a, later)]) expect(answer).not.toMatch(/\bended\b/);
  });

  test.each([
    ['can I wear makeup on day 6', canI(byId('makeup'), 6), 'Yes, makeup has been fine since day 3.'],
    [
      'when can I wear makeup on day 6',
      whenCanI(byId('makeup'), 6),
      'You already can: makeup has been fine since Tuesday, November 3rd, day 3.',
    ],
    ['can I go running on day 6', canI(byId('exercise'), 6), 'Yes, hard workouts have been fine since day 2.'],
  ])('%s', (_name, answer, expected) => {
    expect(answer.startsWith(expected)).toBe(true);
  });
});

describe('advice once allowed fits once allowed', () => {
  test.each(avoided.map((a) => [a.id] as const))('%s on its first free day and after', (id) => {
    const a = byId(id);
    for (const day of [a.avoidThroughDay + 1, a.avoidThroughDay + 5]) {
      for (const answer of [canI(a, day), whenCanI(a, day)]) expect(answer).not.toMatch(/before then|until then|not yet|still wait/i);
    }
  });

  test('anti-inflammatories on day 8: only once a full week has passed since the appointment', () => {
    expect(canI(byId('antiInflammatories'), 8)).toBe(
      'From today, once a full week has passed since your appointment, anti-inflammatories are fine again.',
    );
  });
});

describe('"when can I" before the day: one grammatical template for every name', () => {
  test.each([
    [
      'exfoliation',
      "Exfoliating is fine again from Saturday, day 7. That's in 6 days. That day is a reading of the article your clinic has not confirmed yet.",
    ],
    [
      'acids',
      "Toners are fine again from Saturday, day 7. That's in 6 days. That day is a reading of the article your clinic has not confirmed yet.",
    ],
    [
      'exercise',
      'Hard workouts are fine again from tomorrow, day 2. That day is a reading of the article your clinic has not confirmed yet.',
    ],
    ['sauna', 'Saunas are fine again from tomorrow, day 2. That day is a reading of the article your clinic has not confirmed yet.'],
    [
      'antiInflammatories',
      "Anti-inflammatories are fine again from Sunday, November 8th, day 8, once a full week has passed since your appointment. That's in 7 days.",
    ],
    ['makeup', "Makeup is fine again from Tuesday, day 3, once 48 hours have passed since your appointment. That's in 2 days."],
  ])('%s on day 1', (id, expected) => {
    expect(whenCanI(byId(id), 1)).toBe(expected);
  });

  test.each(avoided.map((a) => [a.id] as const))('%s: never "You can have", never "in 1 day"', (id) => {
    for (const day of days(1, byId(id).avoidThroughDay)) {
      const answer = whenCanI(byId(id), day);
      expect(answer).not.toMatch(/You can have|in 1 day/);
    }
  });

  test('an encouraged activity answers for whichever of its words was asked (moisturizer, lotion…)', () => {
    const answer = whenCanI(byId('gentleCare'), 3);
    expect(answer).toBe("You already can: it's always encouraged. Moisturize often and use a gentle, fragrance-free cleanser.");
  });

  test.each([
    ['makeup', false],
    ['hard workouts', true],
    ['saunas', true],
    ['acid products', true],
    ['ibuprofen', false],
    ['fragrance', false],
    ['the sun', false],
    ['NSAIDs', true],
    ['fitness', false],
    ['tennis', false],
    ['Botox', false],
  ])('"%s" is plural: %s', (name, plural) => {
    expect(isPlural(name)).toBe(plural);
  });
});

describe('the follow-up: "now" only in today\'s briefing', () => {
  const pairs = days(26, 35).flatMap((day) => days(1, 40).map((today) => [day, today] as const));
  test.each(pairs)('day %i told on day %i', (day, today) => {
    const text = briefing(day, today);
    const now = /follow-up session now/;
    if (day === today && day >= 29) expect(text).toMatch(now);
    else expect(text).not.toMatch(now);
    if (day !== today) expect(card(day, today)).not.toMatch(now);
  });

  test.each([
    [29, 28, 'Tomorrow is day 29', 'From that day, you can schedule your follow-up session.'],
    [29, 1, 'Sunday, November 29th is day 29', 'From that day, you can schedule your follow-up session.'],
    [30, 28, 'Monday is day 30', 'You can schedule your follow-up session from day 29 on.'],
  ])('day %i told on day %i', (day, today, lead, followUpSentence) => {
    expect(briefing(day, today)).toContain(lead);
    expect(briefing(day, today)).toContain(followUpSentence);
  });

  test('the day-29 card says it once', () => {
    expect(card(29, 29).match(/follow-up session now/g)).toHaveLength(1);
  });

  test.each([
    [29, "You can schedule your follow-up session now: it's been 4 weeks since your treatment."],
    [30, "You can schedule your follow-up session now: it's been 4 weeks and 1 day since your treatment."],
    [36, "You can schedule your follow-up session now: it's been 5 weeks since your treatment."],
    [38, "You can schedule your follow-up session now: it's been 5 weeks and 2 days since your treatment."],
    [28, 'You can book your next session from tomorrow, day 29.'],
    [27, "You can book your next session from Sunday, day 29. That's in 2 days."],
    [1, "You can book your next session from Sunday, November 29th, day 29. That's in 28 days."],
  ])('"when is my next session" on day %i', (day, expected) => {
    expect(en.nextSession(followUp(protocol, TREATMENT, day), dateOf(day), protocol)).toBe(expected);
  });
});

describe('"results keep building" is said only while it can be true', () => {
  test.each([9, 28, 29, 60, 91, 92, 120, 400])('day %i', (day) => {
    const text = briefing(day, day);
    if (day <= 91) expect(text).toMatch(/two to three months after your treatment/);
    else expect(text).not.toMatch(/keep (building|improving)/);
  });
});
