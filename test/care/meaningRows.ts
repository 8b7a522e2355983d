import { activityStatus } from '../../lambda/domain/care';
import { isReviewed } from '../../lambda/protocol/facts';
import type { Protocol } from '../../lambda/protocol/types';
import { CLINIC } from './support';

/**
 * The meaning table (issue 17): a question as a patient says it, on a day, with or without the
 * appointment's time, and what the answer must carry and must not say. Written from the article and the
 * SPEC's "What an answer means", not from the phrase book; the few expectations that depend on the day
 * read the protocol's windows, so a clinic's edit moves them with it.
 */
export interface Row {
  readonly say: string;
  readonly day: number;
  /** The appointment was at 3 PM; asked at 8 AM. */
  readonly appointment?: true;
  readonly must: readonly (string | RegExp)[];
  readonly not: readonly (string | RegExp)[];
  /** The issue 17 example this row checks, if it is one. */
  readonly example?: string;
}

const PHONE = CLINIC.phone;
const READING = 'That day is a reading of the article your clinic has not confirmed yet.';
const NOT_A_YES = [/^Yes\b/, /fine since/, /fine again/, /^Not yet/, /the wait for/];
const NOT_ON_THE_SUN = [/carefully/i, /with care/i, /any time/i, /sunscreen above SPF 30/];

