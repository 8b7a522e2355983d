import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A clean install: every dependency's install script is either allowed (the one the project needs) or
 * denied in package.json's `allowScripts`, so `npm ci` on a fresh clone prints no install-scripts
 * warning. `npm install-scripts ls` reads node_modules only (no network) and lists what is not covered.
 * A new dependency with an install script: `npm install-scripts deny <pkg>` (or, if the project needs
 * its script, `npm install-scripts approve <pkg> --no-allow-scripts-pin`).
 */
const root = join(__dirname, '..', '..');

test('no installed package has an install script that allowScripts does not decide', () => {
  const out = execFileSync('npm', ['install-scripts', 'ls'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  expect(out.trim()).toBe('No packages with unreviewed install scripts.');
});

test('each decision is explicit: esbuild is allowed, and the others work without their scripts', () => {
  const allow = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, unknown> }).allowScripts;
  expect(Object.values(allow).every((v) => typeof v === 'boolean')).toBe(true);
  expect(allow.esbuild).toBe(true);
  // dynalite's LevelDB binding loads from its shipped prebuild (its install script would only build one).
  expect(allow['classic-level']).toBe(false);
  expect(() => require('classic-level')).not.toThrow();
});
