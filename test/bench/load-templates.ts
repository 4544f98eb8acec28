import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One journal entry of a sample, in both renderings journalctl produced for it. */
export interface TemplateEntry {
  /** __REALTIME_TIMESTAMP, µs. */
  readonly t: number;
  /** The short-precise line after its 22-character timestamp (` HOST IDENT[PID]: MESSAGE`). */
  readonly sp: string;
  /** The `-o json` entry. */
  readonly json: Record<string, unknown>;
  /** The entry carries a request id of one of the sample's volume flows. */
  readonly flow: boolean;
}

/** What the sample's truth.json says about one user volume. */
export interface VolumeTruth {
  readonly volumeId: string;
  readonly host: string;
  readonly status: string;
  readonly provisioning: string | null;
  readonly cloneMethod: string | null;
}

export interface Template {
  readonly name: string;
  readonly host: string;
  readonly entries: readonly TemplateEntry[];
  readonly volumes: readonly VolumeTruth[];
  /** The images the sample's volumes were created from. */
  readonly imageIds: readonly string[];
}

/**
 * Samples used as the provisioning flows of the benchmark: single-host scenarios whose flows all
 * end (the journals real journalctl rendered, in short-precise and json, with their truth).
 */
export const TEMPLATE_SAMPLES = [
  'copy-with-conversion',
  'cache-hit',
  'cache-miss-seeded',
  'coloured-json',
  'glance-cinder-clone',
  'glance-cinder-fallbacks',
  'netapp-clone',
  'raw-copy',
  'rbd-clone',
  'rbd-fallback',
  'failure',
] as const;

const REQ = /req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function loadTemplate(samplesDir: string, name: string): Template {
  const dir = join(samplesDir, name);
  const sp = readFileSync(join(dir, 'journal.short-precise.txt'), 'utf8').split('\n').filter((l) => l !== '');
  const js = readFileSync(join(dir, 'journal.json'), 'utf8').split('\n').filter((l) => l !== '');
  if (sp.length !== js.length) throw new Error(`${name}: ${sp.length} short-precise lines but ${js.length} json entries`);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { volumes: (VolumeTruth & { imageId?: string | null })[] };
  const imageIds = [...new Set(truth.volumes.flatMap((v) => (typeof v.imageId === 'string' ? [v.imageId] : [])))];
  const volumes = truth.volumes.map((v) => ({ volumeId: v.volumeId, host: v.host, status: v.status, provisioning: v.provisioning, cloneMethod: v.cloneMethod }));
  const hosts = new Set(volumes.map((v) => v.host));
  if (hosts.size !== 1) throw new Error(`${name}: expected one host, got ${[...hosts].join(', ')}`);
  const host = [...hosts][0] as string;
  // A flow's request ids: those on the lines that name one of its volumes (user and global ids).
  const flowReqs = new Set<string>();
  for (const line of sp) if (volumes.some((v) => line.includes(v.volumeId))) for (const m of line.matchAll(REQ)) flowReqs.add(m[0]);
  const entries = sp.map((line, i): TemplateEntry => {
    const json = JSON.parse(js[i] as string) as Record<string, unknown>;
    const t = Number(json['__REALTIME_TIMESTAMP']);
    const stamp = new Date(Math.floor(t / 1000)).toISOString();
    if (line.slice(7, 15) !== stamp.slice(11, 19)) throw new Error(`${name}:${i + 1}: short-precise and json entries differ`);
    const reqs = line.match(REQ) ?? [];
    return { t, sp: line.slice(22), json, flow: reqs.some((r) => flowReqs.has(r)) };
  });
  return { name, host, entries, volumes, imageIds };
}

/** Message forms that could belong to (or change) a provisioning flow: never used as filler. */
const NOT_FILLER = /Converted|cache|clon|image|volume [0-9a-f]{8}-|Starting|Started|Stopp|failed|ERROR|Traceback/i;

/**
 * Filler lines: the samples' own background (uwsgi request logs, periodic tasks, sudo, sshd,
 * kernel), single-line entries only (no continuation can attach to or detach from them).
 */
export function fillerEntries(templates: readonly Template[]): TemplateEntry[] {
  const out: TemplateEntry[] = [];
  for (const tpl of templates) {
    const e = tpl.entries;
    e.forEach((entry, i) => {
      if (entry.flow || NOT_FILLER.test(entry.sp)) return;
      const near = (j: number) => {
        const o = e[j];
        return o !== undefined && Math.abs(o.t - entry.t) < 2000;
      };
      if (near(i - 1) || near(i + 1)) return; // part of a multi-line message
      const msg = entry.sp.slice(entry.sp.indexOf(': ') + 2);
      const ident = String(entry.json['SYSLOG_IDENTIFIER'] ?? '');
      if (msg.startsWith('[pid: ') || /^(DEBUG|INFO) [a-z_.]+ \[/.test(msg) || ['sudo', 'sshd', 'kernel'].includes(ident)) out.push(entry);
    });
  }
  return out;
}