export function meaningRows(p: Protocol): Row[] {
  const rows: Row[] = [];
  const add = (days: readonly number[], say: string, must: Row['must'], not: Row['not'], example?: string) => {
    for (const day of days) rows.push({ say, day, must, not, example });
  };
  const everyDay = [1, 2, 5, 8, 15, 30, 45, 60];

  // Polarity: a need question is a yes in the article's words, never a leading "No".
  for (const say of [
    'do I still need sunscreen',
    'do I need sunscreen',
    'do I have to wear sunscreen',
    'do I still need a hat',
    'do I need to wear a hat',
  ]) {
    add(
      everyDay,
      say,
      [/^Yes\./, 'wide-brimmed hat', 'at least SPF 15, preferably higher than SPF 30'],
      [/^No\b/, ...NOT_ON_THE_SUN],
      'polarity',
    );
  }
  for (const say of ['can I stop wearing sunscreen', 'can I stop wearing a hat'])
    add(everyDay, say, [/^No\b/, 'sunscreen', 'SPF 15'], [/^Yes/, ...NOT_ON_THE_SUN]);

  // One meaning per word: a topic the article does not cover is said to be one, with the clinic's phone.
  const notCovered: [string, string][] = [
    ['can I get in a hot tub', 'hot tubs'],
    ['can I go in the jacuzzi', 'hot tubs'],
    ['can I take a hot bath', 'baths'],
    ['can I go to the spa', 'spas'],
    ['can I get a chemical peel', 'chemical peels'],
    ['can I get a peel at the spa', 'chemical peels'],
    ['can I go swimming in the pool', 'swimming and pools'],
    ['can I go swimming', 'swimming and pools'],
    ['can I get a spray tan', 'spray tans'],
    ['can I take painkillers', 'painkillers in general'],
    ['can I wash my face', 'face wash'],
    ['can I use a serum', 'serums'],
    ['can I use vitamin C', 'serums'],
    ['can I use benzoyl peroxide', 'benzoyl peroxide'],
    ['can I get a facial', 'facials'],
    ['can I get botox', 'botox and fillers'],
    ['can I get laser hair removal', 'laser treatments'],
    ['can I get waxing', 'waxing'],
    ['can I dye my hair', 'hair dye'],
    ['can I drink alcohol', 'alcohol'],
    ['can I shave', 'shaving'],
    ['can I sleep on my face', 'sleeping position'],
    ['can I take a hot shower', 'hot showers'],
  ];
  for (const [say, topic] of notCovered) {
    add(
      [2, 8, 30],
      say,
      [`doesn't cover ${topic}`, PHONE],
      [...NOT_A_YES, /I can't check symptoms/, /If it's an emergency/, /saunas|exfoliating|toners|retinoids|the sun\b/],
      'borrowed yes',
    );
  }

  // A symptom wins over any activity word in the same question: the clinic, never a care tip.
  for (const say of [
    'can I put ice on my swollen face',
    'it stings when I put moisturizer on',
    'my skin feels tight',
    'my face is swollen',
    'is it normal to bleed',
  ]) {
    add([2, 5, 8, 20], say, [PHONE], [/wait for ice is over/, /always encouraged/, /dryness/i, /^Yes/, /ice is fine/], 'symptom inside');
  }
  add([4], 'can I pick at the flakes', ['slight peeling is normal', PHONE], [/exfoliating/, /^Yes/], 'borrowed yes');
  add([10], 'can I pick at the flakes', [PHONE], [/exfoliating/, /^Yes/], 'borrowed yes');

  // Activities the article rules on, for the day: a not-yet with its day, a yes from its day, readings said.
  const asked: [string, string][] = [
    ['can I wear makeup', 'makeup'],
    ['can I take ibuprofen', 'antiInflammatories'],
    ['can I take advil', 'antiInflammatories'],
    ['can I use ice', 'ice'],
    ['can I exfoliate', 'exfoliation'],
    ['can I use retinol', 'retinoids'],
    ['can I use a toner', 'acids'],
    ['can I wear perfume', 'fragrance'],
    ['can I go to the gym', 'exercise'],
    ['can I go to the sauna', 'sauna'],
    ['can I use the steam room', 'sauna'],
  ];
  for (const [say, id] of asked) {
    const a = p.activities.find((x) => x.id === id);
    if (!a) throw new Error(`no activity ${id}`);
    for (const day of [1, 2, 3, 6, 7, 8, 9, 20]) {
      const s = activityStatus(a, '2026-11-01' as never, day);
      const must: (string | RegExp)[] = s.allowed ? [/^(Yes|From today)/] : [/^Not yet/, `day ${s.firstFreeDay}`];
      const reading = !isReviewed(a.source);
      rows.push({
        say,
        day,
        must: reading ? [...must, READING] : must,
        not: reading ? [] : [READING],
        example: reading ? 'readings' : undefined,
      });
    }
  }

  // Aspirin: the anti-inflammatory rule, and the doctor for a prescription.
  const doctor = 'If it was prescribed, talk to your doctor before stopping it.';
  for (const say of ['can I take aspirin', 'can I take my baby aspirin', 'can I take Bayer'])
    add([3, 8, 12], say, [doctor, /anti-inflammatories/], [/^If it was/], 'prescribed');
  add(
    [3, 8, 12],
    'can I stop taking my baby aspirin',
    [/^If it was prescribed, talk to your doctor before stopping it\./],
    [],
    'prescribed',
  );

  // The sun in the article's words on every question about it.
  for (const say of ['can I sit in the sun', 'when can I go in the sun', 'can I go to the beach']) {
    for (const day of [2, 10, 15, 20, 40]) {
      const must = ['inimize sun exposure', 'out of direct sun', 'wide-brimmed hat', 'at least SPF 15, preferably higher than SPF 30'];
      rows.push({
        say,
        day,
        must: day < 15 ? [...must, 'Your extra precautions last until', 'day 15'] : must,
        not: [/^(Yes|No)\b/, ...NOT_ON_THE_SUN],
        example: 'sun',
      });
    }
  }

  // How long, when will: from the phases, never an assessment.
  add([2, 4, 10], 'how long will I be peeling', ['days 3 to 6', PHONE], [/exfoliating/], 'how long');
  add([2, 4, 10], 'how long will I be red', ['treatment day', PHONE], [/exfoliating/], 'how long');
  add([2, 4, 10], 'when will I see results', ['two to three months', 'From day 7'], []);

  // A span: per day, or as a span.
  add([3, 5, 9], 'can I take ibuprofen this weekend', [/weekend is days \d+ to \d+\./], [], 'this weekend');
  add([2, 5, 9], 'can I use ice next week', [/week of \w+ \d+\w\w is days \d+ to \d+\./], []);

  // The questions answered the same every day.
  add([2, 20], 'can I go tanning', [/^No: tanning and sunbathing are never/], [/^Yes/]);
  add([2, 20], 'can I take accutane', ['talk to your doctor'], [/^Yes/, /retinoids/]);

  // Briefings: every restriction in force with its end, readings said; with the appointment time too.
  for (let day = 1; day <= 20; day++) rows.push({ say: 'what should I do today', day, ...briefingExpectations(p, day) });
  for (const day of [1, 2, 3, 5, 7, 8])
    rows.push({ say: 'what should I do today', day, appointment: true, ...briefingExpectations(p, day, true) });
  rows.push({ say: 'can I wear makeup', day: 3, appointment: true, must: ['3 PM'], not: [/^Yes/], example: 'omissions' });
  rows.push({ say: 'can I take ibuprofen', day: 8, appointment: true, must: ['3 PM'], not: [/^Yes/], example: 'omissions' });
  return rows;
}

/** A briefing names every restriction in force with its end, never "a full week" with ice, never "no makeup today" alone. */
function briefingExpectations(p: Protocol, day: number, appointment = false): Pick<Row, 'must' | 'not' | 'example'> {
  const must: (string | RegExp)[] = [];
  for (const a of p.activities) {
    if (a.kind === 'encouraged') continue;
    const s = activityStatus(a, '2026-11-01' as never, day);
    if (!s.allowed) must.push(a.kind === 'limit' ? /extra sun precautions/i : a.shortName);
    if (!s.allowed && !isReviewed(a.source)) must.push(/pending your clinic's review/i);
  }
  const not = [/No makeup today/, /ice[^.]*a full week/, /until then\b/, ...NOT_ON_THE_SUN];
  return { must: appointment && day <= 7 ? [...must, '3 PM'] : must, not, example: 'omissions' };
}
