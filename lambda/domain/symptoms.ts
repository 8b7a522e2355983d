import type { NormalSymptom, Protocol } from '../protocol/types';
import { mentions } from './mentions';

/**
 * What the skill may say about a symptom — never an assessment. Only what the article calls normal on
 * the patient's own day, and only when nothing else in the words could be a warning sign or a worry;
 * everything else (and any symptom before a treatment date is known) goes to the clinic.
 */
export type SymptomAnswer = { readonly kind: 'normal'; readonly symptom: NormalSymptom } | { readonly kind: 'callClinic' };

export function symptomAnswer(protocol: Protocol, heard: string | undefined, day: number | undefined): SymptomAnswer {
  const s = protocol.symptoms;
  if (day === undefined || !heard) return { kind: 'callClinic' };
  if (mentions(heard, s.warningSigns.words) || mentions(heard, s.worryWords)) return { kind: 'callClinic' };
  const named = s.normal.filter((n) => mentions(heard, n.words));
  // Exactly one normal symptom, and it is normal today: "peeling" on day 4, not "red and peeling" on day 4.
  const only = named.length === 1 ? named[0] : undefined;
  if (only && day >= only.fromDay && day <= only.toDay) return { kind: 'normal', symptom: only };
  return { kind: 'callClinic' };
}

/** Whether words a patient said (in any slot) name a symptom: a warning sign or something the article calls normal. */
export function soundsLikeSymptom(protocol: Protocol, heard: string | undefined): boolean {
  const s = protocol.symptoms;
  return mentions(heard, s.warningSigns.words) || s.normal.some((n) => mentions(heard, n.words));
}
