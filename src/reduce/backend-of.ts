import type { Event } from '../recognise/event.ts';

/** `backend` of `[…/]host@backend[#pool]`, or null. */
function backendIn(hostSpec: string): string | null {
  const name = hostSpec.slice(hostSpec.lastIndexOf('/') + 1);
  const at = name.lastIndexOf('@');
  if (at < 0) return null;
  return name.slice(at + 1).split('#')[0] || null;
}

/** `host='cvol-a@lvmdriver-1#lvmdriver-1'` in the Volume object taskflow prints with a task's state. */
const VOLUME_HOST = /\bVolume\(.*?\bhost='([^']+)'/s;

/**
 * The cinder backend (the part after `@` in `host@backend#pool`) a flow ran on: from the cache lines
 * (`on host cvol-a@lvm#lvm`) or the suffix cinder gives its temporary files
 * (`…image_fetch_<id>_<rnd>host@backend`), else from the volume's own `host` field in the Volume
 * object of a taskflow DEBUG line (which a clone that logs no data path still has).
 */
export function backendOf(events: readonly Event[]): string | null {
  for (const e of events) {
    const f = e.fields;
    const candidate = f['cacheHost'] ?? f['dest'] ?? f['src'] ?? f['tmp'];
    if (candidate === undefined) continue;
    const backend = backendIn(candidate);
    if (backend !== null) return backend;
  }
  for (const e of events) {
    if (e.type !== 'taskState') continue;
    const host = VOLUME_HOST.exec(e.fields['rest'] ?? '')?.[1];
    const backend = host === undefined ? null : backendIn(host);
    if (backend !== null) return backend;
  }
  return null;
}
