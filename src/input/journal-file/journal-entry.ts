import type { DataField } from './open-journal-file.ts';

/** One entry as read from a journal file: the header fields journalctl orders by, and the fields wanted. */
export interface JournalEntry {
  readonly seqnumId: string;
  readonly seqnum: number;
  readonly realtime: number;
  readonly monotonic: number;
  readonly bootId: string;
  /** The entry's xor_hash (the xor of its data objects' hashes), as its high and low 32 bits. */
  readonly xorHashHigh: number;
  readonly xorHashLow: number;
  readonly fields: readonly DataField[];
}
