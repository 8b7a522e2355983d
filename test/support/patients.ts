import type { Conversation } from '../../tools/simulator';
import type { SkillHarness } from './skillHarness';
import { talk } from './talk';

/** Wednesday, November 25th, 2026, 8 a.m. in Los Angeles (the harness's default zone). */
export const MORNING = '2026-11-25T16:00:00Z';

let patients = 0;
/** A fresh account id, unique in this test process. */
export const newAccount = (tag: string): string => `amzn1.ask.account.${tag}${process.pid}-${++patients}`;

/**
 * A patient treated on Friday, November 20th (so it is day 6 at MORNING), who has just declined the
 * reminder offer: the usual starting point for questions.
 */
export async function patientOnDay6(h: SkillHarness, o: { userId?: string; personId?: string } = {}): Promise<Conversation> {
  const patient = talk(h, { userId: o.userId ?? newAccount('DAY6-'), personId: o.personId, at: MORNING });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  await patient.say('no thanks');
  return patient;
}
