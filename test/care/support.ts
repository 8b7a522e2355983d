import { testProtocol } from '../support/testProtocol';
import type { Protocol } from '../../lambda/protocol/types';
import type { SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

/** The frozen test protocol with a filled-in clinic file, as a clinic would deploy it. */
export const CLINIC = {
  name: 'Bright Skin Clinic',
  phone: '555-0100',
  emergencyLine: '911',
  privacyPolicyUrl: 'https://bright.example/privacy',
  termsOfUseUrl: 'https://bright.example/terms',
};
export const withClinic = (): Protocol => ({ ...testProtocol(), clinic: CLINIC });

/** Treatment on Sunday, November 1st, 2026; every request at 8 a.m. in Los Angeles, so day N is November N. */
export const TREATMENT = '2026-11-01';
export const morningOfDay = (day: number): string => new Date(Date.UTC(2026, 10, day, 16)).toISOString();

let n = 0;
/** A patient of the filled-in clinic, with the date set on day `day` and reminders declined; the session stays open. */
export async function patientOnDay(h: SkillHarness, day: number, invoke = h.skillWith({ protocol: withClinic() })) {
  const patient = talk(h, { userId: `amzn1.ask.account.CARE${process.pid}-${++n}`, at: morningOfDay(day), invoke });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: TREATMENT });
  await patient.say('no thanks');
  return patient;
}

/** A patient who has never told the skill anything (no stored date). */
export function newPatient(h: SkillHarness, day = 3, invoke = h.skillWith({ protocol: withClinic() })) {
  return talk(h, { userId: `amzn1.ask.account.NEWCARE${process.pid}-${++n}`, at: morningOfDay(day), invoke });
}
