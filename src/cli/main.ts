import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { analyseCommand } from './analyse-command.ts';
import type { SetRun } from './command-run.ts';
import { EXIT } from './exit-codes.ts';
import { SUBCOMMANDS } from './subcommands.ts';
import { withAnalyseOptions } from './with-analyse-options.ts';

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

function program(setRun: SetRun): Command {
  const root = withAnalyseOptions(
    new Command('clonewatch')
      .description('Did that volume clone or copy, and why? Reads cinder-volume / glance-api journals or oslo.log files and prints one provisioning timeline per volume, classified clone or copy, with the reason.')
      .version(pkg.version, '-V, --version')
      .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin'),
  )
    .enablePositionalOptions()
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => setRun(() => analyseCommand('batch', files, raw)));
  withAnalyseOptions(root.command('follow').description('follow stdin as it arrives (journalctl -f): each timeline as soon as its flow ends'))
    .action((raw: Record<string, unknown>) => setRun(() => analyseCommand('follow', ['-'], raw)));
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
  const run = chosen as (() => Promise<number>) | null;
  return run === null ? EXIT.misuse : run();
}
