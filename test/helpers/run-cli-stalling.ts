import { setTimeout as sleep } from 'node:timers/promises';
import { resultOf, spawnCli, type CliResult } from '../report/run-cli.ts';

/** A writer that stops for `ms` after the input's first `at` bytes (a journalctl slower than clonewatch, a busy machine). */
export interface Stall {
  readonly at: number;
  readonly ms: number;
}

/** Starting up takes seconds on a busy machine: a wait, not a measurement. */
const START_MS = 120_000;

/**
 * Runs the CLI with `input` written to its stdin pipe in pieces, then closed. Each stall starts once
 * the CLI has read the piece before it and waits for more (else the pieces would just queue in the
 * pipe while it starts up): the CLI runs with `--metrics-port 0`, and a piece counts as read when
 * `clonewatch_lines_read_total` has grown and then holds still for 100 ms.
 */
export async function runCliStalling(args: readonly string[], input: Buffer, stalls: readonly Stall[]): Promise<CliResult> {
  const child = spawnCli(['--metrics-port', '0', ...args]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = resultOf(child);
  const url = await until(START_MS, () => /Prometheus metrics at (http:\S+)/.exec(stderr)?.[1]);
  let from = 0;
  let read = 0;
  for (const { at, ms } of [...stalls].sort((a, b) => a.at - b.at)) {
    child.stdin.write(input.subarray(from, at));
    from = at;
    await until(START_MS, async () => ((await linesRead(url)) > read ? true : undefined));
    for (let now = await linesRead(url); ; ) {
      await sleep(100);
      const after = await linesRead(url);
      if (after === now) break;
      now = after;
    }
    read = await linesRead(url);
    await sleep(ms);
  }
  child.stdin.end(input.subarray(from));
  return result;
}

async function linesRead(url: string): Promise<number> {
  const text = await (await fetch(url)).text();
  return Number(/^clonewatch_lines_read_total (\d+)$/m.exec(text)?.[1] ?? 0);
}

async function until<T>(ms: number, get: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms`);
    await sleep(20);
  }
}
