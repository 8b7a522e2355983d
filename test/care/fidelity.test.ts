import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { activityStatus, followUp, planForDay } from '../../lambda/domain/care';
import type { ClockTime } from '../../lambda/domain/clockTime';
import { reminderPlan } from '../../lambda/domain/reminderPlan';
import { protocolFacts } from '../../lambda/protocol/facts';
import { defaultProtocol } from '../../lambda/protocol/load';
import type { Protocol } from '../../lambda/protocol/types';
import { en } from '../../lambda/speech/en-US';
import { reminderText } from '../../lambda/speech/reminders.en-US';
import { atLeastPhrase } from '../../lambda/speech/phrasing';
import { safetyEn } from '../../lambda/speech/safety.en-US';
import { CLINIC } from './support';
import { spanAsked, type QuestionKind } from '../../lambda/domain/meaning';
import { patientOn } from '../../lambda/answers/patient';
import { questionAnswer } from '../../lambda/answers/question';

/**
 * The skill states no care fact that is not in the protocol data. Every answer for days 1–60 × every
 * question kind (briefings for the day and the next, their cards, "can I" and "when can I" for every
 * activity and heard word, every reminder, symptoms, prescriptions, sun questions, the next session) is
 * cut into sentences; in each, the protocol's fact texts, names, dates and numbers are replaced by
 * placeholders, and what is left — the skeleton — must be one of the sentence frames below. The frames
 * carry no care content of their own, so a care sentence written in code fails here.
 */
