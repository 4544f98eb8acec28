import { Command, Option } from 'commander';
import { INPUT_FORMATS } from '../model/log-record.ts';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * What every command that reads logs says after its examples: the exit status and the signals, which
 * consumeAnalysis gives every command alike.
 */
export const EXIT_STATUS_HELP = `
Exit status: 0 ok, 1 an input could not be read, a file not written or the metrics port not bound
(or --strict: a line could not be parsed, a flow is incomplete), 2 bad options, 130/143 stopped by
SIGINT/SIGTERM (after printing the output for what was read). SIGHUP prints the output so far and
goes on (the default command and follow: the summary so far; with --json its record alone).`;

/** What the commands that print only at the end (report, throughput, images) say about stdin. */
export const READ_TO_END_HELP = `
A pipe on stdin is read to its end, not followed as the default command does: SIGINT/SIGTERM print
the output for what was read.`;

/**
 * The options every command that reads logs shares (validated by resolveOptions in options.ts), with
 * the same meaning everywhere; `json` says what --json prints in this command.
 */
export function withAnalyseOptions(cmd: Command, json = 'NDJSON output: one record per volume, the image records, then a summary (pipe into pino-pretty to read)'): Command {
  return cmd
    .option('--json', json)
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(INPUT_FORMATS))
    .option('--year <year>', 'year for formats without one (short, short-precise); default: the file mtime year, else this year')
    .option('--tz <zone>', 'zone of times that carry none, and of the output (IANA name)', 'local')
    .option('--idle-timeout <duration>', 'report a flow with no line for this long (log time; live: also wall time) as incomplete', '30m')
    .option('--max-open <n>', 'at most this many open flows; the least recently active is reported incomplete', '10000')
    .option('--diagnostics [count]', 'also show the first unrecognised lines with file and line (default 10)')
    .option('--strict', 'exit 1 when a line could not be parsed, an input could not be read, or a flow is incomplete')
    .option('--max-gzip-ratio <n>', 'stop reading a .gz input that expands to more than N times its compressed size (a decompression bomb)', '100')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://HOST:PORT/metrics while running (0: any free port)')
    .option('--metrics-host <address>', 'address for --metrics-port (0.0.0.0: every interface)', '127.0.0.1')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .option('--since <time>', 'only provisionings still running at or after this time ("2026-03-22 10:14", read in --tz)')
    .option('--until <time>', 'only provisionings that started at or before this time')
    .option('--host <name>', 'only this host (repeat for several)', collect)
    .option('--image <id|name>', 'only volumes from this image: id, id prefix (8+ characters) or name (repeatable)', collect)
    .option('--volume <id>', 'only this volume: id or id prefix (8+ characters) (repeatable)', collect)
    .option('-u, --unit <name>', 'journal files: read this unit\'s entries instead of cinder-volume\'s and glance-api\'s (journalctl -u; globs; repeatable)', collect)
    .option('--all-units', 'journal files: read every entry, not only those of the analysed units')
    .option('--jobs <n>', 'worker threads for a large file or several files (default 1; stdin, pipes and follow: always 1); journal files get a reader thread unless --jobs 1');
}
