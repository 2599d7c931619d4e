/** Maps over items with at most `limit` calls in flight; rejects with the first failure after in-flight calls settle. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Like mapLimit, but every item runs to completion and each outcome is returned (one failure stops nothing). */
export async function settleLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<Settled<R>[]> {
  return mapLimit(items, limit, async (item, index): Promise<Settled<R>> => {
    try {
      return { ok: true, value: await fn(item, index) };
    } catch (error) {
      return { ok: false, error };
    }
  });
}
