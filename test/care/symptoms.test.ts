import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { CLINIC, newPatient, patientOnDay } from './support';

/**
 * Symptoms are never assessed. What the article calls normal on the patient's own day is said as such
 * (day 1 redness like a mild sunburn, day 2 dryness or sensitivity, days 3–6 peeling); anything else,
 * any worry, or no stored date: "I can't check symptoms. Please call <clinic> at <phone>" and the
 * emergency line, with the phone on a card. Never ibuprofen or ice.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const CALL = `I can't check symptoms. Please call ${CLINIC.name} at ${CLINIC.phone}. If it's an emergency, call ${CLINIC.emergencyLine}.`;
const NORMAL = {
  redness: 'redness and irritation, like a mild sunburn, are normal',
  dryness: 'dryness or sensitivity is normal',
  peeling: 'slight peeling is normal',
};
type Expect = 'clinic' | keyof typeof NORMAL;

const ROWS: [string, number | 'no date', Expect][] = [
  // From the "what goes wrong today"
  ['my face is really swollen and hot', 1, 'clinic'],
  ['I think it might be infected', 3, 'clinic'],
  ['there is pus', 4, 'clinic'],
  ['I have a fever', 2, 'clinic'],
  ['is it normal to bleed', 1, 'clinic'],
  ['my skin is blistering', 8, 'clinic'],
  // Warning signs, whatever the day
  ['my skin is swollen', 1, 'clinic'],
  ['I have a rash', 5, 'clinic'],
  ['my face hurts', 2, 'clinic'],
  ['my skin is itchy', 4, 'clinic'],
  ["there's some bleeding", 1, 'clinic'],
  ['I think I have an infection', 6, 'clinic'],
  ['my skin is oozing', 3, 'clinic'],
  ['is it normal to have blisters', 3, 'clinic'],
  ['my skin is burning', 1, 'clinic'],
  ['I have hives', 2, 'clinic'],
  ['my face is red and swollen', 1, 'clinic'],
  ['I have a lot of pain', 1, 'clinic'],
  ['my skin looks infected', 10, 'clinic'],
  ['I see pus', 2, 'clinic'],
  ['my face is bleeding', 1, 'clinic'],
  ['is it normal to have a fever', 1, 'clinic'],
  ['I have bumps', 4, 'clinic'],
  ['my skin is scabbing', 5, 'clinic'],
  // Worry, or nothing named: the clinic
  ['is this normal', 1, 'clinic'],
  ["I'm worried about my skin", 1, 'clinic'],
  ['should I be worried about the redness', 1, 'clinic'],
  ['my skin is still red', 3, 'clinic'],
  ['my face is really red', 1, 'clinic'],
  ['I got a sunburn', 1, 'clinic'],
  ['my eyes are swollen', 2, 'clinic'],
  ["I think I'm having an allergic reaction", 3, 'clinic'],
  ['should I go to the doctor', 1, 'clinic'],
  ['my face is puffy', 1, 'clinic'],
  ['I have a headache', 2, 'clinic'],
  // Normal in the article, but not on this day: the clinic
  ['my face is red', 5, 'clinic'],
  ['my skin is peeling', 9, 'clinic'],
  ['my skin feels dry', 6, 'clinic'],
  ['my face is red and peeling', 4, 'clinic'],
  // What the article calls normal, on its days
  ['my face is red', 1, 'redness'],
  ['is redness normal', 1, 'redness'],
  ['my skin is irritated', 1, 'redness'],
  ['my skin feels dry', 2, 'dryness'],
  ['my face is sensitive', 2, 'dryness'],
  ['my skin is peeling', 3, 'peeling'],
  ['is peeling normal', 5, 'peeling'],
  ['my skin is flaking', 6, 'peeling'],
  ['is it normal to peel', 4, 'peeling'],
  ['I have flakes', 4, 'peeling'],
  // No stored date: never "normal", always the clinic
  ['my face is red', 'no date', 'clinic'],
  ['my skin is peeling', 'no date', 'clinic'],
  ['there is pus', 'no date', 'clinic'],
  ['I have a fever', 'no date', 'clinic'],
  ['is this normal', 'no date', 'clinic'],
];

describe('a symptom is never assessed', () => {
  test(`the table has at least 40 phrasings (${ROWS.length})`, () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  test.each(ROWS)('"%s" on day %s → %s', async (utterance, day, expected) => {
    const patient = day === 'no date' ? newPatient(h) : await patientOnDay(h, day);
    if (day === 'no date') await patient.say('open microneedling care');
    const turn = await patient.say(utterance);
    const said = turn.speech;
    expect(said).not.toMatch(/ibuprofen|\bice\b|anti-inflammator|aspirin|naproxen|advil|motrin|aleve|makeup/i);
    expect(turn.card?.text ?? '').toContain(CLINIC.phone);
    if (expected === 'clinic') {
      expect(said).toContain(CALL);
      expect(said).not.toMatch(/is normal|are normal/);
    } else {
      expect(said).toContain(NORMAL[expected]);
      expect(said).toContain(`If you're worried, call ${CLINIC.name} at ${CLINIC.phone}.`);
      expect(said).not.toContain("can't check");
    }
  });

  test('a first-time one-shot symptom question hears the disclaimer and the clinic', async () => {
    const turn = await newPatient(h).say('ask microneedling care there is pus');
    expect(turn.speech).toMatch(/^This is general aftercare guidance from your clinic, not medical advice/);
    expect(turn.speech).toContain(CALL);
    expect(turn.sessionEnded).toBe(true);
  });

  test('asked while the skill waits for the treatment date: the clinic, then the date question again', async () => {
    const patient = newPatient(h);
    await patient.say('open microneedling care');
    const turn = await patient.say('my face is swollen');
    expect(turn.speech).toContain(CALL);
    expect(turn.speech).toMatch(/When was your treatment\?/);
    const next = await patient.say('yesterday');
    expect(next.speech).toContain('Got it:');
  });

  test('a symptom caught as an activity question goes to the clinic, not to a care tip', async () => {
    const patient = await patientOnDay(h, 3);
    const turn = await patient.intent('CanIIntent', { activity: 'ibuprofen for the swelling' });
    expect(turn.speech).toContain(CALL);
    expect(turn.speech).not.toMatch(/ibuprofen|not yet/i);
  });

  test('with the clinic file still holding placeholders, no made-up number is spoken', async () => {
    const patient = await patientOnDay(h, 3, h.invoke);
    const turn = await patient.say('there is pus');
    expect(turn.speech).toContain("I can't check symptoms. Please call your clinic. If it's an emergency, call 911.");
    expect(turn.speech).not.toMatch(/REPLACE/);
  });
});
