/** A parsed command, ready to run; resolves to the exit code. */
export type CommandRun = () => Promise<number>;
/** What a command's commander action calls with its run (main runs it after parsing). */
export type SetRun = (run: CommandRun) => void;
