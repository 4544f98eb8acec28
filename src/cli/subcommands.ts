import type { Command } from 'commander';
import type { SetRun } from './command-run.ts';
import { registerImages } from './images-command.ts';
import { registerReport } from './report-command.ts';
import { registerThroughput } from './throughput-command.ts';

/**
 * The subcommands besides the default analysis and `follow`: each lives in its own file
 * (src/cli/<name>-command.ts) and exports a register function added here.
 */
export const SUBCOMMANDS: readonly ((root: Command, setRun: SetRun) => void)[] = [registerReport, registerThroughput, registerImages];
