import type { Diagnostic } from '../model/log-record.ts';

/** The diagnostic of an input whose reading stopped early (what was read before is still analysed). */
export const readFailed = (name: string, message: string): Diagnostic => ({
  severity: 'error',
  code: 'input-read-failed',
  message: `Check the input: reading "${name}" stopped early: ${message}; what was read before is analysed`,
});
