import type { InputSource } from '../io/open-input.ts';

export interface ProgressBar {
  stop(): void;
  /** Erases the bar before a diagnostic is written to the same terminal (it is redrawn on the next tick). */
  clear(): void;
}

/** Inputs smaller than this finish before a bar would help. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * A progress bar on a TTY stderr while batch inputs are read: bytes read of the files' total size,
 * rate and ETA (cli-progress). Nothing when stderr is not a TTY, when an input has no known size
 * (stdin, a pipe) or when the files are small; cli-progress is loaded only when a bar is shown.
 */
export async function startProgress(stderr: NodeJS.WriteStream, sources: readonly InputSource[]): Promise<ProgressBar | null> {
  if (stderr.isTTY !== true || sources.length === 0) return null;
  let total = 0;
  for (const s of sources) {
    if (s.size === undefined || s.bytesRead === undefined) return null;
    total += s.size;
  }
  if (total < PROGRESS_MIN_BYTES) return null;
  const read = () => sources.reduce((a, s) => a + Math.min(s.size ?? 0, s.bytesRead?.() ?? 0), 0);
  const started = Date.now();
  const payload = () => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    const r = read();
    return { readMB: (r / MB).toFixed(1), totalMB: (total / MB).toFixed(1), rate: (r / MB / secs).toFixed(1) };
  };
  const { SingleBar } = await import('./single-bar.ts');
  const bar = new SingleBar({
    stream: stderr,
    format: 'clonewatch: reading {bar} {percentage}% | {readMB} of {totalMB} MB | {rate} MB/s | ETA {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
    fps: 5,
  });
  bar.start(total, 0, payload());
  const timer = setInterval(() => bar.update(read(), payload()), 200);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      bar.update(total, payload());
      bar.stop();
    },
    clear() {
      if (!stopped) stderr.write('\r\u001b[K');
    },
  };
}
