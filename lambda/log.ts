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

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string, event: string, fields?: LogFields) => write(JSON.stringify({ level, event, ...fields }));
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
