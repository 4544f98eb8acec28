/** How far behind this host's clock live input's log time may be and still count as current. */
const BEHIND_MS = 5 * 60_000;

/**
 * Whether live input (a pipe, `follow`) is current, so that wall-clock behaviour applies to it: while
 * it is quiet, its record held for continuation lines is emitted after a few ms, and log time advances
 * with the wall time spent waiting (flows close, and idle ones end, on a quiet host). Otherwise the pipe
 * is read exactly like a file (`journalctl --file F -o export | clonewatch -`, `zcat old.log.gz |
 * clonewatch -`): a stalling writer cannot change the output.
 *
 * Decided each time input arrives, from `logNow`: the latest log time read, or the one wall time has
 * advanced it to while it was current, whichever is later (so a flow or a host that stays quiet for an
 * hour does not make the input stale: its log time kept pace with the clock). Current means at most
 * five minutes behind the clock, or ahead of it by any amount (only live input can be ahead). Five
 * minutes covers a host whose clock runs behind this one by a few minutes, journald's delivery under
 * load and clonewatch catching up after a burst; a historical journal is older than that in all but
 * a post-mortem started within minutes of its last line. Lines older than that (`journalctl -f`'s
 * first ten, a wrong --tz) are read like a file until current ones arrive, so a lone line after them
 * waits for the next one.
 */
export function isCurrent(logNow: number | null, wallNow: number): boolean {
  return logNow !== null && logNow >= wallNow - BEHIND_MS;
}
