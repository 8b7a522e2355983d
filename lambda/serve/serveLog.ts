import { boundedFields } from '../log';

/** Whitelisted log fields: never the envelope, user ids, tokens or speech. */
export interface ServeLogFields {
  readonly host?: string;
  readonly port?: number;
  readonly scheme?: 'http' | 'https';
  readonly verify?: boolean;
  readonly skillIdEnforced?: boolean;
  readonly status?: number;
  readonly ms?: number;
  readonly reason?: string;
}

export interface ServeLogger {
  info(event: string, fields?: ServeLogFields): void;
  warn(event: string, fields?: ServeLogFields): void;
  error(event: string, fields?: ServeLogFields): void;
}

/** Our own reasons (the usage text among them) are longer than the skill's fields, but still bounded. */
const MAX_SERVE_FIELD_CHARS = 600;

/** One JSON object per line; warnings and errors on stderr so they stand out from the request log. */
export function createServeLogger(
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): ServeLogger {
  const line = (level: string, event: string, fields?: ServeLogFields) =>
    JSON.stringify({ level, event, time: new Date().toISOString(), ...boundedFields(fields, MAX_SERVE_FIELD_CHARS) });
  return {
    info: (event, fields) => out(line('info', event, fields)),
    warn: (event, fields) => err(line('warn', event, fields)),
    error: (event, fields) => err(line('error', event, fields)),
  };
}
