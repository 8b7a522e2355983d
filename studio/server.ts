import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseIsoDate } from '../lambda/domain/calendar';
import {
  BrokenFile,
  StaleSave,
  checkDocs,
  readSnapshot,
  repoRoot,
  writeDocs,
  type DocPaths,
  type Docs,
  type FieldError,
} from './dataFiles';
import { deployedVersion } from './deployed';
import { deployProblems, factsOf } from './facts';
import { answerPhrase, dayView, timeline, TIMELINE_DAYS } from './preview';

/**
 * The studio's web server, on 127.0.0.1 only: the page's own files and a small JSON API.
 *   GET  /api/docs     the data files as saved, with their version (or which file is broken, and how)
 *   POST /api/preview  {docs, treatment, day} → the field at fault, or the timeline, the day and the facts
 *   POST /api/save     {docs, version} → written only when valid and still at that version (else 409)
 * Answers never carry a stack or an absolute path; the terminal gets the detail.
 */
export interface Studio {
  readonly url: string;
  readonly paths: DocPaths;
  stop(): Promise<void>;
}

const PUBLIC = path.join(__dirname, 'public');
const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/form.js': 'form.js',
  '/timeline.js': 'timeline.js',
  '/studio.css': 'studio.css',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const MAX_BODY = 1_000_000;

class BadRequest extends Error {}
/** A save the checks refused, with the field at fault. */
class Refused extends Error {
  constructor(readonly error: FieldError) {
    super(error.message);
  }
}

const STALE = {
  ok: false,
  stale: true,
  error: {
    message: 'Someone saved these files after this page opened them (another tab or window), so this save would undo their change.',
  },
};

export async function startStudio(opts: { port?: number; paths: DocPaths; log?: (line: string) => void }): Promise<Studio> {
  const log = opts.log ?? ((line: string) => console.error(line));
  // A broken file is said at start and on the page, which explains it; the studio still starts.
  await readSnapshot(opts.paths, shownPath).catch((e: unknown) => {
    if (!(e instanceof BrokenFile)) throw e;
    log(e.message);
  });
  const server = createServer((req, res) => {
    handle(req, res, opts.paths).catch((e: unknown) => {
      if (e instanceof BadRequest) return send(res, 400, { ok: false, error: { message: e.message } });
      if (e instanceof BrokenFile) return send(res, 409, { ok: false, broken: { doc: e.doc, message: e.message } });
      log(`studio: ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      send(res, 500, {
        ok: false,
        error: { message: 'The studio could not do that: nothing was changed. The terminal running the studio says why.' },
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, paths: opts.paths, stop: () => close(server) };
}

async function handle(req: IncomingMessage, res: ServerResponse, paths: DocPaths): Promise<void> {
  // Only this machine's pages may drive the API (a page elsewhere cannot reach 127.0.0.1 by another name).
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(res, 403, { ok: false, error: { message: 'forbidden host' } });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/api/docs') {
    const snapshot = await readSnapshot(paths, shownPath);
    return send(res, 200, {
      ok: true,
      docs: snapshot.docs,
      version: snapshot.version,
      deployedVersion: await deployedVersion(paths),
      files: relativePaths(paths),
      timelineDays: TIMELINE_DAYS,
    });
  }
  if (req.method === 'POST' && (url.pathname === '/api/preview' || url.pathname === '/api/save')) {
    const body = await readJson(req);
    const docs = body.docs as Docs;
    if (url.pathname === '/api/save') {
      if (typeof body.version !== 'string') throw new BadRequest('version is missing: reload the page');
      // One save at a time: the version first (a stale save is refused at once), then every check, then the write.
      try {
        const saved = await writeDocs(paths, docs, body.version, () => {
          const checked = checkDocs(docs ?? {});
          if (!checked.ok) throw new Refused(checked.error);
        });
        const files = relativePaths(paths);
        return send(res, 200, {
          ok: true,
          version: saved.version,
          files: Object.fromEntries(saved.written.map((name) => [name, files[name]])),
        });
      } catch (e) {
        if (e instanceof StaleSave) return send(res, 409, STALE);
        if (e instanceof Refused) return send(res, 422, { ok: false, error: e.error });
        throw e;
      }
    }
    const checked = checkDocs(docs ?? {});
    if (!checked.ok) return send(res, 200, { ok: false, error: checked.error });
    const treatment = parseIsoDate(String(body.treatment ?? ''));
    const day = Number(body.day);
    if (!treatment) throw new BadRequest('treatment must be a date like 2026-11-20');
    if (!Number.isInteger(day) || day < 1 || day > TIMELINE_DAYS) throw new BadRequest(`day must be 1 to ${TIMELINE_DAYS}`);
    const p = checked.protocol;
    const phrase = typeof body.phrase === 'string' ? body.phrase.slice(0, 200).trim() : '';
    return send(res, 200, {
      ok: true,
      timeline: timeline(p, treatment),
      day: dayView(p, treatment, day),
      phrase: phrase ? { said: phrase, answer: answerPhrase(p, treatment, day, phrase) } : undefined,
      facts: factsOf(p, docs.protocol),
      deployProblems: deployProblems(p),
    });
  }
  const asset = req.method === 'GET' ? ASSETS[url.pathname] : undefined;
  if (!asset) return send(res, 404, { ok: false, error: { message: 'not found' } });
  res.writeHead(200, {
    'content-type': TYPES[path.extname(asset)] ?? 'application/octet-stream',
    'content-security-policy': "default-src 'self'; img-src 'self' data:",
    'cache-control': 'no-store',
  });
  res.end(await readFile(path.join(PUBLIC, asset)));
}

/** JSON bodies only: a form on another site cannot send one without asking first, and we never answer that. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new BadRequest('expected application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null) throw new Error();
    return value as Record<string, unknown>;
  } catch {
    throw new BadRequest('body is not a JSON object');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const shownPath = (p: string): string => (p.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, p) : path.basename(p));

/** Paths as the clinic knows them: inside the repository relative to it, anywhere else in full. */
const relativePaths = (paths: DocPaths): DocPaths =>
  Object.fromEntries(
    Object.entries(paths).map(([k, p]) => [k, p.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, p) : p]),
  ) as DocPaths;

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
