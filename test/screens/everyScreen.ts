import type { interfaces } from 'ask-sdk-model';
import { renderDirective } from '../../lambda/alexa/apl/render';
import { activityAnswer } from '../../lambda/answers/activity';
import type { Answer } from '../../lambda/answers/answer';
import { dayPlanAnswer } from '../../lambda/answers/dayPlan';
import { nextSessionAnswer } from '../../lambda/answers/followUp';
import { patientOn } from '../../lambda/answers/patient';
import { symptomHelp } from '../../lambda/answers/symptom';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import type { Protocol } from '../../lambda/protocol/types';
import { screenOf } from '../../lambda/screens/screenOf';

export type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

export const TREATMENT = '2026-11-20' as IsoDate;

/**
 * Every screen the skill can send on recovery days 1–`days`, from the answers core as the handlers ask
 * it: the day plan (today and tomorrow), "can I" and "when can I" for every activity and the fixed
 * questions (today and on day 40), the next session, and symptoms (normal that day, or the clinic).
 */
export function everyScreen(protocol: Protocol, days = 35): { label: string; directive: RenderDocument }[] {
  const out: { label: string; directive: RenderDocument }[] = [];
  const add = (label: string, answer: Answer<object> | undefined, heard?: string) => {
    const screen = answer && screenOf(protocol, answer, heard);
    if (!screen) throw new Error(`no screen for ${label}`);
    out.push({ label, directive: renderDirective(screen) });
  };
  const words = [...protocol.activities.map((a) => a.id), 'accutane', 'tanning'];
  for (let day = 1; day <= days; day++) {
    const p = patientOn(protocol, { treatmentDate: TREATMENT }, addDays(TREATMENT, day - 1));
    add(`day ${day}: what should I do today`, dayPlanAnswer(p, day));
    add(`day ${day}: what about tomorrow`, dayPlanAnswer(p, day + 1));
    for (const word of words) {
      add(`day ${day}: can I ${word}`, activityAnswer(p, { kind: 'canI', word, heard: word }), word);
      add(`day ${day}: when can I ${word}`, activityAnswer(p, { kind: 'whenCanI', word, heard: word }), word);
      add(`day ${day}: can I ${word} on day 40`, activityAnswer(p, { kind: 'canI', word, heard: word, day: 40 }), word);
    }
    add(`day ${day}: next session`, nextSessionAnswer(p));
    for (const heard of ['my skin is peeling', 'my face is red', 'my face is swollen and hot'])
      add(`day ${day}: ${heard}`, symptomHelp(protocol, heard, { day, worried: false }));
  }
  return out;
}
