import type { LogRecord } from '../model/log-record.ts';

/** A LogRecord under construction; emitted as is (no copy) once complete. */
export type MutableRecord = { -readonly [K in keyof LogRecord]: LogRecord[K] } & { extra: string[] };

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
    extra: [],
  };
}
