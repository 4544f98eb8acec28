/** The journal fields clonewatch reads; the others are skipped without keeping their values. */
export const JOURNAL_FIELD_NAMES: ReadonlySet<string> = new Set([
  'MESSAGE',
  '__REALTIME_TIMESTAMP',
  '_SOURCE_REALTIME_TIMESTAMP',
  '_HOSTNAME',
  'SYSLOG_IDENTIFIER',
  '_COMM',
  '_PID',
  'SYSLOG_PID',
  '_SYSTEMD_UNIT',
  '_BOOT_ID',
  'LOGGER_NAME',
  'LOGGER_LEVEL',
  'PRIORITY',
  'REQUEST_ID',
  'USER_NAME',
  'USER_ID',
  'PROJECT_NAME',
  'PROJECT_ID',
  'CODE_FUNC',
]);

const SLOTS: ReadonlyMap<string, number> = new Map([...JOURNAL_FIELD_NAMES].map((name, i) => [name, i]));

/**
 * Where a field's value is kept while an entry is made into a record: its index in
 * JOURNAL_FIELD_NAMES (0 … size-1), or -1 for a field clonewatch does not read.
 */
export const journalFieldSlot = (name: string): number => SLOTS.get(name) ?? -1;
