import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../samples/generate/lib/ids.ts';
import { compileFiller, convertedCounter, Out, shortPreciseStamp, START_US, uuidMapper, type BenchTruth, type Filler, type GeneratedJournal } from './generate-journal.ts';
import { fillerEntries, loadTemplate, TEMPLATE_SAMPLES, type Template, type TemplateEntry, type VolumeTruth } from './load-templates.ts';

/** Bump when the output changes, so cached files are regenerated. */
const STORM_VERSION = 3;
/** A new create starts this many lines after the last one, while fewer than MAX_IN_FLIGHT run. */
export const STORM_START_EVERY = 50;
export const STORM_MAX_IN_FLIGHT = 200;
/**
 * Templates whose flows last longer are left out (glance-cinder-clone's lasts an hour): with them,
 * the slots filled up with hour-long flows as the journal went on, and the storm thinned out (29 %
 * of lines in flows at 30 MB, 10 % at 1 GB).
 */
const MAX_TEMPLATE_US = 10 * 60 * 1e6;
/** Log time between background lines: 500 lines a second of a busy multi-host journal. */
const FILLER_STEP_US = 2000;

interface Copy {
  readonly tpl: Template;
  readonly slot: number;
  readonly host: string;
  readonly remap: (s: string) => string;
  readonly offset: number;
  next: number;
}

/**
 * A boot storm in short-precise: copies of the sample flows (each on a host of its own, fresh
 * UUIDs but the same images, their own timing) start every STORM_START_EVERY lines while fewer than STORM_MAX_IN_FLIGHT
 * are in flight, and run concurrently; background lines from the samples fill the time between
 * their lines (on the hosts in flight). Lines are in time order, as `journalctl -m` merges them.
 * Deterministic: the same seed and size give byte-identical files.
 */
export async function generateStorm(samplesDir: string, dir: string, targetBytes: number, seed: number): Promise<BenchTruth> {
  const all: Template[] = TEMPLATE_SAMPLES.map((n) => loadTemplate(samplesDir, n));
  const fillers = fillerEntries(all).map((e) => compileFiller(e, 'cvol-a'));
  const templates = all.filter((t) => (t.entries.at(-1) as TemplateEntry).t - (t.entries[0] as TemplateEntry).t <= MAX_TEMPLATE_US);
  // A storm boots many volumes from the same few images: a template's image ids stay as they are.
  const imagesOf = templates.map((t) => new Set(t.imageIds));
  const rand = mulberry32(seed);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'journal.short-precise');
  const out = new Out(createWriteStream(`${file}.part`));
  const volumes: VolumeTruth[] = [];
  const hosts = new Set<string>();
  const free: number[] = Array.from({ length: STORM_MAX_IN_FLIGHT }, (_, i) => STORM_MAX_IN_FLIGHT - 1 - i);
  const active: Copy[] = [];
  let lines = 0;
  let flowLines = 0;
  const conv = convertedCounter();
  let started = 0;
  let maxInFlight = 0;
  let sinceStart = STORM_START_EVERY;
  let clock = START_US;
  const write = (line: string) => {
    lines++;
    sinceStart++;
    conv.count(line);
    out.write(line);
  };
  const timeOf = (c: Copy) => (c.tpl.entries[c.next] as TemplateEntry).t + c.offset;
  /** Writes the next line of the copy in flight whose next line is earliest, if it is due by `until`. */
  const writeFlowLine = (until: number): boolean => {
    let best: Copy | undefined;
    for (const c of active) if (best === undefined || timeOf(c) < timeOf(best)) best = c;
    if (best === undefined || timeOf(best) > until) return false;
    const e = best.tpl.entries[best.next] as TemplateEntry;
    if (e.flow) flowLines++;
    write(best.remap(shortPreciseStamp(e.t + best.offset) + e.sp.split(best.tpl.host).join(best.host)));
    best.next++;
    if (best.next === best.tpl.entries.length) {
      active.splice(active.indexOf(best), 1);
      free.push(best.slot);
      for (const v of best.tpl.volumes) volumes.push({ ...v, volumeId: best.remap(v.volumeId), host: best.host });
    }
    return true;
  };

  while (out.bytes < targetBytes) {
    if (sinceStart >= STORM_START_EVERY && active.length < STORM_MAX_IN_FLIGHT) {
      const k = started++;
      const ti = k % templates.length;
      const tpl = templates[ti] as Template;
      const slot = free.pop() as number;
      const host = `${tpl.host}-t${ti}s${slot}`;
      hosts.add(host);
      active.push({ tpl, slot, host, remap: uuidMapper(seed, k, imagesOf[ti] as ReadonlySet<string>), offset: clock - (tpl.entries[0] as TemplateEntry).t, next: 0 });
      maxInFlight = Math.max(maxInFlight, active.length);
      sinceStart = 0;
    }
    if (writeFlowLine(clock)) continue;
    const f = fillers[Math.floor(rand() * fillers.length)] as Filler;
    const host = active.length > 0 ? (active[Math.floor(rand() * active.length)] as Copy).host : 'cvol-idle';
    hosts.add(host);
    write(shortPreciseStamp(clock) + f.sp.join(host));
    clock += FILLER_STEP_US;
  }
  // The creates still in flight run to their end, so that every volume has its truth.
  while (writeFlowLine(Infinity));
  await out.close();
  renameSync(`${file}.part`, file);
  const truth: BenchTruth = { seed, format: 'short-precise', bytes: out.bytes, lines, flowLines, hosts: hosts.size, converted: conv.lines, convertedMbpsSum: conv.mbpsSum, volumes, storm: { flows: started, maxInFlight } };
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth));
  return truth;
}

/** The cached boot-storm journal of this size and seed, generated first when missing (or from an older generator). */
export async function cachedStorm(samplesDir: string, cacheDir: string, targetBytes: number, seed: number): Promise<GeneratedJournal> {
  const dir = join(cacheDir, `storm${STORM_VERSION}-seed${seed}-${targetBytes}`);
  const truthFile = join(dir, 'truth.json');
  const file = join(dir, 'journal.short-precise');
  if (existsSync(truthFile) && existsSync(file)) return { file, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as BenchTruth };
  return { file, truth: await generateStorm(samplesDir, dir, targetBytes, seed) };
}
