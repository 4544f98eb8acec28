import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { InputFormat } from '../../../src/model/log-record.ts';
import { sampleFiles } from '../../helpers/sample-files.ts';

/** One bundled log with its format (from its name: `journal.<mode>[-a][.txt]`, `*.log` is oslo). */
export interface Sample {
  readonly path: string;
  readonly format: InputFormat;
  readonly data: Buffer;
}

export function formatOf(path: string): InputFormat {
  const name = basename(path);
  if (name.endsWith('.log')) return 'oslo';
  const m = /^journal\.([a-z-]+?)(?:-a)?(?:\.txt)?$/.exec(name);
  if (m === null) throw new Error(`no format for ${path}`);
  return m[1] as InputFormat;
}

let all: Sample[] | null = null;

/** Every sample under samples/ (journal renderings in every mode, oslo.log files, real excerpts). */
export function samples(): Sample[] {
  all ??= sampleFiles().map((path) => ({ path, format: formatOf(path), data: readFileSync(path) }));
  return all;
}

/** Formats whose units are lines (read counts lines), as opposed to export entries and json-pretty objects. */
export const lineFramed = (f: InputFormat | string): boolean => f !== 'export' && f !== 'json-pretty';
