import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseClinic, parseProtocol } from '../lambda/protocol/load';
import { ProtocolError } from '../lambda/protocol/schema';
import type { Clinic, Protocol } from '../lambda/protocol/types';

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
  readonly message: string;
}

export type Checked = { readonly ok: true; readonly protocol: Protocol } | { readonly ok: false; readonly error: FieldError };

/** The schema's messages start with the path it failed at; the page marks that field. */
const FIELD_AT = /^Invalid [a-z ]+: ([\w.[\]]+)/;

/** Validates every file with its parser; the first failure names its file and field. */
export function checkDocs(docs: Partial<Docs>): Checked {
  for (const file of DATA_FILES) {
    try {
      file.parse(docs[file.name], docs);
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      return { ok: false, error: { doc: file.name, path: fieldOf(e.message, file), message: e.message } };
    }
  }
  return { ok: true, protocol: PROTOCOL_FILE.parse(docs.protocol, docs) };
}

/** The failing field as a path into its file: "activities[0].avoidThroughDay"; "" for the file as a whole. */
function fieldOf(message: string, file: DataFile<unknown>): string {
  const field = FIELD_AT.exec(message)?.[1] ?? '';
  if (field === 'protocol' || field === file.pathPrefix?.slice(0, -1)) return '';
  return file.pathPrefix && field.startsWith(file.pathPrefix) ? field.slice(file.pathPrefix.length) : field;
}

export async function readDocs(paths: DocPaths): Promise<Docs> {
  const entries = await Promise.all(DATA_FILES.map(async (f) => [f.name, await readJsonFile(paths[f.name])] as const));
  return Object.fromEntries(entries) as Docs;
}

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${e instanceof Error ? e.message : e}); fix it in an editor, then start the studio again`);
  }
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
  const keys = [...known.filter((k) => k in record), ...Object.keys(record).filter((k) => !known.includes(k)).sort()];
  const base = (template ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, ordered(record[k], base[k])]));
}

/**
 * Writes the files that changed (valid ones only: callers check first), each replaced whole so the skill
 * never reads half a file. Returns the names of the files written.
 */
export async function writeDocs(paths: DocPaths, docs: Docs): Promise<DocName[]> {
  const written: DocName[] = [];
  for (const file of DATA_FILES) {
    const target = paths[file.name];
    const before = await readFile(target, 'utf8');
    const after = stableJson(docs[file.name], JSON.parse(before));
    if (after === before) continue;
    const temp = `${target}.studio-${process.pid}.tmp`;
    await writeFile(temp, after);
    await rename(temp, target);
    written.push(file.name);
  }
  return written;
}
