/**
 * Counts the answers that rest on an unreviewed reading without saying so (issue 17): days 1–60 × every
 * question kind — "can I" and "when can I" (with and without the patient's word), "can I … tomorrow",
 * today's and tomorrow's briefing, the card, and each morning's reminder — for each activity whose
 * window is a reading of the article (the SPEC names them: ice, exfoliating, retinoids, toners,
 * fragrance, and the end of the day-1 exercise and sauna rule). A pair (answer, activity) counts when the
 * answer states that activity's window and the sentence that states it does not say it is a reading.
 * Runs on any checkout with the same speech functions: `npx tsx scripts/readings-count.ts`.
 */
import { addDays, type IsoDate } from '../lambda/domain/calendar';
import { activityStatus, planForDay } from '../lambda/domain/care';
import type { ClockTime } from '../lambda/domain/clockTime';
import { reminderPlan } from '../lambda/domain/reminderPlan';
import { defaultProtocol } from '../lambda/protocol/load';
import type { Activity } from '../lambda/protocol/types';
import { canIOn } from '../lambda/speech/anotherDay.en-US';
import { en } from '../lambda/speech/en-US';
import { reminderText } from '../lambda/speech/reminders.en-US';

const READINGS = ['exercise', 'sauna', 'ice', 'exfoliation', 'retinoids', 'acids', 'fragrance'];
const SAYS_SO = /reading|pending your clinic's review|not yet confirmed/i;
const TREATMENT = '2026-11-01' as IsoDate;

const p = defaultProtocol();
const readings = p.activities.filter((a) => READINGS.includes(a.id));
let answers = 0;
let silent = 0;
const examples: string[] = [];

/** An answer about one activity: it states the window, so it must say it is a reading. */
function about(a: Activity, text: string, where: string): void {
  answers++;
  if (SAYS_SO.test(text)) return;
  silent++;
  if (examples.length < 8) examples.push(`${where} [${a.id}]: ${text}`);
}

/** A briefing, card or reminder: each sentence or line naming a reading's activity must say it is one. */
function within(text: string, restricted: readonly Activity[], where: string): void {
  const sentences = text.split('\n').flatMap((line) => line.split(/(?<=[.!?])\s+/));
  for (const a of restricted) {
    const names = [a.shortName, a.name].map((n) => n.toLowerCase());
    const told = sentences.filter((s) => names.some((n) => s.toLowerCase().includes(n)));
    for (const s of told) about(a, s, where);
  }
}

for (let day = 1; day <= 60; day++) {
  const today = addDays(TREATMENT, day - 1);
  for (const a of readings) {
    const s = activityStatus(a, TREATMENT, day);
    for (const heard of [undefined, a.synonyms[0]]) {
      about(a, en.canI(s, day, today, heard), `day ${day} can I`);
      about(a, en.whenCanI(s, today, heard), `day ${day} when can I`);
    }
    const next = activityStatus(a, TREATMENT, day + 1);
    about(a, canIOn(next, day + 1, addDays(today, 1), today, a.synonyms[0]), `day ${day} can I … tomorrow`);
  }
  for (const [plan, label] of [
    [planForDay(p, TREATMENT, day), 'today'],
    [planForDay(p, TREATMENT, day + 1), 'tomorrow'],
  ] as const) {
    // What the day's words rest on: the restrictions in force and those ending that day.
    const told = readings.filter((a) => [...plan.offLimits, ...plan.newlyAllowed].some((s) => s.activity.id === a.id));
    within(en.briefing(plan, today, p), told, `day ${day} briefing (${label})`);
    within(en.briefingCard(plan, today).content, told, `day ${day} card (${label})`);
  }
}
// The question kinds issue 17 added ("do I still need", "can I stop", "how long", a weekend), where this checkout has them.
type Ask = (
  protocol: typeof p,
  q: { kind: string; heard: string; day?: number },
  patient: unknown,
) => { route: string; answer?: { sentence: { text: string } } };
const core = (() => {
  try {
    const question = require('../lambda/answers/question') as { questionAnswer: Ask };
    const patient = require('../lambda/answers/patient') as {
      patientOn: (protocol: typeof p, record: { treatmentDate: IsoDate }, today: IsoDate) => unknown;
    };
    return { ask: question.questionAnswer, patientOn: patient.patientOn };
  } catch {
    return undefined;
  }
})();
if (core) {
  for (let day = 1; day <= 60; day++) {
    const patient = core.patientOn(p, { treatmentDate: TREATMENT }, addDays(TREATMENT, day - 1));
    for (const a of readings) {
      for (const kind of ['canI', 'whenCanI', 'need', 'canStop', 'howLong']) {
        const decided = core.ask(p, { kind, heard: a.synonyms[0] ?? a.id }, patient);
        if (decided.route === 'answer' && decided.answer) about(a, decided.answer.sentence.text, `day ${day} ${kind}`);
      }
    }
  }
}

for (const entry of reminderPlan(p, TREATMENT, '07:30' as ClockTime)) {
  const told = readings.filter((a) => [...entry.plan.offLimits, ...entry.milestones].some((s) => s.activity.id === a.id));
  within(reminderText(entry, p), told, `day ${entry.day} reminder`);
}

console.log(`answers resting on a reading (days 1–60 × every question kind${core ? ', issue 17 kinds included' : ''}): ${answers}`);
console.log(`of them, not saying it is a reading: ${silent}`);
for (const e of examples) console.log(`  e.g. ${e}`);
