// The entry point of a reader thread (bundled as dist/cli/journal-worker.mjs): it reads the one
// journal-files input the main thread sends it (see read-journal-in-worker.ts); each `ack` says the
// main thread took a batch, `stop` that it wants no more. The thread ends by itself once its job is
// done (its port closed): terminate() on a thread that ran WebAssembly can abort the process
// (nodejs/node#47748; seen here once in 2,200 tests), so the main thread waits for the exit instead.
import { parentPort } from 'node:worker_threads';
import { loadDecompressors } from '../../input/journal-file/decompress-payload.ts';
import { readJournalJob, type JournalJob, type JournalMessage } from './journal-job.ts';

const port = parentPort;
if (port !== null) {
  // The zstd decoder (WebAssembly, ~40 ms of CPU to compile) is loaded while the thread waits for its
  // job: a thread started early (src/cli/prestart-reader.ts) waits while the main thread loads the
  // analysis. The job awaits the same promise (zstddec keeps it): a failure is said there, as before.
  loadDecompressors().catch(() => undefined);
  let acks = 0;
  let stopped = false;
  let running = false;
  let wake: (() => void) | null = null;
  const acked = async (): Promise<void> => {
    while (acks === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    acks--;
  };
  const post = (m: JournalMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  port.on('message', (m: JournalJob | 'ack' | 'stop') => {
    if (m === 'ack' || m === 'stop') {
      if (m === 'ack') acks++;
      else stopped = true;
      wake?.();
      wake = null;
      if (stopped && !running) port.close();
      return;
    }
    running = true;
    readJournalJob(m, post, acked, () => stopped)
      .catch((e: unknown) => post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => port.close());
  });
}
