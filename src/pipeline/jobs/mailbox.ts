/** Messages from a worker, queued as they arrive and taken in order (next() waits for one). */
export interface Mailbox<T> {
  push(m: T): void;
  next(): Promise<T>;
}

export function createMailbox<T>(): Mailbox<T> {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  return {
    push(m) {
      queue.push(m);
      wake?.();
      wake = null;
    },
    async next() {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift() as T;
    },
  };
}
