import type { Event } from '../recognise/event.ts';
import { parseHostSpec } from '../recognise/parse-host-spec.ts';
import { volumeReprHost } from './volume-repr-host.ts';

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
    const { backend } = parseHostSpec(candidate);
    if (backend !== null) return backend;
  }
  for (const e of events) {
    if (e.type !== 'taskState') continue;
    const host = volumeReprHost(e.fields['rest'] ?? '');
    const backend = host === null ? null : parseHostSpec(host).backend;
    if (backend !== null) return backend;
  }
  return null;
}
