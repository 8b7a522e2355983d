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
      expect(answer).not.toMatch(/^Yes/);
      expect(answer).not.toMatch(/wait for .* is over|You already can|window .* ended/);
      // After the window, the advice that lasts is always said.
      if (!inWindow) expect(answer.toLowerCase()).toContain(a.onceAllowed!.text.toLowerCase());
    }
    // In the window: the extra care itself, and until when (the day it can ease).
    if (inWindow) {
      expect(canI(a, day).toLowerCase()).toContain(a.whileAvoided!.text.toLowerCase());
      expect(whenCanI(a, day)).toContain(`lasts until`);
    }
  });

  test.each([
    ['day 1, can I', canI(byId('sun'), 1), 'Carefully: until Sunday, November 15th, day 15, take extra care. Keep out of direct sun, and when you go outside, wear a wide-brimmed hat'],
    ['day 1, when can I', whenCanI(byId('sun'), 1), 'Your extra care with the sun lasts until Sunday, November 15th, day 15, when it can ease.'],
    ['day 14, can I', canI(byId('sun'), 14), 'Carefully: until tomorrow, day 15'],
    ['day 15, can I', canI(byId('sun'), 15), 'With care. As of today, your first 14 days of extra care are over. Always keep your skin safe from direct sun'],
    ['day 15, when can I', whenCanI(byId('sun'), 15), 'Any time, with care. As of today, your first 14 days'],
    ['day 16, when can I', whenCanI(byId('sun'), 16), 'Any time, with care. Your first 14 days of extra care are over. Always keep your skin safe from direct sun'],
    ['day 200, can I', canI(byId('sun'), 200), 'a wide-brimmed hat and sunscreen, at least SPF 15, preferably higher than SPF 30'],
  ])('%s', (_name, answer, expected) => {
    expect(answer).toContain(expected);
    // One convention: "until" the day it eases, never "through" its last day.
    expect(answer).not.toMatch(/through|day 14\b/);
  });

  test('the card keeps the sun out of "Still off limits": extra care in the window, lasting advice after', () => {
    const [offLimits = '', rest = ''] = card(1, 1).split('Extra care:');
    expect(offLimits).toContain('Still off limits:');
    expect(offLimits).not.toContain('The sun');
    expect(rest).toContain('• The sun: extra care until Sunday, November 15th (day 15). Keep out of direct sun');
    for (const day of [15, 16, 40]) {
      expect(card(day, day)).not.toContain('Still off limits');
      expect(card(day, day)).toContain('Always:\n• The sun: always keep your skin safe from direct sun');
    }
  });

  test('the briefing speaks of extra care, not of a restriction, and never of its end as a plain yes', () => {
    expect(briefing(1, 1)).toContain('Until November 15th, extra sun care: a wide-brimmed hat and sunscreen above SPF 30.');
    expect(briefing(15, 15)).toContain('From today, your extra care with the sun can ease. Always keep your skin safe from direct sun');
  });
});

describe('a restriction that has ended is told by its first allowed day', () => {
  test.each(avoided.map((a) => [a.id, a.avoidThroughDay + 1] as const))('%s, first allowed on day %i', (id, first) => {
    const a = byId(id);
    const later = first + 3;
    expect(canI(a, later)).toMatch(new RegExp(`^Yes, ${a.shortName} (has|have) been fine since day ${first}\\.`));
    expect(whenCanI(a, later)).toMatch(new RegExp(`been fine since \\w+, November \\d+\\w\\w, day ${first}\\.$`));
    for (const answer of [canI(a, later), whenCanI(a, later)]) expect(answer).not.toMatch(/\bended\b/);
  });

  test.each([
    ['can I wear makeup on day 6', canI(byId('makeup'), 6), 'Yes, makeup has been fine since day 3.'],
    ['when can I wear makeup on day 6', whenCanI(byId('makeup'), 6), 'You already can: makeup has been fine since Tuesday, November 3rd, day 3.'],
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
    expect(canI(byId('antiInflammatories'), 8)).toBe('From today, once a full week has passed since your appointment, anti-inflammatories are fine again.');
  });
});

describe('"when can I" before the day: one grammatical template for every name', () => {
  test.each([
    ['exfoliation', "Exfoliating is fine again from Saturday, day 7. That's in 6 days. That day is a reading of the article your clinic has not confirmed yet."],
    ['acids', "Toners are fine again from Saturday, day 7. That's in 6 days. That day is a reading of the article your clinic has not confirmed yet."],
    ['exercise', 'Hard workouts are fine again from tomorrow, day 2.'],
    ['sauna', 'Saunas are fine again from tomorrow, day 2.'],
    ['antiInflammatories', "Anti-inflammatories are fine again from Sunday, November 8th, day 8, once a full week has passed since your appointment. That's in 7 days."],
    ['makeup', 'Makeup is fine again from Tuesday, day 3, once 48 hours have passed since your appointment. That\'s in 2 days.'],
  ])('%s on day 1', (id, expected) => {
    expect(whenCanI(byId(id), 1)).toBe(expected);
  });

  test.each(avoided.map((a) => [a.id] as const))('%s: never "You can have", never "in 1 day"', (id) => {
    for (const day of days(1, byId(id).avoidThroughDay)) {
      const answer = whenCanI(byId(id), day);
      expect(answer).not.toMatch(/You can have|in 1 day/);
    }
  });

  test('an encouraged activity answers for whichever of its words was asked (sunscreen, serum…)', () => {
    const answer = whenCanI(byId('gentleCare'), 3);
    expect(answer).toBe("Any time: it's always encouraged. Moisturize often, use a gentle, fragrance-free cleanser, and wear sunscreen outside.");
  });

  test.each([
    ['makeup', false], ['hard workouts', true], ['saunas', true], ['acid products', true], ['ibuprofen', false],
    ['fragrance', false], ['the sun', false], ['NSAIDs', true], ['fitness', false], ['tennis', false], ['Botox', false],
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
