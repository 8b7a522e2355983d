import type { FixedQuestion } from '../domain/mentions';
import type { NormalSymptom, Protocol } from '../protocol/types';
import { clinicName, clinicPhone } from './clinic';
import type { Speech } from './types';
import { join, sentence } from './phrasing';

/**
 * What the skill says about symptoms, prescriptions and sun questions. A symptom is never assessed: the
 * article's "normal" for the patient's day, or the clinic's phone. Never a remedy (no medicine, no ice).
 */

const cantCheck = (p: Protocol): string => {
  const name = clinicName(p.clinic) ?? 'your clinic';
  const phone = clinicPhone(p.clinic);
  return phone ? `I can't check symptoms. Please call ${name} at ${phone}.` : `I can't check symptoms. Please call ${name}.`;
};

const emergency = (p: Protocol): string => `If it's an emergency, call ${p.clinic.emergencyLine}.`;

/** The card that carries the numbers, so they can be dialed later. */
const clinicCard = (p: Protocol): { title: string; content: string } => ({
  title: `Call ${clinicName(p.clinic) ?? 'your clinic'}`,
  content: join(
    clinicPhone(p.clinic) ? `${clinicName(p.clinic) ?? 'Your clinic'}: ${clinicPhone(p.clinic)}.` : 'Please call your clinic.',
    `Emergency: ${p.clinic.emergencyLine}.`,
    "This skill can't check symptoms.",
  ),
});

export const safetyEn = {
  /** Anything the article does not call normal for today, any worry, or no treatment date: the clinic. */
  callClinic: (p: Protocol): Speech => ({ text: join(cantCheck(p), emergency(p)), card: clinicCard(p) }),

  /** What the article calls normal on this day, and the clinic for any worry all the same. */
  normalToday: (s: NormalSymptom, p: Protocol): Speech => {
    const phone = clinicPhone(p.clinic);
    const name = clinicName(p.clinic) ?? 'your clinic';
    return {
      text: join(sentence(s.answer.text), phone ? `If you're worried, call ${name} at ${phone}.` : `If you're worried, call ${name}.`),
      card: clinicCard(p),
    };
  },

  prescription: (p: Protocol): string => sentence(p.prescriptions.answer.text),
  tanning: (p: Protocol): string => sentence(p.tanning.answer.text),
  fixedAnswer: (p: Protocol, question: FixedQuestion): string => sentence(p[question].answer.text),
  sunscreen: (p: Protocol): string => sentence(p.sunscreen.text),
  keepSunscreen: (p: Protocol): string => sentence(p.keepSunscreen.text),
};
