import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

/**
 * A real headless Chromium from the npm registry alone: @sparticuz/chromium ships the binary,
 * playwright-core drives it. @sparticuz/chromium is an ES module and jest runs CommonJS, so a child
 * Node process unpacks the binary (about 2 s the first time) and prints where it is and its flags.
 */
const UNPACK = `import('@sparticuz/chromium').then(async ({ default: c }) => {
  process.stdout.write(JSON.stringify({ path: await c.executablePath(), args: c.args }));
});`;

/** Off everything that would reach out to the internet; Chromium's own connections are refused here anyway. */
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', UNPACK], { cwd: __dirname });
  const binary = JSON.parse(stdout) as { path: string; args: string[] };
  // Lambda's one-process mode ends the browser with its last page (a test opens one page per test), and
  // the package's --disable-web-security would let a cross-origin test pass that must fail: both dropped.
  const args = binary.args.filter((a) => a !== '--single-process' && a !== '--disable-web-security');
  return chromium.launch({ executablePath: binary.path, args: [...args, ...QUIET], headless: true });
}
