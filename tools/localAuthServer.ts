import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuthServerOptions } from './authServerMain';

export interface LocalAuthServer {
  readonly issuer: string;
  /** The Alexa+ service tier: client_credentials. */
  readonly service: { readonly clientId: string; readonly clientSecret: string };
  /** The patient tier (account linking): authorization_code + PKCE. */
  readonly patient: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string };
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/** Starts the local authorization server (tools/authServerMain.ts) in a child process on 127.0.0.1. */
export function startLocalAuthServer(opts: Partial<AuthServerOptions> & Pick<AuthServerOptions, 'resources'>): Promise<LocalAuthServer> {
  const options: AuthServerOptions = {
    port: opts.port ?? 0,
    resources: opts.resources,
    patientScope: opts.patientScope ?? 'aftercare',
    patientRedirectUri: opts.patientRedirectUri ?? 'http://127.0.0.1/alexa-linking/callback',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'authServerMain.ts'), JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, DEBUG: '' },
  });
  // oidc-provider warns, rightly, that this is a development set-up (its login page, in-memory storage,
  // Node 20 here); that is what this server is. Anything else it prints is passed on.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (!line.startsWith('oidc-provider WARNING')) process.stderr.write(`${line}\n`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin?.end();
    child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('the local authorization server did not start'));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local authorization server exited (${code})`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ ...(JSON.parse(line) as Omit<LocalAuthServer, 'stop'>), stop });
    });
  });
}
