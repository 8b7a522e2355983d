import type { RequestEnvelope } from 'ask-sdk-model';
import { RequestRefusedError } from '../../lambda/alexa/refusal';
import type { IsoDate } from '../../lambda/domain/calendar';
import type { ProfileKey, ProfileStore } from '../../lambda/store/types';
import { responseProblems } from '../support/ssml';

/** A store that records every key written or deleted, to catch a write for the wrong person. */
export function recordingStore(inner: ProfileStore) {
  const writes: { op: string; key: ProfileKey | string }[] = [];
  const store: ProfileStore = {
    load: (key) => inner.load(key),
    update: (key, change) => {
      writes.push({ op: 'update', key });
      return inner.update(key, change);
    },
    delete: (key) => {
      writes.push({ op: 'delete', key });
      return inner.delete(key);
    },
    deleteAccount: (userId) => {
      writes.push({ op: 'deleteAccount', key: userId });
      return inner.deleteAccount(userId);
    },
    loadAccount: (userId) => inner.loadAccount(userId),
    acquireLease: (key, ms) => inner.acquireLease(key, ms),
    releaseLease: (key, lease) => inner.releaseLease(key, lease),
  };
  return { store, writes };
}

/** Stored patients the fuzzed requests may belong to, so questions get real answers too. */
export async function seedPatients(store: ProfileStore): Promise<void> {
  const date = '2026-11-20' as IsoDate;
  for (const key of [
    { userId: 'amzn1.ask.account.A' },
    { userId: 'amzn1.ask.account.B' },
    { userId: 'amzn1.ask.account.A', personId: 'amzn1.ask.person.P1' },
  ]) {
    await store.update(key, () => ({ treatmentDate: date, history: [], timeZone: 'America/Chicago' }));
  }
}

/** The only key a request may write: the recognized speaker, else the account (SPEC.md). */
function ownKey(event: any): ProfileKey | undefined {
  const userId = event?.context?.System?.user?.userId ?? event?.session?.user?.userId;
  if (typeof userId !== 'string' || userId === '') return undefined;
  const personId = event?.context?.System?.person?.personId;
  return typeof personId === 'string' && personId !== '' ? { userId, personId } : { userId };
}

/**
 * One fuzz case: the skill answers with a well-formed response (SSML, re-prompt when open) or refuses
 * cleanly (RequestRefusedError) — never another exception — and writes only the requester's own key.
 */
export async function checkOneEnvelope(
  invoke: (e: RequestEnvelope) => Promise<unknown>,
  recorded: ReturnType<typeof recordingStore>,
  event: unknown,
  skillId: string,
): Promise<void> {
  recorded.writes.length = 0;
  let result: any;
  try {
    result = await invoke(event as RequestEnvelope);
  } catch (e) {
    if (!(e instanceof RequestRefusedError)) throw new Error(`unexpected ${(e as Error)?.name}: ${(e as Error)?.message}`);
    const appId = (event as any)?.context?.System?.application?.applicationId;
    const type = (event as any)?.request?.type;
    if (appId === skillId && typeof type === 'string') throw new Error(`refused a valid request: ${(e as Error).message}`);
    if (recorded.writes.length > 0) throw new Error('a refused request wrote to the store');
    return;
  }
  if (result?.version !== '1.0' || typeof result.response !== 'object') throw new Error('not a response envelope');
  const problems = responseProblems(result);
  if (problems.length > 0) throw new Error(`bad response: ${problems.join('; ')}`);
  const own = ownKey(event);
  for (const w of recorded.writes) {
    if (w.op === 'deleteAccount') {
      if (w.key !== own?.userId) throw new Error('deleted another account');
      continue;
    }
    if (JSON.stringify(w.key) !== JSON.stringify(own)) throw new Error(`${w.op} for the wrong key`);
  }
}
