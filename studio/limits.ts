import { parseIsoDate } from '../lambda/domain/calendar';
import type { Protocol } from '../lambda/protocol/types';
import { BRIEFING_SECONDS, en } from '../lambda/speech/en-US';
import { safetyEn } from '../lambda/speech/safety.en-US';
import { spokenSecondsOfText } from '../lambda/speech/spokenLength';
import { toSsml } from '../lambda/speech/ssml';
import { dayView } from './preview';

/**
 * Alexa's limits, checked on every answer an edit produces before the studio lets it be saved: each day's
 * briefing, reminder and "can I / when can I" answer for every activity, the fixed answers, the symptom
 * and sun answers and the first-use greeting. A patient must never get a refused response or a monologue.
 */
export const MAX_SSML_CHARACTERS = 8000;
export const MAX_SECONDS = BRIEFING_SECONDS;
/** Any treatment date gives the same lengths within a few characters (day and month names). */
const TREATMENT = parseIsoDate('2026-09-23')!;
/** The longest date confirmation a first use can put before an answer ("Got it: Wednesday, September 23rd…"). */
const CONFIRMATION = en.confirmDate(TREATMENT, 366).text;

export interface LimitProblem {
  /** The field to change: the one whose words make the answer too long, as a path into the protocol. */
  readonly path: string;
  /** Plain words: which answer, how long, the limit. */
  readonly message: string;
}

/** The last day any rule of the protocol changes on, plus one: every later day answers like it. */
function lastDay(p: Protocol): number {
  const days = [
    ...p.phases.map((ph) => ph.toDay ?? ph.fromDay),
    ...p.activities.map((a) => a.avoidThroughDay),
    ...p.symptoms.normal.map((s) => s.toDay),
    p.followUp.afterDays,
  ];
  return Math.max(...days) + 2;
}

const phaseOf = (p: Protocol, day: number): string => {
  const i = p.phases.findIndex((ph) => day >= ph.fromDay && day <= (ph.toDay ?? Infinity));
  return i < 0 ? 'phases' : `phases[${i}]`;
};

/** The first answer over a limit, or undefined when every answer fits. */
export function checkLimits(p: Protocol): LimitProblem | undefined {
  /** `alone`: said as it is (the greeting, a reminder); otherwise followed by the closing question and, on a first use, after the disclaimer. */
  const check = (path: string, what: string, text: string, opts: { alone?: boolean } = {}): LimitProblem | undefined => {
    // A first-use one-shot question is answered after the disclaimer and the date confirmation.
    const ssml = toSsml(opts.alone ? text : `${p.disclaimer} ${CONFIRMATION} ${text} ${en.whatNext}`);
    if (ssml.length > MAX_SSML_CHARACTERS) {
      const context = opts.alone ? '' : ' when a new patient hears the disclaimer first';
      return {
        path,
        message: `${what} would be ${ssml.length.toLocaleString('en-US')} characters long${context}; Alexa refuses more than ${MAX_SSML_CHARACTERS.toLocaleString('en-US')}`,
      };
    }
    const seconds = spokenSecondsOfText(opts.alone ? text : `${text} ${en.whatNext}`);
    if (seconds > MAX_SECONDS)
      return { path, message: `${what} would take about ${Math.round(seconds)} seconds to say; answers must fit in ${MAX_SECONDS}` };
    return undefined;
  };
  const first = check('disclaimer', 'The greeting a new patient hears first', en.welcomeNew(p).text, { alone: true });
  if (first) return first;
  const fixed: [string, string, string][] = [
    ['sunscreen', 'The answer to "what SPF should I use?"', safetyEn.sunscreen(p)],
    ['keepSunscreen', 'The answer to "can I stop wearing sunscreen?"', safetyEn.keepSunscreen(p)],
    ['symptoms.warningSigns', 'The answer to a symptom', safetyEn.callClinic(p).text],
    ...p.symptoms.normal.map((s, i): [string, string, string] => [
      `symptoms.normal[${i}].answer`,
      `What the skill says is normal (${s.id})`,
      safetyEn.normalToday(s, p).text,
    ]),
  ];
  for (const [path, what, text] of fixed) {
    const problem = check(path, what, text);
    if (problem) return problem;
  }
  for (let day = 1; day <= lastDay(p); day++) {
    const view = dayView(p, TREATMENT, day);
    const briefing = check(phaseOf(p, day), `Day ${day}'s briefing`, view.briefing);
    if (briefing) return briefing;
    if (view.reminder) {
      const reminder = check(phaseOf(p, day), `Day ${day}'s morning reminder`, view.reminder, { alone: true });
      if (reminder) return reminder;
    }
    for (const a of view.answers) {
      const i = p.activities.findIndex((x) => x.id === a.id);
      const path = i >= 0 ? `activities[${i}]` : `${a.id}.answer`;
      const problem =
        check(path, `On day ${day}, "can I" for ${a.name}`, a.canI) ?? check(path, `On day ${day}, "when can I" for ${a.name}`, a.whenCanI);
      if (problem) return problem;
    }
  }
  return undefined;
}
