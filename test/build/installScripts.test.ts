import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A clean install: every dependency's install script is either allowed (the one the project needs) or
 * denied in package.json's `allowScripts`, so `npm ci` on a fresh clone prints no install-scripts
 * warning. `npm install-scripts ls` reads node_modules only (no network) and lists what is not covered.
 */
const root = join(__dirname, '..', '..');

test('no installed package has an install script that allowScripts does not decide', () => {
  const out = execFileSync('npm', ['install-scripts', 'ls'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  expect(out.trim()).toBe('No packages with unreviewed install scripts.');
});

test('only esbuild runs its install script; the others work without theirs', () => {
  const allow = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> }).allowScripts;
  expect(Object.entries(allow).filter(([, ok]) => ok).map(([name]) => name)).toEqual(['esbuild']);
  // dynalite's LevelDB binding loads from its shipped prebuild (its install script would only build one).
  expect(() => require('classic-level')).not.toThrow();
});
