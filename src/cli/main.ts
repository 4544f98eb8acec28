import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { SetRun } from './command-run.ts';
import { EXIT } from './exit-codes.ts';
import { prestartReader } from './prestart-reader.ts';
import { SUBCOMMANDS } from './subcommands.ts';
import { EXIT_STATUS_HELP, withAnalyseOptions } from './with-analyse-options.ts';

export { EXIT } from './exit-codes.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const EXAMPLES = `
Examples:
  journalctl -f -o json -u devstack@c-vol | clonewatch                 (live: a pipe is followed)
  journalctl -u openstack-cinder-volume --since 10:00 -o short-iso-precise | clonewatch --json
  clonewatch --year 2026 sosreport/sos_commands/logs/journalctl_--no-pager.gz
  clonewatch /var/log/cinder/cinder-volume.log /var/log/glance/api.log
${EXIT_STATUS_HELP}`;

const FOLLOW_NOTES = `
Reads stdin only (no FILE arguments; "clonewatch -" on a pipe does the same). Input that stays quiet
for a moment is taken as complete so far: the record held for continuation lines is emitted and the
flows' log time moves on with the wall time waited. A .gz stream is unpacked (--max-gzip-ratio).
${EXIT_STATUS_HELP}`;

function program(setRun: SetRun): Command {
  const root = withAnalyseOptions(
    new Command('clonewatch')
      .description('Did that volume clone or copy, and why? Reads cinder-volume / glance-api journals or oslo.log files and prints one provisioning timeline per volume, classified clone or copy, with the reason.')
      .version(pkg.version, '-V, --version')
      .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin'),
  )
    .enablePositionalOptions()
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => {
      prestartReader(files, raw);
      setRun(async () => (await import('./analyse-command.ts')).analyseCommand('batch', files, raw));
    });
  withAnalyseOptions(root.command('follow').description('follow stdin as it arrives (journalctl -f): each timeline as soon as its flow ends'))
    .addHelpText('after', FOLLOW_NOTES)
    .action((raw: Record<string, unknown>) => setRun(async () => (await import('./analyse-command.ts')).analyseCommand('follow', ['-'], raw)));
  for (const register of SUBCOMMANDS) register(root, setRun);
  return root;
}

/** The CLI: parses argv, runs the chosen command, writes stdout/stderr; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // `clonewatch --help | head`: a reader that goes away ends the output quietly, as everywhere else.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  let chosen: (() => Promise<number>) | null = null;
  const cmd = program((run) => (chosen = run));
  // Misuse of any command says so, then where its usage is (exit 2).
  for (const c of [cmd, ...cmd.commands]) {
    const name = c === cmd ? 'clonewatch' : `clonewatch ${c.name()}`;
    c.exitOverride().configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`${s.trimEnd()}\nRun "${name} --help" for usage.\n`),
    });
  }
  try {
    cmd.parse(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.misuse;
    throw e;
  }
  const run = chosen as (() => Promise<number>) | null;
  return run === null ? EXIT.misuse : run();
}
