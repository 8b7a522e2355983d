import { ProtocolError } from '../errors';

/**
 * A small schema checker for the protocol file. Hand-written rather than a library so the Lambda bundle
 * stays small and cold start fast; every failure names the field path, e.g. `activities[3].avoidThroughDay`.
 */
export { ProtocolError };

export type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string, value: unknown): never => {
  throw new ProtocolError(`Invalid care protocol: ${path} must be ${expected} (got ${JSON.stringify(value)})`);
};

export const text =
  (opts: { allowEmpty?: boolean } = {}): Check =>
  (value, path) => {
    if (typeof value !== 'string' || (!opts.allowEmpty && value.trim() === '')) fail(path, 'a non-empty string', value);
  };

/** No window, phase or follow-up runs past a year: a larger number is a typing slip, not aftercare. */
export const MAX_DAY = 366;

export const day =
  (min = 1, max = MAX_DAY): Check =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(path, `a whole number from ${min} to ${max}`, value);
    }
  };

/** A word patients say: compared trimmed and case-insensitively, so stray spaces are refused rather than kept. */
export const word: Check = (value, path) => {
  text()(value, path);
  if ((value as string).trim() !== value) fail(path, 'a word without spaces before or after it', value);
};

export const bool: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
};

export const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (value, path) => {
    if (!allowed.includes(value)) fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  };

export const list =
  (item: Check, minItems = 1): Check =>
  (value, path) => {
    if (!Array.isArray(value) || value.length < minItems) fail(path, `a list of at least ${minItems}`, value);
    (value as unknown[]).forEach((v, i) => item(v, `${path}[${i}]`));
  };

export const object =
  (fields: Record<string, Check>, optional: readonly string[] = []): Check =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path || 'protocol', 'an object', value);
    const record = value as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      const fieldPath = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(record, key)) {
        if (!optional.includes(key)) throw new ProtocolError(`Invalid care protocol: ${fieldPath} is missing`);
        continue;
      }
      check(record[key], fieldPath);
    }
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(fields, key))
        throw new ProtocolError(`Invalid care protocol: ${path ? `${path}.` : ''}${key} is not a known field`);
    }
  };
