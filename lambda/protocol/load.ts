import clinicData from './clinic.json';
import defaultProtocolData from './default-protocol.json';
import { withWindowSources } from './facts';
import { MAX_DAY, ProtocolError, bool, day, list, object, oneOf, text, word, type Check } from './schema';
import type { Clinic, Protocol } from './types';

/** The fields a source may vouch for (`supports`): the windows' day and hour numbers. */
const WINDOW_FIELDS: Record<string, Check> = { avoidThroughDay: day(0), atLeastHours: day(1, MAX_DAY * 24), afterDays: day() };
const supports: Check = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(`Invalid care protocol: ${path} must be an object like {"avoidThroughDay": 2} (got ${JSON.stringify(value)})`);
  }
  for (const [field, n] of Object.entries(value)) {
    const check = Object.hasOwn(WINDOW_FIELDS, field) ? WINDOW_FIELDS[field] : undefined;
    if (!check) throw new ProtocolError(`Invalid care protocol: ${path}.${field} is not a known field`);
    check(n, `${path}.${field}`);
  }
};

/** A fact's source: `{ "article": "<its sentence>" }` or `{ "clinic": "<what it rests on>", "reviewedByClinic": false }`. */
const source: Check = (value, path) => {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject && Object.hasOwn(value, 'article')) return object({ article: text(), supports }, ['supports'])(value, path);
  if (isObject && Object.hasOwn(value, 'clinic'))
    return object({ clinic: text(), reviewedByClinic: bool, supports }, ['supports'])(value, path);
  throw new ProtocolError(
    `Invalid care protocol: ${path} must be {"article": "…"} or {"clinic": "…", "reviewedByClinic": true|false} (got ${JSON.stringify(value)})`,
  );
};

const fact = object({ text: text(), source });
const words = list(word);
const fixedAnswer = object({ words, answer: fact });

const checkShape = object(
  {
    schemaVersion: oneOf(2),
    locale: text(),
    disclaimer: text(),
    phases: list(object({ id: text(), fromDay: day(), toDay: day(), skin: fact, todo: list(fact, 0) }, ['toDay'])),
    activities: list(
      object(
        {
          id: text(),
          name: text(),
          shortName: text(),
          kind: oneOf('avoid', 'limit', 'encouraged'),
          synonyms: words,
          namedAsHeard: words,
          avoidThroughDay: day(0),
          atLeastHours: day(1, MAX_DAY * 24),
          source,
          whileAvoided: fact,
          onceAllowed: fact,
          briefly: fact,
        },
        ['namedAsHeard', 'atLeastHours', 'whileAvoided', 'onceAllowed', 'briefly'],
      ),
    ),
    prescriptions: fixedAnswer,
    tanning: fixedAnswer,
    sunscreen: fact,
    keepSunscreen: fact,
    symptoms: object({
      normal: list(object({ id: text(), fromDay: day(), toDay: day(), words, answer: fact })),
      warningSigns: object({ words, source }),
      worryWords: words,
    }),
    followUp: object({ afterDays: day(), source }),
    briefing: object({ maxOffLimitsSpoken: day() }),
    notCovered: list(object({ name: text(), words }), 0),
    prescribedToo: fixedAnswer,
  },
  ['notCovered', 'prescribedToo'],
);

/** A placeholder left from the template ("REPLACE-WITH-CLINIC-PHONE"): never spoken, never deployed. */
export const isPlaceholder = (value: string): boolean => /REPLACE-WITH/i.test(value) || value.trim() === '';

const checkClinic = object({
  name: text(),
  phone: text(),
  emergencyLine: text(),
  privacyPolicyUrl: text(),
  termsOfUseUrl: text(),
});

/** The clinic file: every field present; a filled-in phone has digits, a filled-in URL is https. */
export function parseClinic(data: unknown): Clinic {
  checkClinic(data, 'clinic');
  const c = data as Clinic;
  const bad = (field: string, expected: string) => {
    throw new ProtocolError(
      `Invalid clinic data: clinic.${field} must be ${expected} (got ${JSON.stringify((c as unknown as Record<string, string>)[field])})`,
    );
  };
  for (const field of ['phone', 'emergencyLine'] as const) {
    if (!isPlaceholder(c[field]) && !/^\+?[\d\s().-]{3,20}$/.test(c[field])) bad(field, 'a phone number');
  }
  for (const field of ['privacyPolicyUrl', 'termsOfUseUrl'] as const) {
    if (!/^https:\/\/\S+$/.test(c[field])) bad(field, 'an https URL');
  }
  return c;
}

/** Rules that span fields: phases tile the days from 1, ids and words are unique, windows fit their "at least". */
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
    const fail = (message: string) => {
      throw new ProtocolError(`Invalid care protocol: ${at}.${message}`);
    };
    if (a.kind === 'encouraged' && a.avoidThroughDay !== 0) fail('avoidThroughDay must be 0 for an encouraged activity');
    if (a.kind === 'encouraged' && !a.onceAllowed) fail('onceAllowed must say what to do for an encouraged activity');
    if (a.kind !== 'encouraged' && a.avoidThroughDay < 1) fail('avoidThroughDay must be set for a restriction');
    if (a.kind === 'limit' && (!a.whileAvoided || !a.onceAllowed || !a.briefly))
      fail('whileAvoided, onceAllowed and briefly must be set for a limit');
    if (a.atLeastHours !== undefined && a.atLeastHours !== a.avoidThroughDay * 24) {
      fail(`atLeastHours must be avoidThroughDay × 24 (${a.avoidThroughDay * 24}), so the window ends on its first free day`);
    }
    if (p.activities.findIndex((b) => b.id === a.id) !== i) fail(`id "${a.id}" is used twice`);
    for (const field of Object.keys(a.source.supports ?? {})) {
      if (field === 'afterDays') fail(`source.supports.${field} is not a field of an activity`);
    }
    a.synonyms.forEach((word, j) => {
      const key = word.trim().toLowerCase();
      const other = seen.get(key);
      if (other) fail(`synonyms[${j}] "${word}" is already used by ${other}`);
      seen.set(key, `${at}.synonyms[${j}]`);
    });
  });
  // One meaning per word: a topic the article does not cover is never also an activity's word.
  p.notCovered?.forEach((t, i) =>
    t.words.forEach((word, j) => {
      const other = seen.get(word.toLowerCase());
      if (other) throw new ProtocolError(`Invalid care protocol: notCovered[${i}].words[${j}] "${word}" is already used by ${other}`);
    }),
  );
  for (const field of Object.keys(p.followUp.source.supports ?? {})) {
    if (field !== 'afterDays')
      throw new ProtocolError(`Invalid care protocol: followUp.source.supports.${field} is not a field of the follow-up`);
  }
  p.symptoms.normal.forEach((s, i) => {
    if (s.toDay < s.fromDay) throw new ProtocolError(`Invalid care protocol: symptoms.normal[${i}].toDay must not be before fromDay`);
  });
}

/** Validates raw protocol data (the clinic's files) and returns it typed; throws ProtocolError naming the field. */
export function parseProtocol(data: unknown, clinic: unknown = clinicData): Protocol {
  checkShape(data, '');
  const protocol = { ...(data as Omit<Protocol, 'clinic'>), clinic: parseClinic(clinic) } as Protocol;
  checkConsistency(protocol);
  return withWindowSources(protocol);
}

let cached: Protocol | undefined;

/** The protocol the skill runs with: the bundled default files, validated once per process. */
export function defaultProtocol(): Protocol {
  cached ??= parseProtocol(defaultProtocolData);
  return cached;
}
