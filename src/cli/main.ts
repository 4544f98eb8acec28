import { fstatSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { INPUT_FORMATS } from '../model/log-record.ts';
import { EXIT } from './exit-codes.ts';
import { resolveOptions } from './options.ts';
import { runAnalysis } from './run-analysis.ts';

export { EXIT } from './exit-codes.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const EXAMPLES = `
Examples:
  journalctl -f -o json -u devstack@c-vol | clonewatch                 (live: a pipe is followed)
  journalctl -u openstack-cinder-volume --since 10:00 -o short-iso-precise | clonewatch --json
  clonewatch --year 2026 sosreport/sos_commands/logs/journalctl_--no-pager.gz
  clonewatch /var/log/cinder/cinder-volume.log /var/log/glance/api.log

Exit status: 0 ok, 1 an input could not be read (or --strict found a problem), 2 bad options,
130/143 stopped by SIGINT/SIGTERM (after printing the summary). SIGHUP prints the summary so far.`;

function withAnalyseOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'NDJSON output: one record per volume, then a summary (pipe into pino-pretty to read)')
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(INPUT_FORMATS))
    .option('--year <year>', 'year for formats without one (short, short-precise); default: the file mtime year, else this year')
    .option('--tz <zone>', 'zone of times that carry none, and of the output (IANA name)', 'local')
    .option('--idle-timeout <duration>', 'report a flow with no line for this long (log time; live: also wall time) as incomplete', '30m')
    .option('--max-open <n>', 'at most this many open flows; the least recently active is reported incomplete', '10000')
    .option('--diagnostics [count]', 'also show the first unrecognised lines with file and line (default 10)')
    .option('--strict', 'exit 1 when a line could not be parsed, an input could not be read, or a flow is incomplete')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://HOST:PORT/metrics while running (0: any free port)')
    .option('--metrics-host <address>', 'address for --metrics-port (0.0.0.0: every interface)', '127.0.0.1')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also when NO_COLOR is set)');
}

type Choice = { mode: 'batch' | 'follow'; files: string[]; raw: Record<string, unknown> };

function program(onChoice: (c: Choice) => void): Command {
  const root = withAnalyseOptions(
    new Command('clonewatch')
      .description('Did that volume clone or copy, and why? Reads cinder-volume / glance-api journals or oslo.log files\nand prints one provisioning timeline per volume, classified clone or copy, with the reason.')
      .version(pkg.version, '-V, --version')
      .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin'),
  )
    .enablePositionalOptions()
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => onChoice({ mode: 'batch', files, raw }));
  withAnalyseOptions(root.command('follow').description('follow stdin as it arrives (journalctl -f): each timeline as soon as its flow ends'))
    .action((raw: Record<string, unknown>) => onChoice({ mode: 'follow', files: ['-'], raw }));
  return root;
}

/** True when stdin is a pipe, socket or terminal (it may stay open), not a redirected file. */
function stdinIsLive(): boolean {
  try {
    const s = fstatSync(0);
    return s.isFIFO() || s.isSocket() || s.isCharacterDevice();
  } catch {
    return false;
  }
}

/** The CLI: parses argv, runs the pipeline, writes stdout/stderr; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let choice: Choice | null = null;
  const cmd = program((c) => (choice = c));
  cmd.exitOverride().configureOutput({
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`${s.trimEnd()}\nRun "clonewatch --help" for usage.\n`),
  });
  for (const sub of cmd.commands) sub.exitOverride();
  try {
    cmd.parse(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.misuse;
    throw e;
  }
  const chosen = choice as Choice | null;
  if (chosen === null) return EXIT.misuse;
  const resolved = resolveOptions(chosen.raw);
  if (!resolved.ok) {
    for (const m of resolved.errors) process.stderr.write(`clonewatch: error: ${m}\n`);
    process.stderr.write('Run "clonewatch --help" for usage.\n');
    return EXIT.misuse;
  }
  const files = chosen.files.length > 0 ? chosen.files : ['-'];
  if (files.filter((f) => f === '-').length > 1) {
    process.stderr.write('clonewatch: error: stdin ("-") can be given only once\n');
    return EXIT.misuse;
  }
  const live = chosen.mode === 'follow' || (files.length === 1 && files[0] === '-' && stdinIsLive());
  return runAnalysis(files, resolved.options, live);
}
