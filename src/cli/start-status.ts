import type { Progress } from '../pipeline/analyse.ts';
import type { SummaryData } from '../reduce/create-summary.ts';
import { statusLine } from './status-line.ts';

export interface StatusDisplay {
  /** Erases the line (before a diagnostic is written to the same terminal). */
  clear(): void;
  stop(): void;
}

/** The live status line on a TTY stderr, redrawn in place once a second. */
export function startStatus(stderr: NodeJS.WriteStream, progress: () => Progress, summary: () => SummaryData): StatusDisplay {
  let prev: Progress | null = progress();
  let prevAt = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    const p = progress();
    const s = summary();
    const now = Date.now();
    stderr.write(`\r\u001b[K${statusLine(p, prev, now - prevAt, s.volumes.byProvisioning['clone'] ?? 0, s.volumes.byProvisioning['copy'] ?? 0)}`);
    shown = true;
    prev = p;
    prevAt = now;
  }, 1000);
  timer.unref();
  const clear = () => {
    if (shown) stderr.write('\r\u001b[K');
    shown = false;
  };
  return {
    clear,
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
