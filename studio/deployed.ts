import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultPaths, readSnapshot, repoRoot, type DocPaths } from './dataFiles';

/**
 * Which version of the data files patients hear: `npm run deploy` notes the version it deployed here
 * (local data, never committed), so the studio can tell "saved" from "what patients hear".
 */
const RECORD = path.join(repoRoot, '.local-data', 'deployed-version.json');

/** The version last deployed from these files; undefined when unknown (never deployed here, or other files). */
export async function deployedVersion(paths: DocPaths): Promise<string | undefined> {
  const defaults = defaultPaths();
  if (Object.entries(paths).some(([name, p]) => defaults[name as keyof DocPaths] !== p)) return undefined;
  try {
    const record: unknown = JSON.parse(await readFile(RECORD, 'utf8'));
    return typeof record === 'object' && record !== null && typeof (record as { version?: unknown }).version === 'string'
      ? (record as { version: string }).version
      : undefined;
  } catch {
    return undefined;
  }
}

/** Called by `npm run deploy` once `ask deploy` succeeded. */
export async function recordDeployed(): Promise<void> {
  const { version } = await readSnapshot(defaultPaths());
  await mkdir(path.dirname(RECORD), { recursive: true });
  await writeFile(RECORD, `${JSON.stringify({ version })}\n`);
}
