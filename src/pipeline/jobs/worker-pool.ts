import { Worker } from 'node:worker_threads';
import type { RangeJob, RangeMessage } from './decode-range.ts';

export interface WorkerPool {
  /** Worker threads at most. */
  readonly size: number;
  /** Queues a job (`first`: ahead of the others); its messages go to `onMessage` until `done` or `failed`. */
  run(job: RangeJob, onMessage: (m: RangeMessage) => void, first?: boolean): void;
  /** Stops every worker. */
  close(): Promise<void>;
}

/**
 * A worker thread running `entry`: the bundle's dist/cli/<entry>.mjs beside dist/cli/clonewatch.mjs,
 * or, run from the sources (tests, through tsx), <entry>.ts started with tsx's loader registered.
 */
export function startWorker(entry: 'range-worker' | 'journal-worker'): Worker {
  asked.add(entry);
  const early = prestarted.get(entry);
  prestarted.delete(entry);
  if (early !== undefined && early.threadId !== -1) {
    early.ref();
    return early;
  }
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${entry}.mjs`, here));
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL(`./${entry}.ts`, here).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

const prestarted = new Map<'range-worker' | 'journal-worker', Worker>();
const asked = new Set<'range-worker' | 'journal-worker'>();

/**
 * Starts a worker for `entry` ahead of the first startWorker(entry), which takes it: its start-up
 * (Node's own, then loading its bundle) overlaps what this thread does meanwhile (loading the
 * analysis). Unref'd until taken, so a worker nobody takes never keeps the process alive; one that
 * failed (threadId -1 once it exited) is not handed out. Nothing once startWorker(entry) was called.
 */
export function prestartWorker(entry: 'range-worker' | 'journal-worker'): void {
  if (asked.has(entry) || prestarted.has(entry)) return;
  const w = startWorker(entry);
  asked.delete(entry);
  w.on('error', () => prestarted.delete(entry)); // said again by the worker startWorker starts instead
  w.unref();
  prestarted.set(entry, w);
}

/** `size` worker threads that run queued jobs one at a time each, started when first needed. */
export function createWorkerPool(size: number): WorkerPool {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const queue: { job: RangeJob; onMessage: (m: RangeMessage) => void }[] = [];

  const dispatch = () => {
    while (queue.length > 0) {
      let w = idle.pop();
      if (w === undefined) {
        if (all.size >= size) return;
        w = startWorker('range-worker');
        all.add(w);
      }
      const worker = w;
      const { job, onMessage } = queue.shift() as (typeof queue)[number];
      const finish = (m: RangeMessage) => {
        worker.off('message', onWorkerMessage);
        worker.off('error', onError);
        onMessage(m);
      };
      const onWorkerMessage = (m: RangeMessage) => {
        if (m.kind !== 'done' && m.kind !== 'failed') {
          onMessage(m);
          return;
        }
        finish(m);
        idle.push(worker);
        dispatch();
      };
      const onError = (e: Error) => {
        all.delete(worker);
        finish({ kind: 'failed', message: e.message });
        dispatch();
      };
      worker.on('message', onWorkerMessage);
      worker.on('error', onError);
      worker.postMessage(job);
    }
  };

  return {
    size,
    run(job, onMessage, first = false) {
      if (first) queue.unshift({ job, onMessage });
      else queue.push({ job, onMessage });
      dispatch();
    },
    async close() {
      queue.length = 0;
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
