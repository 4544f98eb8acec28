import type { Diagnostic } from '../model/log-record.ts';
import { DIAGNOSTICS_PER_CODE } from './limits.ts';

/** Collects diagnostics for one input, capping repeated codes. */
export interface DiagnosticSink {
  /** Report one occurrence; the first few per code are kept with their line, the rest counted. */
  report(severity: Diagnostic['severity'], code: string, message: string, line: number): void;
  /** Report a code at most once for the input. */
  once(severity: Diagnostic['severity'], code: string, message: string, line: number): void;
  /** Add a diagnostic as is (not capped), e.g. about an option. */
  push(d: Diagnostic): void;
  /** Add one summary per capped code ("N more …"); call once at end of input. */
  summarise(): void;
  /** Everything reported since the last call. */
  take(): Diagnostic[];
}

interface CodeCount {
  count: number;
  severity: Diagnostic['severity'];
  firstSuppressedLine: number;
}

export function createDiagnosticSink(input: string): DiagnosticSink {
  let pending: Diagnostic[] = [];
  const counts = new Map<string, CodeCount>();
  const seenOnce = new Set<string>();
  return {
    report(severity, code, message, line) {
      let c = counts.get(code);
      if (c === undefined) {
        c = { count: 0, severity, firstSuppressedLine: 0 };
        counts.set(code, c);
      }
      c.count += 1;
      if (c.count <= DIAGNOSTICS_PER_CODE) {
        pending.push({ severity, code, message, where: { input, line } });
      } else if (c.firstSuppressedLine === 0) {
        c.firstSuppressedLine = line;
      }
    },
    once(severity, code, message, line) {
      if (seenOnce.has(code)) return;
      seenOnce.add(code);
      pending.push({ severity, code, message, where: { input, line } });
    },
    push(d) {
      pending.push(d);
    },
    summarise() {
      for (const [code, c] of counts) {
        const more = c.count - DIAGNOSTICS_PER_CODE;
        if (more <= 0 || c.firstSuppressedLine < 0) continue;
        pending.push({
          severity: c.severity,
          code,
          message: `Left out ${more} more "${code}" reports after the first ${DIAGNOSTICS_PER_CODE}: ${c.count} in all in "${input}", the first left out at line ${c.firstSuppressedLine}`,
          where: { input, line: c.firstSuppressedLine },
        });
        c.firstSuppressedLine = -1;
      }
    },
    take() {
      const out = pending;
      pending = [];
      return out;
    },
  };
}
