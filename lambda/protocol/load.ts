import defaultProtocolData from './default-protocol.json';
import { ProtocolError, bool, day, list, object, oneOf, text } from './schema';
import type { Protocol } from './types';

const checkShape = object({
  schemaVersion: oneOf(1),
  locale: text(),
  clinic: object({ name: text(), phone: text({ allowEmpty: true }) }),
  disclaimer: text(),
  phases: list(
    object(
      { id: text(), fromDay: day(), toDay: day(), skin: text(), todo: list(text()), source: text() },
      ['toDay'],
    ),
  ),
  activities: list(
    object({
      id: text(),
      name: text(),
      shortName: text(),
      kind: oneOf('avoid', 'limit', 'encouraged'),
      synonyms: list(text()),
      avoidThroughDay: day(0),
      whileAvoided: text({ allowEmpty: true }),
      onceAllowed: text(),
      source: text(),
      reviewedByClinic: bool,
    }),
  ),
  followUp: object({ afterDays: day(), source: text() }),
  briefing: object({ maxOffLimitsSpoken: day() }),
});

/** Rules that span fields: phases must tile the days from 1 with no gap, and ids and words must be unique. */
function checkConsistency(p: Protocol): void {
  let expectedFrom = 1;
  p.phases.forEach((phase, i) => {
    const at = `phases[${i}]`;
    if (phase.fromDay !== expectedFrom) {
      throw new ProtocolError(`Invalid care protocol: ${at}.fromDay must be ${expectedFrom} so phases follow each other`);
    }
    const last = i === p.phases.length - 1;
    if (last && phase.toDay !== undefined) throw new ProtocolError(`Invalid care protocol: ${at}.toDay must be absent on the last phase`);
    if (!last && phase.toDay === undefined) throw new ProtocolError(`Invalid care protocol: ${at}.toDay is missing`);
    if (phase.toDay !== undefined && phase.toDay < phase.fromDay) {
      throw new ProtocolError(`Invalid care protocol: ${at}.toDay must not be before fromDay`);
    }
    expectedFrom = (phase.toDay ?? 0) + 1;
  });
  const seen = new Map<string, string>();
  p.activities.forEach((a, i) => {
    const at = `activities[${i}]`;
    if (a.kind === 'encouraged' && a.avoidThroughDay !== 0) {
      throw new ProtocolError(`Invalid care protocol: ${at}.avoidThroughDay must be 0 for an encouraged activity`);
    }
    if (a.kind !== 'encouraged' && (a.avoidThroughDay < 1 || a.whileAvoided.trim() === '')) {
      throw new ProtocolError(`Invalid care protocol: ${at}.avoidThroughDay and whileAvoided must be set for a restriction`);
    }
    if (p.activities.findIndex((b) => b.id === a.id) !== i) throw new ProtocolError(`Invalid care protocol: ${at}.id "${a.id}" is used twice`);
    a.synonyms.forEach((word, j) => {
      const key = word.toLowerCase();
      const other = seen.get(key);
      if (other) throw new ProtocolError(`Invalid care protocol: ${at}.synonyms[${j}] "${word}" is already used by ${other}`);
      seen.set(key, `${at}.synonyms[${j}]`);
    });
  });
}

/** Validates raw protocol data (the clinic's file) and returns it typed; throws ProtocolError naming the field. */
export function parseProtocol(data: unknown): Protocol {
  checkShape(data, '');
  const protocol = data as Protocol;
  checkConsistency(protocol);
  return protocol;
}

let cached: Protocol | undefined;

/** The protocol the skill runs with: the bundled default file, validated once per process. */
export function defaultProtocol(): Protocol {
  cached ??= parseProtocol(defaultProtocolData);
  return cached;
}
