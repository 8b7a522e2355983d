/**
 * Waits for `work` at most `ms`: its value (or its error) when it settles in time, LATE otherwise. Past
 * the limit nobody waits for it any more, so a later failure is dropped here rather than left unhandled.
 */
export const LATE = Symbol('late');

export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    const first = await Promise.race([work, limit]);
    if (first === LATE) work.catch(() => {});
    return first;
  } finally {
    clearTimeout(timer);
  }
}
