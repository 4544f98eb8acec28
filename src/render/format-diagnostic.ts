import type { Diagnostic } from '../model/log-record.ts';
import { terminalSafe } from './terminal-safe.ts';

/** `clonewatch: warning: <message> (at file:line)`, one line, control characters made inert. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.where ? ` (at ${d.where.input}:${d.where.line})` : '';
  return terminalSafe(`clonewatch: ${d.severity}: ${d.message}${where}`);
}
