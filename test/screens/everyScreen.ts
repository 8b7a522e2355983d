import type { interfaces } from 'ask-sdk-model';
import { renderDirective } from '../../lambda/alexa/apl/render';
import type { SkillDeps } from '../../lambda/alexa/deps';
import { activityReply, dayPlanAnswer, todayBriefing, type KnownUser } from '../../lambda/alexa/questions';
import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { followUp } from '../../lambda/domain/care';
import { symptomAnswer } from '../../lambda/domain/symptoms';
import type { Protocol } from '../../lambda/protocol/types';
import { nextSessionView, symptomView } from '../../lambda/screens/dayView';
import { clinicPhone } from '../../lambda/speech/clinic';
import { en } from '../../lambda/speech/en-US';
import { safetyEn } from '../../lambda/speech/safety.en-US';

export type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

export const TREATMENT = '2026-11-20' as IsoDate;

/** A patient on `day`, as the handlers see them once the profile is loaded (only the protocol is read). */
function patientOn(protocol: Protocol, day: number): { deps: SkillDeps; user: KnownUser } {
  const today = addDays(TREATMENT, day - 1);
  const deps = { protocol } as SkillDeps;
  const user = { profile: { treatmentDate: TREATMENT, history: [] }, today, day, zone: 'America/Los_Angeles' } as unknown as KnownUser;
  return { deps, user };
}

/**
 * Every screen the skill can send on recovery days 1–`days`: the day plan (today and another day), "can I"
 * and "when can I" for every activity and the fixed questions, the next session, and symptoms.
 */
export function everyScreen(protocol: Protocol, days = 35): { label: string; directive: RenderDocument }[] {
  const out: { label: string; directive: RenderDocument }[] = [];
  const add = (label: string, screen: Parameters<typeof renderDirective>[0] | undefined) => {
    if (!screen) throw new Error(`no screen for ${label}`);
    out.push({ label, directive: renderDirective(screen) });
  };
  const words = [...protocol.activities.map((a) => a.id), 'accutane', 'tanning'];
  for (let day = 1; day <= days; day++) {
    const { deps, user } = patientOn(protocol, day);
    add(`day ${day}: what should I do today`, todayBriefing(deps, user).screen);
    const tomorrow = dayPlanAnswer(deps, user, { dayNumber: String(day + 1) });
    add(`day ${day}: what about tomorrow`, tomorrow === 'ask' ? undefined : tomorrow.screen);
    for (const word of words) {
      add(`day ${day}: can I ${word}`, activityReply(deps, user, 'CanIIntent', word, word)?.screen);
      add(`day ${day}: when can I ${word}`, activityReply(deps, user, 'WhenCanIIntent', word, word)?.screen);
      add(`day ${day}: can I ${word} on day 40`, activityReply(deps, user, 'CanIIntent', word, word, {}, { dayNumber: '40' })?.screen);
    }
    const next = followUp(protocol, TREATMENT, day);
    const nextText = en.nextSession(next, user.today, protocol);
    add(`day ${day}: next session`, { kind: 'answer', view: nextSessionView(next, day, user.today, nextText, clinicPhone(protocol.clinic)) });
    for (const heard of ['my skin is peeling', 'my face is red', 'my face is swollen and hot']) {
      const result = symptomAnswer(protocol, heard, day);
      const text = (result.kind === 'normal' ? safetyEn.normalToday(result.symptom, protocol) : safetyEn.callClinic(protocol)).text;
      add(`day ${day}: ${heard}`, { kind: 'answer', view: symptomView(protocol, text, clinicPhone(protocol.clinic), day, user.today) });
    }
  }
  return out;
}