const FRAME_LIST = [
  // Leads, days, the follow-up
  'Day «N», your treatment day.',
  'Day «N» of your recovery.',
  '«D» is day «N».',
  '«D» was day «N».',
  'Day «N» («D»)',
  'You can schedule your follow-up session now.',
  'From that day, you can schedule your follow-up session.',
  'You can schedule your follow-up session from day «N» on.',
  'Follow-up session: can be booked from «D» (day «N»).',
  'Follow-up session: can be booked from «D» (day «N», «D»).',
  'Follow-up session: can be booked from «D» (day «N», in «N» days).',
  'From today, you can book your follow-up session.',
  "You can schedule your follow-up session now: it's been «N» days since your treatment.",
  "You can schedule your follow-up session now: it's been «N» weeks since your treatment.",
  "You can schedule your follow-up session now: it's been «N» weeks and «N» day since your treatment.",
  "You can schedule your follow-up session now: it's been «N» weeks and «N» days since your treatment.",
  'You can book your next session from «D», day «N».',
  "That's in «N» days.",
  'Call «C» at «C».',
  // Restrictions: the frame names the activity and the day; the reason is a fact
  'No «A» until «D».',
  'No «A» until «D», «H» after your appointment.',
  'No «A» or «A» until «D».',
  'No «A», «A», «A» or «A» until «D».',
  'No «A» or «A» until «D», «H» after your appointment.',
  'Until «D», «F».',
  'More in your Alexa app.',
  'From today, «A» is fine again.',
  'From today, «A» are fine again.',
  'From today, «A» and «A» are fine again.',
  'From today, «A», «A», «A» and «A» are fine again.',
  'From that day, «A» is fine again.',
  'From that day, «A» are fine again.',
  'From that day, «A» and «A» are fine again.',
  'From that day, «A», «A», «A» and «A» are fine again.',
  'From today, «H» after your appointment, «A» is fine again.',
  'From today, «H» after your appointment, «A» are fine again.',
  'From that day, «H» after your appointment, «A» is fine again.',
  'From that day, «H» after your appointment, «A» are fine again.',
  'From today, your extra care with «A» can ease.',
  'From that day, your extra care with «A» can ease.',
  'Still no «A» until «D».',
  'Still no «A» or «A» until «D».',
  'Still no «A», «A», «A» or «A» until «D».',
  'Still no «A» or «A» until «D», «H» after your appointment.',
  'Still no «A» until «D», «H» after your appointment.',
  'Day «N» of your microneedling recovery: «F».',
  'Day «N» of your microneedling recovery.',
  'Extra care with «A»: «F».',
  // Answers
  'Yes, always.',
  'With care.',
  'Any time, with care.',
  "Any time: it's always encouraged.",
  'Just one more day.',
  'Not yet: no «A» until «D», day «N».',
  'Not yet: no «A» until «D», day «N», once «H» has passed since your appointment.',
  'Not yet: no «A» until «D», day «N», once «H» have passed since your appointment.',
  'Not yet: no «A» or other «A» until «D», day «N», once «H» has passed since your appointment.',
  'Yes, «A» has been fine since day «N».',
  'Yes, «A» have been fine since day «N».',
  'Yes, «A» and other «A» have been fine since day «N».',
  'Yes, from today: the wait for «A» is over.',
  'From today: the wait for «A» is over.',
  'From today, once «H» has passed since your appointment, «A» are fine again.',
  'From today, once «H» have passed since your appointment, «A» is fine again.',
  'From today, once «H» has passed since your appointment, «A» and other «A» are fine again.',
  'From today, once «H» has passed since your appointment.',
  'From today, once «H» have passed since your appointment.',
  '«A» is fine again from «D», day «N».',
  '«A» are fine again from «D», day «N».',
  '«A» is fine again from «D», day «N», once «H» have passed since your appointment.',
  '«A» are fine again from «D», day «N», once «H» has passed since your appointment.',
  '«A» and other «A» are fine again from «D», day «N», once «H» has passed since your appointment.',
  'You already can: «A» has been fine since «D», day «N».',
  'You already can: «A» have been fine since «D», day «N».',
  'You already can: «A» and other «A» have been fine since «D», day «N».',
  'Carefully: until «D», day «N», take extra care.',
  'Carefully, any time.',
  'Your extra care with «A» lasts until «D», day «N», when it can ease.',
  'Your first «N» days of extra care are over.',
  'As of today, your first «N» days of extra care are over.',
  'That day is a reading of the article your clinic has not confirmed yet.',
  // Cards
  'Still off limits:',
  'Extra care:',
  'Always:',
  '• «F».',
  '• «A»: until «D» (day «N»)',
  '• «A»: until «D» (day «N»), once «H» have passed since your appointment',
  '• «A»: until «D» (day «N»), once «H» has passed since your appointment',
  "• «A»: until «D» (day «N») (the clinic's reading, not yet confirmed)",
  "• «A»: until «D» (day «N»), once «H» have passed since your appointment (the clinic's reading, not yet confirmed)",
  "• «A»: until «D» (day «N»), once «H» has passed since your appointment (the clinic's reading, not yet confirmed)",
  '• «A»: extra care until «D» (day «N»).',
  '• «A»: «F».',
  // Symptoms and the clinic
  "I can't check symptoms.",
  'Please call «C» at «C».',
  "If it's an emergency, call «C».",
  "If you're worried, call «C» at «C».",
  '«C»: «C».',
  'Emergency: «C».',
  "This skill can't check symptoms.",
  // The appointment time (optional)
  'No «A» until «D» at «T», «H» after your appointment.',
  'No «A» or «A» until «D» at «T», «H» after your appointment.',
  'From «D» at «T», «H» after your appointment, «A» is fine again.',
  'From «D» at «T», «H» after your appointment, «A» are fine again.',
  'From that day at «T», «H» after your appointment, «A» is fine again.',
  'From that day at «T», «H» after your appointment, «A» are fine again.',
  'Not yet: no «A» until «D» at «T», day «N», «H» after your appointment.',
  'Not yet: no «A» or other «A» until «D» at «T», day «N», «H» after your appointment.',
  'Not yet: «A» is fine from «T» «D», «H» after your appointment.',
  'Not yet: «A» are fine from «T» «D», «H» after your appointment.',
  'Not yet: «A» and other «A» are fine from «T» «D», «H» after your appointment.',
  'Yes: «H» have passed since your appointment, so «A» is fine again.',
  'Yes: «H» has passed since your appointment, so «A» are fine again.',
  'Yes: «H» has passed since your appointment, so «A» and other «A» are fine again.',
  'You already can: «H» have passed since your appointment.',
  'You already can: «H» has passed since your appointment.',
  'From «T» «D», «H» after your appointment.',
  '«A» is fine again from «D» at «T», day «N», «H» after your appointment.',
  '«A» are fine again from «D» at «T», day «N», «H» after your appointment.',
  '«A» and other «A» are fine again from «D» at «T», day «N», «H» after your appointment.',
  'Got it: your appointment was at «T».',
  'So «A» is fine from «T» on «D», and «A» from «T» on «D».',
  'So «A» are fine from «T» on «D».',
  'So «A» are fine from «T» «D».',
  'So «A» is fine from «T» «D», and «A» from «T» on «D».',
  // A fact as a sentence of its own
  '«F».',
  '• «A»: extra care until «D» (day «N»). «F».',
  // Issue 17: every restriction with its end, readings said to be readings, the sun's extra precautions
  'Day «N».',
  '«D», day «N».',
  'Extra precautions:',
  '• «A»: extra precautions until «D» (day «N»). «F».',
  "• «A»: until «D» (day «N») (pending your clinic's review)",
  'No «A» for «H», until «D».',
  'No «A» until «D» at «T».',
  'Extra sun precautions until «D».',
  "Pending your clinic's review: no «A» until «D».",
  "Pending your clinic's review: no «A», «A», «A» or «A» until «D» and no «A» until «D».",
  "Pending your clinic's review: no «A» or «A» until «D», no «A», «A», «A» or «A» until «D» and no «A» until «D».",
  "From today, pending your clinic's review, «A» is fine again.",
  "From today, pending your clinic's review, «A» and «A» are fine again.",
  "From today, pending your clinic's review, «A», «A», «A» and «A» are fine again.",
  "From that day, pending your clinic's review, «A» is fine again.",
  "From that day, pending your clinic's review, «A» and «A» are fine again.",
  "From that day, pending your clinic's review, «A», «A», «A» and «A» are fine again.",
  'From today, your first «N» days of extra precautions with «A» are over.',
  'From that day, your first «N» days of extra precautions with «A» are over.',
  'Your extra precautions last until «D», day «N».',
  'Your first «N» days of extra precautions are over.',
  'As of today, your first «N» days of extra precautions are over.',
  'As of that day, your first «N» days of extra precautions are over.',
  // Issue 17: question kinds
  'Yes.',
  'No.',
  'Always.',
  'No, keep it up.',
  "You already can: it's always encouraged.",
  'The wait is over: «A» has been fine since «D», day «N».',
  'The wait is over: «A» have been fine since «D», day «N».',
  'Yes: «A» is fine from day «N».',
  'Yes: «A» are fine from day «N».',
  'Yes: from that day, the wait for «A» is over.',
  'Yes: from that day, once «H» has passed since your appointment, «A» are fine again.',
  'Yes: from that day, once «H» have passed since your appointment, «A» is fine again.',
  'This weekend is days «N» to «N».',
  'The weekend of «D» is days «N» to «N».',
  'From day «N», «F».',
  'Today is day «N».',
  "Your clinic's aftercare doesn't cover «A»; please ask «C» at «C».",
  // "How long will I peel?" (answers/recovery): what the article calls normal, then the clinic.
  'If it lasts longer or worries you, call «C» at «C».',
  // A window with hours that the clinic has not signed off (a clinic's own edit of an article window).
  "From today, «H» after your appointment, pending your clinic's review, «A» is fine again.",
  "From today, «H» after your appointment, pending your clinic's review, «A» are fine again.",
  "From that day, «H» after your appointment, pending your clinic's review, «A» is fine again.",
  "From that day, «H» after your appointment, pending your clinic's review, «A» are fine again.",
  "From «D» at «T», «H» after your appointment, pending your clinic's review, «A» is fine again.",
  "From «D» at «T», «H» after your appointment, pending your clinic's review, «A» are fine again.",
  "• «A»: until «D» (day «N»), once «H» have passed since your appointment (pending your clinic's review)",
  "• «A»: until «D» (day «N»), once «H» has passed since your appointment (pending your clinic's review)",
];

