import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseClinic, parseProtocol } from '../lambda/protocol/load';
import { ProtocolError } from '../lambda/protocol/schema';
import type { Clinic, Protocol } from '../lambda/protocol/types';
import { checkLimits } from './limits';
import { plainMessage } from './plainErrors';

/*
 * The data files the skill loads and the studio edits, each validated by the skill's own parser.
 * Another file is one more entry in DATA_FILES (and its name in DocName).
 */

/** The key the page and the API use for each file. */
export type DocName = 'protocol' | 'clinic';

export interface DataFile<T> {
  readonly name: DocName;
  /** Where it lives in the repository. */
  readonly defaultPath: string;
  /** The skill's own validation of this file (`docs` holds the other files, which it may need). */
  readonly parse: (data: unknown, docs: Partial<Docs>) => T;
  /** How the validator's messages start a path into this file ("clinic." for "clinic.phone"), if at all. */
  readonly pathPrefix?: string;
}

export const CLINIC_FILE: DataFile<Clinic> = {
  name: 'clinic',
  defaultPath: 'lambda/protocol/clinic.json',
  parse: (data) => parseClinic(data),
  pathPrefix: 'clinic.',
};

export const PROTOCOL_FILE: DataFile<Protocol> = {
  name: 'protocol',
  defaultPath: 'lambda/protocol/default-protocol.json',
  parse: (data, docs) => parseProtocol(data, docs.clinic),
};

/** In checking order: the protocol's validation reads the clinic file. */
export const DATA_FILES: readonly DataFile<unknown>[] = [CLINIC_FILE, PROTOCOL_FILE];
/** The raw contents of every data file, by name. */
export type Docs = Record<DocName, unknown>;
/** Where each file is read from and saved to. */
export type DocPaths = Record<DocName, string>;

export const repoRoot = path.resolve(__dirname, '..');
export const defaultPaths = (): DocPaths =>
  Object.fromEntries(DATA_FILES.map((f) => [f.name, path.join(repoRoot, f.defaultPath)])) as DocPaths;

/** A validation failure, with the field at fault as a path ("activities[0].avoidThroughDay"). */
export interface FieldError {
  readonly doc: DocName;
  readonly path: string;
  /** The validator's own words (developers, the terminal). */
  readonly message: string;
  /** The same in plain words, shown beside the field. */
  readonly plain: string;
}

export type Checked = { readonly ok: true; readonly protocol: Protocol } | { readonly ok: false; readonly error: FieldError };

/** The schema's messages start with the path it failed at; the page marks that field. */
const FIELD_AT = /^Invalid [a-z ]+: ([\w.[\]]+)/;

/**
 * Validates every file with its parser, then every answer the result produces against Alexa's limits;
 * the first failure names its file and field.
 */
export function checkDocs(docs: Partial<Docs>): Checked {
  const raw = docs.protocol as Parameters<typeof plainMessage>[1];
  for (const file of DATA_FILES) {
    try {
      file.parse(docs[file.name], docs);
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      return {
        ok: false,
        error: { doc: file.name, path: fieldOf(e.message, file), message: e.message, plain: plainMessage(e.message, raw) },
      };
    }
  }
  const protocol = PROTOCOL_FILE.parse(docs.protocol, docs);
  const tooLong = limitsOf(protocol, docs);
  if (tooLong) return { ok: false, error: { doc: 'protocol', path: tooLong.path, message: tooLong.message, plain: `${tooLong.message}.` } };
  return { ok: true, protocol };
}

/** The last limits check, by the files' contents: picking another day or date does not check again. */
let lastLimits: { key: string; problem: ReturnType<typeof checkLimits> } | undefined;
function limitsOf(protocol: Protocol, docs: Partial<Docs>): ReturnType<typeof checkLimits> {
  const key = JSON.stringify(docs);
  if (lastLimits?.key !== key) lastLimits = { key, problem: checkLimits(protocol) };
  return lastLimits.problem;
}

/** The failing field as a path into its file: "activities[0].avoidThroughDay"; "" for the file as a whole. */
function fieldOf(message: string, file: DataFile<unknown>): string {
  const field = FIELD_AT.exec(message)?.[1] ?? '';
  if (field === 'protocol' || field === file.pathPrefix?.slice(0, -1)) return '';
  return file.pathPrefix && field.startsWith(file.pathPrefix) ? field.slice(file.pathPrefix.length) : field;
}

/** A data file that cannot be read as JSON: said in words the clinic can act on, no stack, no absolute path. */
export class BrokenFile extends Error {
  override readonly name = 'BrokenFile';
  constructor(
    readonly doc: DocName,
    readonly file: string,
    detail: string,
  ) {
    super(
      `${file} cannot be read (${detail}). Fix it in a text editor, or put back the last committed version with: git checkout -- ${file}`,
    );
  }
}

