import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../samples/generate/lib/ids.ts';
import { fillerEntries, loadTemplate, TEMPLATE_SAMPLES, type Template, type TemplateEntry, type VolumeTruth } from './load-templates.ts';

/** Bump when the output changes, so cached files are regenerated. */
const GENERATOR_VERSION = 1;
/** About one line in this many belongs to a provisioning flow. */
export const LINES_PER_FLOW_LINE = 200;
/** Each template runs on this many hosts of its own (host facts such as a disabled cache stay per host). */
const HOSTS_PER_TEMPLATE = 24;
export const START_US = Date.UTC(2026, 2, 1, 0, 0, 0) * 1000;

export type BenchFormat = 'short-precise' | 'json';

export interface BenchTruth {
  readonly seed: number;
  readonly format: BenchFormat;
  readonly bytes: number;
  readonly lines: number;
  readonly flowLines: number;
  readonly hosts: number;
  /** Lines containing `Converted` (what `grep -c Converted` must print) and the sum of their MB/s. */
  readonly converted: number;
  readonly convertedMbpsSum: number;
  readonly volumes: readonly VolumeTruth[];
  /** Boot-storm profile: creates started, and the most in flight at once. */
  readonly storm?: { readonly flows: number; readonly maxInFlight: number };
}

export interface GeneratedJournal {
  readonly file: string;
  readonly truth: BenchTruth;
}


