// A fixed number of workers over a list of items, for the upload's many small jobs (hashing files,
// sending objects): at most `limit` at once, each started as soon as one finishes (not in waves of
// `limit`, where one slow file holds up the rest). The first failure stops new work, aborts the
// signal handed to the jobs in flight (their requests end at once) and is what the pool throws.

/** Runs `job` over `items`, `limit` at a time; rejects with the first failure, once the jobs in flight have ended. */
export async function forEachConcurrently<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  job: (item: T, signal: AbortSignal) => Promise<void>,
  outer?: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  // One iterator shared by the workers (an async one queues their calls): each item goes to one worker.
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  // A function, not the property: it changes while a worker awaits.
  const stopped = (): boolean => controller.signal.aborted;
  const worker = async (): Promise<void> => {
    for (;;) {
      // Aborted: a job failed (then `failure` holds it), or the caller gave up.
      if (stopped()) return;
      const next = await iterator.next();
      if (next.done === true || stopped()) return;
      try {
        await job(next.value, controller.signal);
      } catch (error: unknown) {
        if (!stopped()) {
          failure = { error };
          controller.abort(error);
        }
        return;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  if (failure) throw failure.error;
  if (outer?.aborted) throw outer.reason;
}