/** The files' contents and their version: a hash of the bytes, sent back with a save to catch a stale page. */
export interface Snapshot {
  readonly docs: Docs;
  readonly texts: Record<DocName, string>;
  readonly version: string;
}

export const versionOf = (texts: Record<DocName, string>): string =>
  createHash('sha256')
    .update(DATA_FILES.map((f) => texts[f.name]).join('\0'))
    .digest('hex')
    .slice(0, 16);

export async function readSnapshot(paths: DocPaths, shown: (p: string) => string = (p) => p): Promise<Snapshot> {
  const texts = Object.fromEntries(
    await Promise.all(DATA_FILES.map(async (f) => [f.name, await readFile(paths[f.name], 'utf8')] as const)),
  ) as Record<DocName, string>;
  const docs = Object.fromEntries(
    DATA_FILES.map((f) => {
      try {
        return [f.name, JSON.parse(texts[f.name])];
      } catch (e) {
        throw new BrokenFile(
          f.name,
          shown(paths[f.name]),
          `not valid JSON: ${e instanceof Error ? e.message.replace(/\s*\n[\s\S]*$/, '') : 'unreadable'}`,
        );
      }
    }),
  ) as Docs;
  return { docs, texts, version: versionOf(texts) };
}

export async function readDocs(paths: DocPaths): Promise<Docs> {
  return (await readSnapshot(paths)).docs;
}

/** The protocol the skill would run with from these files: their contents through the skill's own validation. */
export async function loadProtocolFiles(paths: DocPaths): Promise<Protocol> {
  const docs = await readDocs(paths);
  return PROTOCOL_FILE.parse(docs.protocol, docs);
}

/**
 * JSON with a stable key order, so a saved change reviews well as a diff: keys in the order the file
 * already had them (the order of `template`), any new key after them, alphabetically.
 */
export function stableJson(value: unknown, template: unknown): string {
  return `${JSON.stringify(ordered(value, template), null, 2)}\n`;
}

function ordered(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    const items = Array.isArray(template) ? template : [];
    return value.map((v, i) => ordered(v, items[i] ?? items[0]));
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const known = typeof template === 'object' && template !== null && !Array.isArray(template) ? Object.keys(template) : [];
  const keys = [
    ...known.filter((k) => k in record),
    ...Object.keys(record)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  const base = (template ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, ordered(record[k], base[k])]));
}

/** The page's version is not the files' any more: someone saved in between (another tab, a hand edit). */
export class StaleSave extends Error {
  override readonly name = 'StaleSave';
}

/** One writer at a time in this process: saves queue here rather than interleave their reads and renames. */
let queue: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
};

/** Writes `text` to a temp file of its own beside `target`, flushed to disk; returns its name. */
async function writeTemp(target: string, text: string): Promise<string> {
  const temp = `${target}.studio-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/**
 * Writes the files that changed (valid ones only: callers check first) if they are still at `version`,
 * each replaced whole so the skill never reads half a file, and all of them or none: every new file is
 * written and flushed first, then renamed in; a failed rename puts back the ones already renamed.
 * Returns the names of the files written and the new version.
 */
export async function writeDocs(
  paths: DocPaths,
  docs: Docs,
  version?: string,
  /** Run once the version is found current, under the lock: its refusal writes nothing. */
  check: () => void = () => undefined,
): Promise<{ written: DocName[]; version: string }> {
  return oneAtATime(async () => {
    const before = await readSnapshot(paths);
    if (version !== undefined && version !== before.version) throw new StaleSave('the files changed since this page loaded them');
    check();
    const changes = DATA_FILES.map((f) => ({
      name: f.name,
      target: paths[f.name],
      old: before.texts[f.name],
      text: stableJson(docs[f.name], before.docs[f.name]),
    })).filter((c) => c.text !== c.old);
    const temps: string[] = [];
    const renamed: typeof changes = [];
    try {
      for (const c of changes) temps.push(await writeTemp(c.target, c.text));
      for (const [i, c] of changes.entries()) {
        await rename(temps[i]!, c.target);
        renamed.push(c);
      }
    } catch (e) {
      for (const c of renamed) await rename(await writeTemp(c.target, c.old), c.target).catch(() => undefined);
      throw e;
    } finally {
      await Promise.all(temps.map((t) => rm(t, { force: true })));
    }
    const texts = { ...before.texts, ...Object.fromEntries(changes.map((c) => [c.name, c.text])) };
    return { written: changes.map((c) => c.name), version: versionOf(texts) };
  });
}
