import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * A large input for the 5,000-volume HTML test and the progress-bar test, written from the burst
 * sample's own lines (short-precise): one copy flow (cvol-b) and one cache-clone flow (cvol-a),
 * each repeated with a new volume id, request ids, host (cvol-00 … cvol-19) and a start 7 s after
 * the previous volume's (about 10 hours in all). processutils and taskflow lines are left out to
 * keep the file small; every line a timeline needs is kept. Cached under test-output/.
 */
export async function manyVolumes(count: number): Promise<string> {
  const out = join('test-output', `many-volumes-${count}.short-precise.txt`);
  if (existsSync(out) && statSync(out).size > 0) return out;
  mkdirSync('test-output', { recursive: true });
  const lines = readFileSync('samples/burst/journal.short-precise.txt', 'utf8').split('\n');
  const template = (volumeId: string) => {
    // The context is [global_request_id request_id project user]: nova's id, then cinder's.
    const ids = lines.find((l) => l.includes(`Volume ${volumeId}: being created`))?.match(/req-[0-9a-f-]{36}/g) ?? [];
    const req = ids[ids.length - 1];
    if (req === undefined) throw new Error(`no flow for ${volumeId} in the burst sample`);
    const flow = lines.filter((l) => l.includes(req) && l.includes(' cinder-volume[') && !/Running cmd|CMD "|Task '|Flow '/.test(l));
    return { volumeId, ids, flow };
  };
  const copy = template('262c5719-641d-41ae-8dcc-40fa13b35ff6');
  const clone = template('e1026683-c599-4438-aba8-7fbe3f6d77c5');
  const startup = lines.filter((l) => l.includes('Image-volume cache disabled for host') || l.includes('Image-volume cache enabled for host'));
  const file = createWriteStream(out);
  for (let h = 0; h < 20; h++) for (const l of startup) file.write(`${retime(rehost(l, `cvol-${String(h).padStart(2, '0')}`), -60_000)}\n`);
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  const pending: { at: number; text: string }[] = [];
  for (let k = 0; k < count; k++) {
    const t = k % 2 === 0 ? copy : clone;
    const vol = `${hex(k, 8)}-0000-4000-8000-${hex(k, 12)}`;
    const host = `cvol-${String(k % 20).padStart(2, '0')}`;
    for (const l of t.flow) {
      let text = rehost(l, host).replaceAll(t.volumeId, vol);
      t.ids.forEach((id, i) => (text = text.replaceAll(id, `req-${hex(k, 8)}-${i}111-4111-8111-${hex(k, 12)}`)));
      text = retime(text, k * 7000);
      pending.push({ at: timeOf(text), text });
    }
    // Flush lines in time order as the window moves on (flows overlap by a few minutes).
    if (pending.length > 4000 || k === count - 1) {
      pending.sort((a, b) => a.at - b.at);
      const keep = k === count - 1 ? 0 : 2000;
      for (const p of pending.splice(0, pending.length - keep)) {
        if (!file.write(`${p.text}\n`)) await once(file, 'drain');
      }
    }
  }
  file.end();
  await once(file, 'finish');
  return out;
}

/** `Mar 24 09:14:09.310123`: ms since midnight (the sample is one day). */
function timeOf(line: string): number {
  const m = /^\w{3} \d\d (\d\d):(\d\d):(\d\d)\.(\d{6})/.exec(line);
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) / 1000 : 0;
}

/** Moves a line `delta` ms later (same day), keeping microseconds. */
function retime(line: string, delta: number): string {
  return line.replace(/^(\w{3} \d\d )(\d\d):(\d\d):(\d\d)\.(\d{6})/, (_m, day: string, h: string, mi: string, s: string, us: string) => {
    const total = Math.round((((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1e6 + Number(us)) + delta * 1000);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${day}${p(Math.floor(total / 3.6e9))}:${p(Math.floor(total / 6e7) % 60)}:${p(Math.floor(total / 1e6) % 60)}.${p(total % 1e6, 6)}`;
  });
}

function rehost(line: string, host: string): string {
  return line.replace(/^(\w{3} \d\d \d\d:\d\d:\d\d\.\d{6} )\S+/, `$1${host}`);
}
