import { spawn } from 'node:child_process';
import path from 'node:path';
import { DATA_FILES, defaultPaths, type DocPaths } from './dataFiles';
import { startStudio } from './server';

/**
 * `npm run studio [-- --port N] [--no-open] [--protocol FILE]`: the clinic studio on 127.0.0.1, over the
 * data files the skill loads (or the given copies, one option per file), opened in the default browser
 * unless --no-open.
 */
const USAGE = `usage: npm run studio -- [--port N] [--no-open] ${DATA_FILES.map((f) => `[--${f.name} FILE]`).join(' ')}`;

function parseArgs(argv: readonly string[]): { port: number; open: boolean; paths: DocPaths } {
  const paths = defaultPaths();
  let port = 4810;
  let open = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') open = false;
    else if (arg === '--port') {
      port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number from 0 to 65535\n${USAGE}`);
    } else {
      const file = DATA_FILES.find((f) => arg === `--${f.name}`);
      if (!file || !argv[i + 1]) throw new Error(`unknown option ${arg}\n${USAGE}`);
      paths[file.name] = path.resolve(argv[++i]!);
    }
  }
  return { port, open, paths };
}

/** The platform's own "open this address" command; a failure only means the clinic opens it by hand. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

async function main(): Promise<void> {
  const { port, open, paths } = parseArgs(process.argv.slice(2));
  const studio = await startStudio({ port, paths });
  console.log(`Clinic studio: ${studio.url}  (editing ${Object.values(paths).join(', ')}; Ctrl+C to stop)`);
  if (open) openBrowser(studio.url);
  const stop = () => void studio.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
