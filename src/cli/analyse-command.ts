import { fstatSync } from 'node:fs';
import { consumeAnalysis } from './consume-analysis.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { timelineSink } from './timeline-sink.ts';

/** True when stdin is a pipe, socket or terminal (it may stay open), not a redirected file. */
function stdinIsLive(): boolean {
  try {
    const s = fstatSync(0);
    return s.isFIFO() || s.isSocket() || s.isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * The default command (timelines and summary) and `follow`; a lone stdin that stays open is followed
 * (with wall-clock behaviour only while its log times are current: see pipeline/is-current.ts).
 */
export async function analyseCommand(mode: 'batch' | 'follow', files: readonly string[], raw: unknown): Promise<number> {
  const r = resolveInvocation(files, raw, { command: mode === 'follow' ? 'follow' : null });
  if (typeof r === 'number') return r;
  const live = mode === 'follow' || (r.files.length === 1 && r.files[0] === '-' && stdinIsLive());
  return consumeAnalysis(r, timelineSink(r.options), { live });
}
