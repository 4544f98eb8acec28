import type { Writable } from 'node:stream';

export interface Writer {
  /** Writes text; resolves when the stream can take more (backpressure). */
  write(text: string): Promise<void>;
  /** True once the reader went away (EPIPE, e.g. `| head`): stop producing output. */
  readonly closed: boolean;
}

/** Wraps stdout (or any stream) so a closed pipe ends output quietly instead of crashing. */
export function createWriter(stream: Writable): Writer {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return {
    get closed() {
      return closed;
    },
    write(text) {
      if (closed) return Promise.resolve();
      if (stream.write(text)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
      });
    },
  };
}
