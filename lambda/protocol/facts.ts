import type { Activity, Fact, Protocol, ProtocolFact, Source } from './types';

/** An article fact is the clinic's own; a clinic reading counts once the clinic has confirmed it. */
export const isReviewed = (source: Source): boolean => 'article' in source || source.reviewedByClinic;

/** Fields of `owner` that no longer hold what its source vouches for (`supports`). */
export function driftedFields(owner: object, source: Source): string[] {
  const values = owner as Record<string, unknown>;
  return Object.entries(source.supports ?? {})
    .filter(([field, value]) => values[field] !== value)
    .map(([field]) => field);
}

/**
 * The source a window really has. A value the article sentence no longer says (makeup's 48 hours made 72)
 * is the clinic's own reading, unreviewed, naming what the article says; a signed-off reading whose value
 * changed since is unreviewed again. The one rule the skill, the add-on, the report, the deploy gate and
 * the studio all read, so none of them can call a changed number the article's.
 */
export function sourceOf(owner: object, source: Source): Source {
  const drifted = driftedFields(owner, source).length > 0;
  // Read, `supports` has done its work: every door sees a plain article sentence or clinic reading.
  if ('article' in source)
    return drifted
      ? { clinic: `the clinic's own window; the article says: "${source.article}"`, reviewedByClinic: false }
      : { article: source.article };
  return { clinic: source.clinic, reviewedByClinic: source.reviewedByClinic && !drifted };
}

/** The protocol with every window's source as sourceOf reads it (done once, at load). */
export function withWindowSources<P extends Omit<Protocol, 'clinic'>>(p: P): P {
  const activity = (a: Activity): Activity => ({ ...a, source: sourceOf(a, a.source) });
  return { ...p, activities: p.activities.map(activity), followUp: { ...p.followUp, source: sourceOf(p.followUp, p.followUp.source) } };
}

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
      add(
        `${at}.avoidThroughDay`,
        `${a.shortName}: ${a.kind === 'limit' ? 'extra care on' : 'avoid on'} ${days}${hours}`,
        sourceOf(a, a.source),
      );
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
  p.symptoms.normal.forEach((s, i) => addFact(`symptoms.normal[${i}].answer`, s.answer));
  add(
    'symptoms.warningSigns',
    `warning signs, always the clinic: ${p.symptoms.warningSigns.words.join(', ')}`,
    p.symptoms.warningSigns.source,
  );
  add('followUp.afterDays', `follow-up session bookable after ${p.followUp.afterDays} days`, sourceOf(p.followUp, p.followUp.source));
  return out;
}
