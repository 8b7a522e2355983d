import { symptomAnswer } from '../domain/symptoms';
import type { Protocol, Source } from '../protocol/types';
import { clinicPhone } from '../speech/clinic';
import { safetyEn } from '../speech/safety.en-US';
import { answerOf, cite, type Answer } from './answer';

export interface SymptomData {
  readonly day: number | null;
  /** The symptom the article calls normal on this day, when that is all the words name. */
  readonly normalForThisDay?: string;
  readonly callClinic?: true;
  readonly clinicPhone: string | null;
  readonly emergencyLine: string;
  /** Never an assessment. */
  readonly assessed: false;
  /** The article's sentence behind "normal", when the answer says so. */
  readonly source?: Source;
  readonly reviewedByClinic?: boolean;
}

/**
 * A symptom is never assessed (domain/symptoms): what the article calls normal on the patient's own day
 * when that is all the words name; any worry ("should I be worried", "it's getting worse"), any warning
 * sign or no known day (`day` undefined) goes to the clinic's phone and the emergency line.
 */
export function symptomHelp(
  protocol: Protocol,
  heard: string | undefined,
  asked: { readonly day: number | undefined; readonly worried: boolean },
): Answer<SymptomData> {
  const day = asked.worried ? undefined : asked.day;
  const result = symptomAnswer(protocol, heard, day);
  const clinic = {
    day: day ?? null,
    clinicPhone: clinicPhone(protocol.clinic) ?? null,
    emergencyLine: protocol.clinic.emergencyLine,
    assessed: false,
  } as const;
  if (result.kind === 'normal') {
    const source = cite(result.symptom.answer.source);
    return answerOf(safetyEn.normalToday(result.symptom, protocol), { ...clinic, normalForThisDay: result.symptom.id, ...source }, [
      source,
    ]);
  }
  return answerOf(safetyEn.callClinic(protocol), { ...clinic, callClinic: true });
}
