// A queue between two stages of the upload that run at the same time (files hashed → batch calls →
// transfers): one side pushes, the other iterates; iteration ends once the queue is closed and
// drained. Several consumers may iterate it at once (each item goes to one of them).

export class Channel<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  readonly #waiting: Array<() => void> = [];
  #closed = false;

  push(item: T): void {
    if (this.#closed) throw new Error('push on a closed channel');
    this.#items.push(item);
    // Every waiter looks again (each may wait for a different amount).
    for (const wake of this.#waiting.splice(0)) wake();
  }

  close(): void {
    this.#closed = true;
    for (const wake of this.#waiting.splice(0)) wake();
  }

  /**
   * Waits until what is queued is `ready` (by default: at least one item) or the channel is closed,
   * then takes what is queued, at most `max`; [] once closed and drained.
   */
  async take(max: number, ready: (queued: readonly T[]) => boolean = (queued) => queued.length > 0): Promise<T[]> {
    while (!(this.#closed || (this.#items.length > 0 && ready(this.#items)))) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    return this.#items.splice(0, max);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const items = await this.take(1);
      if (items.length === 0) return;
      yield* items;
    }
  }
}
