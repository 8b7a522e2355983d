import data from '../fixtures/protocol.json';
import { parseProtocol } from '../../lambda/protocol/load';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

/** The clinic's file with a few values changed, exactly as a clinic would edit it; no code changes. */
function clinicEdit(change: (p: any) => void, clinic: unknown) {
  const copy = JSON.parse(JSON.stringify(data));
  change(copy);
  return parseProtocol(copy, clinic);
}

test('changing numbers and phrases in the protocol file changes what the skill says', async () => {
  const edited = clinicEdit(
    (p) => {
      const makeup = p.activities.find((a: any) => a.id === 'makeup');
      makeup.avoidThroughDay = 4;
      makeup.atLeastHours = 96;
      makeup.whileAvoided = { text: 'our clinic asks for four clear days', source: { clinic: 'our own rule', reviewedByClinic: true } };
      // No longer the article's 48 hours: the clinic's own window, signed off for these numbers (as the studio writes it).
      makeup.source = { clinic: 'our own rule', reviewedByClinic: true, supports: { avoidThroughDay: 4, atLeastHours: 96 } };
      p.followUp.afterDays = 42;
    },
    {
      name: 'Glow Skin Clinic',
      phone: '555 0100',
      emergencyLine: '911',
      privacyPolicyUrl: 'https://glow.example/privacy',
      termsOfUseUrl: 'https://glow.example/terms',
    },
  );
  const userId = 'amzn1.ask.account.CLINIC';
  const at = '2026-11-22T16:00:00Z'; // day 3 after a treatment on the 20th
  const standard = talk(h, { userId, at });
  const clinic = talk(h, { userId, at, invoke: h.skillWith({ protocol: edited }) });
  await standard.say('open microneedling care');
  await standard.intent('SetTreatmentDateIntent', { date: '2026-11-20' });

  await transcript(
    standard,
    'U: ask microneedling care can I wear makeup\nA: From today, once 48 hours have passed since your appointment, makeup is fine again',
  );
  await transcript(
    clinic,
    `
    U: ask microneedling care can I wear makeup
    A: Not yet: no makeup until Tuesday, day 5, once 96 hours have passed since your appointment.
    A: Our clinic asks for four clear days
    A!: not confirmed
    U: ask microneedling care when is my next session
    A: You can book your next session from Friday, January 1st, day 43
    A: Call Glow Skin Clinic at 555 0100
    U: open microneedling care
    A: No makeup for 96 hours, until Tuesday
    `,
  );
});
