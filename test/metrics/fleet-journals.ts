import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TruthVolume {
  readonly volumeId: string;
  readonly host: string | null;
  readonly status: string;
  readonly provisioning: string | null;
  readonly reasonCodes: readonly string[];
}

export interface FleetHost {
  /** The loopback address its exporter listens on; Prometheus's `host` label (contrib/prometheus.yml's relabel). */
  readonly address: string;
  /** Where its journal (`journalctl -o json` lines) was written. */
  readonly journal: string;
  /** What the samples' truth.json files say about the volumes in that journal. */
  readonly truth: readonly TruthVolume[];
  readonly describe: string;
}

interface Part {
  readonly scenario: string;
  /** Only the entries of this `_HOSTNAME` (a `journalctl -m` of several hosts); all when absent. */
  readonly hostname?: string;
}

/**
 * Three cinder-volume hosts made of the bundled samples, each as its own `journalctl -o json`:
 * the burst's cvol-a (lvmdriver-1, image cache on: 1 copy then 8 cache clones) and cvol-b
 * (lvmdriver-2, cache off: 16 copies), and a third host whose journal is four single-host
 * scenarios of different days in log-time order (Ceph clone and copies, an LVM copy and one left
 * incomplete, an INFO-only host whose backend is never logged).
 */
const FLEET: readonly { address: string; parts: readonly Part[] }[] = [
  { address: '127.0.0.1', parts: [{ scenario: 'burst', hostname: 'cvol-a' }] },
  { address: '127.0.0.2', parts: [{ scenario: 'burst', hostname: 'cvol-b' }] },
  { address: '127.0.0.3', parts: [{ scenario: 'rbd-clone' }, { scenario: 'rbd-fallback' }, { scenario: 'incomplete' }, { scenario: 'info-only' }] },
];

function partLines(part: Part): string[] {
  const lines = readFileSync(join('samples', part.scenario, 'journal.json'), 'utf8').split('\n').filter((l) => l !== '');
  if (part.hostname === undefined) return lines;
  return lines.filter((l) => (JSON.parse(l) as { _HOSTNAME?: unknown })._HOSTNAME === part.hostname);
}

function partTruth(part: Part): TruthVolume[] {
  const truth = JSON.parse(readFileSync(join('samples', part.scenario, 'truth.json'), 'utf8')) as { volumes: TruthVolume[] };
  return truth.volumes.filter((v) => part.hostname === undefined || v.host === part.hostname);
}

/** Writes the three hosts' journals into `dir` and returns them with their truth. */
export async function writeFleetJournals(dir: string): Promise<FleetHost[]> {
  return Promise.all(
    FLEET.map(async (h, i) => {
      const journal = join(dir, `host-${i + 1}.json`);
      await writeFile(journal, h.parts.flatMap(partLines).join('\n') + '\n');
      return {
        address: h.address,
        journal,
        truth: h.parts.flatMap(partTruth),
        describe: h.parts.map((p) => (p.hostname === undefined ? p.scenario : `${p.scenario}/${p.hostname}`)).join(' + '),
      };
    }),
  );
}