/**
 * A list of restrictions ("Pending your clinic's review: no …, no … and no …") holds whichever windows are
 * unreviewed that day, so it is checked clause by clause: each clause must be one of these frames.
 */
const RESTRICTION_CLAUSES = new Set([
  'no «A» until «D»',
  'no «A» or «A» until «D»',
  'no «A», «A», «A» or «A» until «D»',
  'no «A» for «H», until «D»',
  'no «A» until «D» at «T»',
]);
const LIST_LEADS = ["Pending your clinic's review: "];
function isRestrictionList(shape: string): boolean {
  const lead = LIST_LEADS.find((l) => shape.startsWith(l));
  if (!lead || !shape.endsWith('.')) return false;
  const clauses = shape.slice(lead.length, -1).split(/, (?=no «A»)| and (?=no «A»)/);
  return clauses.length > 0 && clauses.every((c) => RESTRICTION_CLAUSES.has(c));
}

/** Day names, "today", "tomorrow": what the calendar fills in. */
const dated = (s: string): string =>
  s.replace(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|[Tt]oday|[Tt]omorrow|[Yy]esterday)\b/g, '«D»');
const FRAMES = new Set(FRAME_LIST.map(dated));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sentence with every data-produced part replaced: facts «F», activity words «A», dates «D», numbers «N», hours «H», clinic «C». */
function skeleton(p: Protocol, sentence: string): string {
  let s = sentence;
  const facts = protocolFacts(p)
    .map((f) => f.text)
    .sort((a, b) => b.length - a.length);
  for (const f of facts) s = s.replace(new RegExp(escapeRegExp(f), 'gi'), '«F»');
  const c = p.clinic;
  for (const v of [c.name, c.phone, c.emergencyLine]) s = s.split(v).join('«C»');
  // The hours are the data's ("48 hours", "a full week"), so a clinic's 72 hours is a number, not a new sentence.
  const hours = [...new Set(p.activities.flatMap((a) => (a.atLeastHours ? [atLeastPhrase(a.atLeastHours)] : [])))];
  for (const h of hours) s = s.replace(new RegExp(`\\b${escapeRegExp(h)}\\b`, 'g'), '«H»');
  s = s.replace(/\b3 PM\b/g, '«T»');
  const words = [
    ...p.activities.flatMap((a) => [a.name, a.shortName, ...(a.namedAsHeard ?? [])]),
    ...(p.notCovered ?? []).map((t) => t.name),
  ].sort((a, b) => b.length - a.length);
  for (const w of words) s = s.replace(new RegExp(`(?<![\\w-])${escapeRegExp(w)}(?![\\w-])`, 'gi'), '«A»');
  s = s.replace(
    /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), (January|February|March|April|May|June|July|August|September|October|November|December) \d+(st|nd|rd|th)\b/g,
    '«D»',
  );
  s = s.replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d+(st|nd|rd|th)\b/g, '«D»');
  s = dated(s);
  s = s.replace(/\b\d+\b/g, '«N»');
  return s;
}

