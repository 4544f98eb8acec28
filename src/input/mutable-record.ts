import type { LogRecord } from '../model/log-record.ts';

/** A LogRecord under construction; emitted as is (no copy) once complete. */
export type MutableRecord = { -readonly [K in keyof LogRecord]-?: LogRecord[K] } & { extra: string[] };

/**
 * The `extra` of every record without extra lines, shared (most records have none: one array less
 * per line). Frozen, so a push that forgot to give the record its own array fails loudly in tests.
 */
export const NO_EXTRA: string[] = Object.freeze([]) as unknown as string[];

/** Appends `line` to `rec.extra`, giving the record its own array first. */
export function pushExtra(rec: MutableRecord, line: string): void {
  if (rec.extra === NO_EXTRA) rec.extra = [line];
  else rec.extra.push(line);
}

/** A record with every field null, `text` empty and no extra lines. */
export function newRecord(input: string, line: number): MutableRecord {
  return {
    input,
    line,
    time: null,
    bootId: null,
    host: null,
    ident: null,
    unit: null,
    pid: null,
    codePid: null,
    level: null,
    logger: null,
    globalRequestId: null,
    requestId: null,
    user: null,
    project: null,
    func: null,
    text: '',
    extra: NO_EXTRA,
    prefiltered: false,
  };
}
