// The entry point of a reader thread (bundled as dist/cli/journal-worker.mjs): it reads the one
// journal-files input the main thread sends it (see read-journal-in-worker.ts); each `ack` says the
// main thread took a batch.
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
  let wake: (() => void) | null = null;
  const acked = async (): Promise<void> => {
    while (acks === 0) await new Promise<void>((resolve) => (wake = resolve));
    acks--;
  };
  const post = (m: JournalMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  port.on('message', (m: JournalJob | 'ack') => {
    if (m === 'ack') {
      acks++;
      wake?.();
      wake = null;
      return;
    }
    readJournalJob(m, post, acked).catch((e: unknown) => post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  });
}
