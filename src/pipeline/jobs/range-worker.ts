// The entry point of a --jobs worker thread (bundled as dist/cli/range-worker.mjs): it runs the jobs
// the main thread sends it, one at a time (see read-records-in-workers.ts).
import { parentPort } from 'node:worker_threads';
import { decodeRange, type RangeJob, type RangeMessage } from './decode-range.ts';

const port = parentPort;
if (port !== null) {
  port.on('message', (job: RangeJob) => {
    const post = (m: RangeMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
    decodeRange(job, post).catch((e: unknown) => post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  });
}
