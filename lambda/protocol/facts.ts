import type { Fact, Protocol, ProtocolFact, Source } from './types';

/** An article fact is the clinic's own; a clinic reading counts once the clinic has confirmed it. */
export const isReviewed = (source: Source): boolean => 'article' in source || source.reviewedByClinic;

/**
 * Every care fact of a protocol with its path, source and review state: what `npm run protocol:report`
 * prints, what the deploy gate checks and what the clinic studio shows. Windows are facts too.
 */
export function protocolFacts(p: Protocol): ProtocolFact[] {
  const out: ProtocolFact[] = [];
  const add = (path: string, text: string, source: Source) => out.push({ path, text, source, reviewed: isReviewed(source) });
  const addFact = (path: string, f: Fact | undefined) => f && add(path, f.text, f.source);

  p.phases.forEach((phase, i) => {
    addFact(`phases[${i}].skin`, phase.skin);
    phase.todo.forEach((t, j) => addFact(`phases[${i}].todo[${j}]`, t));
  });
  p.activities.forEach((a, i) => {
    const at = `activities[${i}]`;
    if (a.kind !== 'encouraged') {
      const hours = a.atLeastHours ? ` (at least ${a.atLeastHours} hours)` : '';
      const days = a.avoidThroughDay === 1 ? 'day 1' : `days 1–${a.avoidThroughDay}`;
      add(`${at}.avoidThroughDay`, `${a.id}: ${a.kind === 'limit' ? 'extra care on' : 'avoid on'} ${days}${hours}`, a.source);
    }
    addFact(`${at}.whileAvoided`, a.whileAvoided);
    addFact(`${at}.onceAllowed`, a.onceAllowed);
    addFact(`${at}.briefly`, a.briefly);
  });
  addFact('prescriptions.answer', p.prescriptions.answer);
  addFact('tanning.answer', p.tanning.answer);
  addFact('sunscreen', p.sunscreen);
  addFact('keepSunscreen', p.keepSunscreen);
  addFact('prescribedToo.answer', p.prescribedToo?.answer);
  addFact('results.answer', p.results?.answer);
  p.symptoms.normal.forEach((s, i) => addFact(`symptoms.normal[${i}].answer`, s.answer));
  add('symptoms.warningSigns', `warning signs, always the clinic: ${p.symptoms.warningSigns.words.join(', ')}`, p.symptoms.warningSigns.source);
  add('followUp.afterDays', `follow-up session bookable after ${p.followUp.afterDays} days`, p.followUp.source);
  return out;
}
