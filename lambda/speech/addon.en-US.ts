import type { IsoDate } from '../domain/calendar';
import type { ActivityStatus } from '../domain/care';
import type { Fact } from '../protocol/types';
import { whenSpoken } from './dates';
import { agree, join, sentence } from './phrasing';

/**
 * Sentences only the Alexa+ add-on says (the host turns them into speech). Everything a patient also
 * hears from the skill comes from `en` in en-US.ts; these cover what only a tool call can meet.
 */
export const addon = {
  /** A service-tier token (Alexa+ itself, no patient linked) asked for a patient's aftercare. */
  linkAccountFirst: (): string => 'To hear your own aftercare, please link your account to the aftercare add-on in the Alexa app first.',

  /**
   * "Can I …" about a day other than today, told from today: "Tomorrow, day 3, makeup is fine." /
   * "On Saturday, day 5, not yet: ibuprofen is fine from Tuesday, day 8."
   * Today's day uses the skill's own answer.
   */
  canIOnDay: (s: ActivityStatus, day: number, date: IsoDate, today: IsoDate): string => {
    const a = s.activity;
    const spoken = whenSpoken(date, today);
    const when = `${/^(today|tomorrow|yesterday)$/.test(spoken) ? spoken : `on ${spoken}`}, day ${day}`;
    const past = date < today;
    if (s.allowed) return join(sentence(`${when}, ${agree(a.shortName, past ? 'was' : 'is', past ? 'were' : 'are')} fine`), said(a.onceAllowed));
    return join(
      sentence(`${when}, not yet: ${agree(a.shortName, 'is', 'are')} fine from ${whenSpoken(s.firstFreeDate, today)}, day ${s.firstFreeDay}`),
      said(a.whileAvoided),
    );
  },
};

const said = (f: Fact | undefined): string | undefined => (f ? sentence(f.text) : undefined);