/** Sentences of an answer or card: lines, then sentences ending in . ! ? before a space. */
const sentencesOf = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((line) =>
      line.startsWith('•') || (line.startsWith('Day ') && line.includes('(')) ? [line] : line.split(/(?<=[.!?])\s+(?=[A-Z«•])/),
    )
    .map((s) => s.trim())
    .filter((s) => s !== '');

const TREATMENT = '2026-11-01' as IsoDate;

/** Everything the skill can say about care, for one day. */
function everyAnswer(p: Protocol, day: number): string[] {
  const today = addDays(TREATMENT, day - 1);
  const plan = planForDay(p, TREATMENT, day);
  const out = [en.briefing(plan, today, p), en.briefingCard(plan, today).content];
  const next = planForDay(p, TREATMENT, day + 1);
  out.push(en.briefing(next, today, p), en.briefingCard(next, today).content);
  // With the appointment time, before and after it on the day a wait ends.
  const timings = [
    {},
    { appointment: '15:00' as ClockTime, now: '07:30' as ClockTime },
    { appointment: '15:00' as ClockTime, now: '16:00' as ClockTime },
  ];
  out.push(
    en.briefing(plan, today, p, { appointment: '15:00' as ClockTime }),
    en.briefing(next, today, p, { appointment: '15:00' as ClockTime }),
  );
  for (const a of p.activities) {
    const status = activityStatus(a, TREATMENT, day);
    for (const heard of [undefined, a.synonyms[0], ...(a.namedAsHeard ?? [])]) {
      for (const timing of timings) out.push(en.canI(status, day, today, heard, timing), en.whenCanI(status, today, heard, timing));
    }
  }
  const waits = [...plan.newlyAllowed, ...plan.offLimits].filter((s) => s.activity.atLeastHours !== undefined);
  out.push(en.appointmentSaved('15:00' as ClockTime, waits, today));
  out.push(en.nextSession(followUp(p, TREATMENT, day), today, p));
  for (const entry of reminderPlan(p, TREATMENT, '07:30' as ClockTime)) if (entry.day === day) out.push(reminderText(entry, p));
  const call = safetyEn.callClinic(p);
  out.push(call.text, call.card?.content ?? '');
  for (const s of p.symptoms.normal) {
    const normal = safetyEn.normalToday(s, p);
    out.push(normal.text, normal.card?.content ?? '');
  }
  out.push(safetyEn.prescription(p), safetyEn.tanning(p), safetyEn.sunscreen(p), safetyEn.keepSunscreen(p));
  // Every question kind about every kind of word: activities, topics not covered, the often-prescribed, symptoms.
  const words = [
    ...p.activities.map((a) => a.synonyms[0] ?? a.id),
    ...(p.notCovered ?? []).map((t) => t.words[0] ?? t.name),
    ...(p.prescribedToo?.words ?? []),
    'peeling',
    'red',
    'my medication',
    'tanning',
  ];
  const kinds: QuestionKind[] = ['canI', 'whenCanI', 'need', 'canStop', 'howLong', 'whenWill'];
  const weekend = spanAsked(`2026-W${String(45 + Math.floor((day - 1) / 7)).padStart(2, '0')}-WE`);
  for (const kind of kinds) {
    for (const heard of words) {
      const patient = patientOn(p, { treatmentDate: TREATMENT }, today);
      for (const [q, who] of [
        [{}, patient],
        [{ day: day + 1 }, patient],
        [{ span: weekend }, patient],
        [{}, undefined],
      ] as const) {
        const decided = questionAnswer(p, { kind, heard, ...q }, who);
        if (decided.route === 'answer') out.push(decided.answer.sentence.text);
      }
    }
  }
  return out;
}

