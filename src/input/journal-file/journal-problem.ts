/** Something wrong in one journal file: what, where (byte offset) and whether reading of that part stopped. */
export interface JournalProblem {
  readonly code: string;
  readonly offset: number;
  readonly message: string;
}
