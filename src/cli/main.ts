import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { createWriter } from '../io/create-writer.ts';
import { openInput, type InputSource } from '../io/open-input.ts';
import { MAX_LINE_LENGTH } from '../input/limits.ts';
import { INPUT_FORMATS, type Diagnostic } from '../model/log-record.ts';
import { analyse } from '../pipeline/analyse.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import { createPalette } from '../render/palette.ts';
import { renderSummary } from '../render/render-summary.ts';
import { renderTimeline } from '../render/render-timeline.ts';
import { toSummaryRecord } from '../render/to-summary-record.ts';
import { toVolumeRecord } from '../render/to-volume-record.ts';
import { resolveOptions } from './options.ts';

export const EXIT = { ok: 0, failure: 1, misuse: 2 } as const;

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function program(): Command {
  return new Command('clonewatch')
    .description('Did that volume clone or copy, and why? Reads cinder-volume / glance-api journals or oslo.log files\nand prints one provisioning timeline per volume, classified clone or copy, with the reason.')
    .version(pkg.version, '-V, --version')
    .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin')
    .option('--json', 'NDJSON output: one record per volume, then a summary (pipe into pino-pretty to read)')
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(INPUT_FORMATS))
    .option('--year <year>', 'year for formats without one (short, short-precise); default: the file mtime year, else this year')
    .option('--tz <zone>', 'zone of times that carry none, and of the output (IANA name)', 'local')
    .option('--idle-timeout <duration>', 'report a flow with no line for this long (log time) as incomplete', '30m')
    .option('--max-open <n>', 'at most this many open flows; the least recently active is reported incomplete', '10000')
    .option('--diagnostics [count]', 'also show the first unrecognised lines with file and line (default 10)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .addHelpText('after', '\nExamples:\n  journalctl -u devstack@c-vol -o json | clonewatch\n  journalctl -u openstack-cinder-volume --since "10:00" -o short-iso-precise | clonewatch --json\n  clonewatch --year 2026 sosreport/sos_commands/logs/journalctl_--no-pager.gz\n  clonewatch /var/log/cinder/cinder-volume.log /var/log/glance/api.log\n\nExit status: 0 ok, 1 an input could not be read, 2 bad options.');
}

/** The CLI: parses argv, runs the pipeline, writes stdout/stderr; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const cmd = program();
  cmd.exitOverride().configureOutput({
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`${s.trimEnd()}\nRun "clonewatch --help" for usage.\n`),
  });
  try {
    cmd.parse(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.misuse;
    throw e;
  }
  const resolved = resolveOptions(cmd.opts());
  if (!resolved.ok) {
    for (const m of resolved.errors) process.stderr.write(`clonewatch: error: ${m}\n`);
    process.stderr.write('Run "clonewatch --help" for usage.\n');
    return EXIT.misuse;
  }
  const o = resolved.options;
  const files = cmd.args.length > 0 ? cmd.args : ['-'];
  if (files.filter((f) => f === '-').length > 1) {
    process.stderr.write('clonewatch: error: stdin ("-") can be given only once\n');
    return EXIT.misuse;
  }
  const sources: InputSource[] = [];
  const failed: { name: string; diagnostic: Diagnostic }[] = [];
  for (const f of files) {
    const r = await openInput(f);
    if ('source' in r) sources.push(r.source);
    else failed.push({ name: f, diagnostic: r.error });
  }

  const colour = o.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const human = { zone: o.tz, palette: createPalette(colour && !o.json) };
  const out = createWriter(process.stdout);
  const stream = analyse(sources, failed, {
    inputFormat: o.inputFormat,
    year: o.year,
    currentYear: new Date().getFullYear(),
    zone: o.tz,
    idleTimeoutMs: o.idleTimeout,
    maxOpen: o.maxOpen,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised: o.diagnostics,
  });
  let exit: number = EXIT.ok;
  for await (const item of stream) {
    if (item.kind === 'diagnostic') {
      if (item.diagnostic.severity !== 'info' || o.diagnostics > 0) process.stderr.write(`${formatDiagnostic(item.diagnostic)}\n`);
      if (item.diagnostic.severity === 'error' && item.diagnostic.code.startsWith('input-')) exit = EXIT.failure;
    } else if (item.kind === 'timeline') {
      await out.write(o.json ? `${JSON.stringify(toVolumeRecord(item.timeline, o.tz))}\n` : `${renderTimeline(item.timeline, human)}\n`);
    } else {
      await out.write(o.json ? `${JSON.stringify(toSummaryRecord(item.summary, item.run, o.tz))}\n` : renderSummary(item.summary, item.run, human));
    }
    if (out.closed) return EXIT.ok;
  }
  return exit;
}
