/**
 * Structured JSON logs that carry no user ids, tokens, dates or speech: callers may pass only the
 * whitelisted fields below, so a careless `log.info('x', envelope)` cannot compile.
 */
export interface LogFields {
  readonly requestType?: string;
  readonly intent?: string;
  readonly handler?: string;
  readonly ms?: number;
  readonly error?: string;
  readonly status?: number;
  readonly reason?: string;
  readonly count?: number;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Longest text a logged field keeps: request types and intent names come from the envelope, unchecked. */
export const MAX_FIELD_CHARS = 64;

/** A string cut to MAX_FIELD_CHARS (an ellipsis says it was cut); anything else as it is. */
export const bounded = <T>(value: T, max = MAX_FIELD_CHARS): T | string =>
  typeof value === 'string' && value.length > max ? `${value.slice(0, max)}…` : value;

/** Every field bounded, so no input can make a log line long. */
export function boundedFields<F extends object>(fields: F | undefined, max = MAX_FIELD_CHARS): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, bounded(v, max)]));
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string, event: string, fields?: LogFields) =>
    write(JSON.stringify({ level, event: bounded(event), ...boundedFields(fields) }));
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