describe('every care sentence comes from the protocol data', () => {
  // The clinic's own file (not the frozen test protocol): a content property every valid edit keeps.
  const p: Protocol = { ...defaultProtocol(), clinic: CLINIC };

  test('days 1–60 × every question kind: no sentence outside the frames', () => {
    const unknown = new Map<string, string>();
    let sentences = 0;
    for (let day = 1; day <= 60; day++) {
      for (const text of everyAnswer(p, day)) {
        for (const s of sentencesOf(text)) {
          sentences++;
          const shape = skeleton(p, s);
          if (!FRAMES.has(shape) && !isRestrictionList(shape) && !unknown.has(shape)) unknown.set(shape, `day ${day}: ${s}`);
        }
      }
    }
    expect([...unknown.entries()].map(([shape, example]) => `${shape}   ← ${example}`)).toEqual([]);
    expect(sentences).toBeGreaterThan(5_000);
  });

  test('a care sentence written in code is caught', () => {
    expect(FRAMES.has(skeleton(p, 'Rinse your face gently afterwards.'))).toBe(false);
    expect(FRAMES.has(skeleton(p, 'Your recovery is complete.'))).toBe(false);
    expect(isRestrictionList(skeleton(p, "Pending your clinic's review: no rubbing your face until Friday."))).toBe(false);
    expect(FRAMES.has(skeleton(p, 'From today, ibuprofen and ice are fine again.'))).toBe(true); // a frame: its parts are data
    const edited: Protocol = { ...p, activities: p.activities.map((a) => (a.id === 'ice' ? { ...a, whileAvoided: undefined } : a)) };
    // A fact removed from the data is no longer explained when code says it.
    expect(FRAMES.has(skeleton(edited, "Ice interferes with your body's healing process."))).toBe(false);
  });

  test("every article quote is the article's own words", () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const plain = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
    const article = plain(fs.readFileSync(path.join(__dirname, '../../lambda/protocol/source-article.txt'), 'utf8'));
    for (const f of protocolFacts(p)) {
      if (!('article' in f.source)) continue;
      for (const piece of f.source.article.split(' … '))
        expect({ path: f.path, quote: article.includes(plain(piece)) }).toEqual({ path: f.path, quote: true });
    }
  });
});
