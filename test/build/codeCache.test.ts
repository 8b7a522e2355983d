import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const { build } = require('../../scripts/build.js');

/**
 * The build ships each bundle behind a V8 code-cache loader (scripts/codeCache.js): the cache made at
 * build time must be the one the bundle reads, and without it the file must still load as plain code.
 */
function loadInFreshNode(file: string): { used: boolean; handler: string } {
  const script = `require(${JSON.stringify(file)}); const h = require(${JSON.stringify(file)}).handler;
    process.stdout.write(JSON.stringify({ used: globalThis[Symbol.for('aftercare.codeCache')].used, handler: typeof h }))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '' } }).toString());
}

test('the skill bundle reads the code cache built beside it, and loads without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const outfile = await build({ outfile: join(dir, 'index.js') });
  const caches = readdirSync(dir).filter((f) => f.endsWith('.cache'));
  expect(caches).toEqual([expect.stringMatching(/^index\.js\.[0-9a-f]{12}\.cache$/)]);
  expect(loadInFreshNode(outfile)).toEqual({ used: true, handler: 'function' });

  rmSync(join(dir, caches[0]!));
  expect(loadInFreshNode(outfile)).toEqual({ used: false, handler: 'function' });
}, 30_000);
