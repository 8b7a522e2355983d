import { isIP } from 'node:net';
import { ServeConfigError } from '../errors';

/** Loopback means this machine only: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

export interface SafetyInput {
  readonly host: string;
  readonly verify: boolean;
  readonly skillId?: string;
  readonly allowAnySkill?: boolean;
}

/** Throws ServeConfigError for a configuration that must not start. Called before anything binds. */
export function checkServeSafety(o: SafetyInput): void {
  if (!o.verify && !isLoopbackHost(o.host)) {
    throw new ServeConfigError(
      `--insecure-local-no-verify turns off request signature and timestamp checks; it only works on a loopback ` +
        `address (127.0.0.1, ::1, localhost), not on "${o.host}".`,
    );
  }
  if (!o.skillId) {
    if (!o.allowAnySkill) {
      throw new ServeConfigError(
        'SKILL_ID is not set: requests for any skill would be served. Set SKILL_ID to your skill id ' +
          '(amzn1.ask.skill....), or pass --allow-any-skill for local testing on a loopback address.',
      );
    }
    if (!isLoopbackHost(o.host)) {
      throw new ServeConfigError(`--allow-any-skill only works on a loopback address, not on "${o.host}".`);
    }
  }
}