/** Counts the lines `grep -c Converted` counts and sums the MB/s the gawk one-liner averages. */
export function convertedCounter(): { count(line: string): void; readonly lines: number; readonly mbpsSum: number } {
  let lines = 0;
  let mbpsSum = 0;
  return {
    count(line) {
      if (!line.includes('Converted')) return;
      lines++;
      const m = / at ([\d.]+) MB\/s/.exec(line);
      if (m) mbpsSum += Number(m[1]);
    },
    get lines() {
      return lines;
    },
    get mbpsSum() {
      return mbpsSum;
    },
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `Mar 01 00:00:00.000000`, UTC (the samples were rendered with TZ=UTC). */
export function shortPreciseStamp(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const frac = String(us % 1_000_000).padStart(6, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${frac}`;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every UUID of copy `k` of a template (but those in `keep`) maps to its own UUID, the same one wherever it appears. */
export function uuidMapper(seed: number, k: number, keep: ReadonlySet<string> = new Set()): (s: string) => string {
  const map = new Map<string, string>();
  const one = (u: string): string => {
    if (keep.has(u)) return u;
    let v = map.get(u);
    if (v === undefined) {
      const h = createHash('sha1').update(`${seed}/${k}/${u}`).digest('hex');
      v = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      map.set(u, v);
    }
    return v;
  };
  return (s) => s.replace(UUID, one);
}

/** A filler entry compiled into literal pieces and slots (time, host), rendered with one join. */
export interface Filler {
  readonly sp: readonly string[]; // split at the template host
  readonly json: readonly string[]; // split at the placeholders
  readonly slots: readonly string[]; // slot letter after each json piece but the last
}

const PH = '\u0000';
export function compileFiller(e: TemplateEntry, host: string): Filler {
  const o: Record<string, unknown> = { ...e.json };
  o['__REALTIME_TIMESTAMP'] = `${PH}R`;
  o['__MONOTONIC_TIMESTAMP'] = `${PH}M`;
  o['__CURSOR'] = `${PH}C`;
  o['_HOSTNAME'] = `${PH}H`;
  if ('_SOURCE_REALTIME_TIMESTAMP' in o) o['_SOURCE_REALTIME_TIMESTAMP'] = `${PH}S`;
  if (typeof o['MESSAGE'] === 'string') o['MESSAGE'] = o['MESSAGE'].split(host).join(`${PH}H`);
  const text = JSON.stringify(o);
  const parts = text.split('\\u0000');
  const json = [parts[0] as string];
  const slots: string[] = [];
  for (const p of parts.slice(1)) {
    slots.push(p.charAt(0));
    json.push(p.slice(1));
  }
  return { sp: e.sp.split(host), json, slots };
}

function cursor(seq: number, bootId: string, rt: number, mono: number): string {
  return `s=6b1f0d3c5a7e4e2f9a8b7c6d5e4f3a2b;i=${seq.toString(16)};b=${bootId};m=${mono.toString(16)};t=${rt.toString(16)};x=${((seq * 2654435761) >>> 0).toString(16)}`;
}

export class Out {
  private buf: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly stream: WriteStream) {}
  write(line: string): void {
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const chunk = Buffer.from(this.buf.join('\n') + '\n', 'utf8');
    this.bytes += chunk.length;
    this.stream.write(chunk);
    this.buf = [];
    this.size = 0;
  }
  async close(): Promise<void> {
    this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

/**
 * Writes `journal.<format>` of about `targetBytes` and `truth.json` into `dir`: copies of the sample flows (TEMPLATE_SAMPLES) one after the
 * other, each on a host of its own and with fresh UUIDs, with filler entries drawn from the
 * samples' background between their lines so that about 1 line in 200 belongs to a flow.
 * Deterministic: the same seed and size give byte-identical files.
 */
export async function generateJournal(samplesDir: string, dir: string, format: BenchFormat, targetBytes: number, seed: number): Promise<BenchTruth> {
  const templates: Template[] = TEMPLATE_SAMPLES.map((n) => loadTemplate(samplesDir, n));
  const fillers = fillerEntries(templates).map((e) => compileFiller(e, 'cvol-a'));
  const rand = mulberry32(seed); // the same seed always gives the same journal
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `journal.${format}`);
  const out = new Out(createWriteStream(`${file}.part`));
  const isJson = format === 'json';
  const volumes: VolumeTruth[] = [];
  const hosts = new Set<string>();
  let lines = 0;
  let flowLines = 0;
  const conv = convertedCounter();
  const countConverted = conv.count;
  let seq = 0;
  let clock = START_US;
  const bootIds = new Map<string, string>();
  const bootOf = (host: string) => {
    let b = bootIds.get(host);
    if (b === undefined) {
      b = createHash('md5').update(`${seed}/boot/${host}`).digest('hex');
      bootIds.set(host, b);
    }
    return b;
  };

  const writeFiller = (t: number, host: string) => {
    const f = fillers[Math.floor(rand() * fillers.length)] as Filler;
    seq++;
    lines++;
    const mono = t - START_US + 3_000_000_000;
    if (!isJson) {
      const spLine = shortPreciseStamp(t) + f.sp.join(host);
      countConverted(spLine);
      out.write(spLine);
      return;
    }
    const values: Record<string, string> = { R: String(t), S: String(t - 37), M: String(mono), H: host, C: cursor(seq, bootOf(host), t, mono) };
    let s = f.json[0] as string;
    for (let i = 0; i < f.slots.length; i++) s += (values[f.slots[i] as string] ?? '') + (f.json[i + 1] as string);
    countConverted(s);
    out.write(s);
  };

  for (let k = 0; out.bytes < targetBytes; k++) {
    const tpl = templates[k % templates.length] as Template;
    const host = `${tpl.host}-t${k % templates.length}h${Math.floor(k / templates.length) % HOSTS_PER_TEMPLATE}`;
    hosts.add(host);
    const remap = uuidMapper(seed, k);
    const entries = tpl.entries;
    const first = (entries[0] as TemplateEntry).t;
    const offset = clock - first;
    const flowCount = entries.filter((e) => e.flow).length;
    // Filler so that the block has LINES_PER_FLOW_LINE lines per flow line, spread over the gaps of ≥ 2 ms.
    let need = Math.max(0, flowCount * LINES_PER_FLOW_LINE - entries.length);
    let gapTotal = 0;
    for (let i = 1; i < entries.length; i++) {
      const dt = (entries[i] as TemplateEntry).t - (entries[i - 1] as TemplateEntry).t;
      if (dt >= 2000) gapTotal += dt;
    }
    let carry = 0;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as TemplateEntry;
      const t = e.t + offset;
      seq++;
      lines++;
      if (e.flow) flowLines++;
      if (!isJson) {
        const spLine = remap(shortPreciseStamp(t) + e.sp.split(tpl.host).join(host));
        countConverted(spLine);
        out.write(spLine);
      } else {
        const o: Record<string, unknown> = { ...e.json };
        const mono = Number(o['__MONOTONIC_TIMESTAMP']);
        o['__REALTIME_TIMESTAMP'] = String(t);
        if (typeof o['_SOURCE_REALTIME_TIMESTAMP'] === 'string') o['_SOURCE_REALTIME_TIMESTAMP'] = String(Number(o['_SOURCE_REALTIME_TIMESTAMP']) + offset);
        o['_HOSTNAME'] = host;
        o['_BOOT_ID'] = bootOf(host);
        o['__CURSOR'] = cursor(seq, bootOf(host), t, mono);
        const msg = o['MESSAGE'];
        if (typeof msg === 'string') o['MESSAGE'] = remap(msg.split(tpl.host).join(host));
        else if (Array.isArray(msg)) o['MESSAGE'] = [...Buffer.from(remap(Buffer.from(msg as number[]).toString('latin1').split(tpl.host).join(host)), 'latin1')];
        const text = JSON.stringify(o);
        countConverted(text);
        out.write(text);
      }
      const next = entries[i + 1];
      if (next === undefined) {
        clock = t + 1_000_000;
        break;
      }
      const dt = next.t - e.t;
      if (dt < 2000 || gapTotal === 0) continue;
      carry += (need * dt) / gapTotal;
      const m = Math.floor(carry);
      carry -= m;
      for (let j = 1; j <= m; j++) writeFiller(t + Math.floor((dt * j) / (m + 1)), host);
    }
    need = 0;
    for (const v of tpl.volumes) volumes.push({ ...v, volumeId: remap(v.volumeId), host });
  }
  await out.close();
  renameSync(`${file}.part`, file);
  const truth: BenchTruth = { seed, format, bytes: out.bytes, lines, flowLines, hosts: hosts.size, converted: conv.lines, convertedMbpsSum: conv.mbpsSum, volumes };
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth));
  return truth;
}

/** The cached journal of this format, size and seed, generated first when missing (or from an older generator). */
export async function cachedJournal(samplesDir: string, cacheDir: string, format: BenchFormat, targetBytes: number, seed: number): Promise<GeneratedJournal> {
  const dir = join(cacheDir, `v${GENERATOR_VERSION}-${format}-seed${seed}-${targetBytes}`);
  const truthFile = join(dir, 'truth.json');
  const file = join(dir, `journal.${format}`);
  if (existsSync(truthFile) && existsSync(file)) return { file, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as BenchTruth };
  const truth = await generateJournal(samplesDir, dir, format, targetBytes, seed);
  return { file, truth };
}
