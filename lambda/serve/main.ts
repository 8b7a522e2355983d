/**
 * `npm run serve`: the self-hosted endpoint (server.ts) with the real skill. A composition root, like
 * lambda/index.ts: the one place here that reads the environment.
 *
 *   npm run serve -- [--port 3000] [--host 127.0.0.1] [--allow-any-skill] [--insecure-local-no-verify]
 *
 * - without SKILL_ID it refuses to start, unless --allow-any-skill on a loopback address;
 * - --insecure-local-no-verify (no signature/timestamp checks) only binds to a loopback address, and says so loudly.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { ServeConfigError } from '../errors';
import { checkServeSafety } from './safety';
import { createServeLogger } from './serveLog';
import { startServer, type TlsFiles } from './server';

export interface ServeCliOptions {
  readonly host: string;
  readonly port: number;
  readonly verify: boolean;
  readonly allowAnySkill: boolean;
}

export const USAGE =
  'usage: npm run serve -- [--port 3000] [--host 127.0.0.1] [--allow-any-skill] [--insecure-local-no-verify]\n' +
  'env: SKILL_ID (required unless --allow-any-skill), TLS_CERT + TLS_KEY (PEM files; otherwise plain HTTP for a TLS proxy),\n' +
  '     CARE_TABLE, DYNAMODB_ENDPOINT, AWS_REGION, DEFAULT_TIME_ZONE as for the Lambda.';

/** Parses the command line; unknown flags are an error rather than silently ignored. */
export function parseServeArgs(argv: readonly string[]): ServeCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-any-skill': { type: 'boolean', default: false },
        'insecure-local-no-verify': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new ServeConfigError(`${(e as Error).message}\n${USAGE}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeConfigError(`invalid --port "${values.port}"`);
  return {
    host: values.host ?? '127.0.0.1',
    port,
    verify: !values['insecure-local-no-verify'],
    allowAnySkill: values['allow-any-skill'] ?? false,
  };
}

/** TLS_CERT and TLS_KEY name PEM files; both or neither. */
export function readTls(env: Readonly<Record<string, string | undefined>>): TlsFiles | undefined {
  const certPath = env.TLS_CERT || undefined;
  const keyPath = env.TLS_KEY || undefined;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new ServeConfigError('set both TLS_CERT and TLS_KEY (PEM file paths), or neither');
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

async function main(): Promise<void> {
  const log = createServeLogger();
  try {
    const cli = parseServeArgs(process.argv.slice(2));
    const config = readConfig(process.env);
    const tls = readTls(process.env);
    // Fail before loading the skill (and creating AWS clients) when the configuration is unsafe.
    checkServeSafety({ host: cli.host, verify: cli.verify, skillId: config.skillId, allowAnySkill: cli.allowAnySkill });
    if (config.skillId && cli.allowAnySkill) log.warn('serve.flag_ignored', { reason: '--allow-any-skill ignored: SKILL_ID is set' });

    const [{ createSkill }, { createDefaultDeps }] = await Promise.all([import('../skill'), import('../index')]);
    const skill = createSkill(createDefaultDeps(config));
    const running = await startServer({
      skill,
      skillId: config.skillId,
      allowAnySkill: cli.allowAnySkill,
      verify: cli.verify,
      host: cli.host,
      port: cli.port,
      tls,
      logger: log,
    });
    const stop = () => {
      running.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    log.error('serve.not_started', { reason: (e as Error).message });
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
