import type { Event } from '../recognise/event.ts';

/**
 * The cinder backend (the part after `@` in `host@backend#pool`) a flow ran on, from the cache lines
 * (`on host cvol-a@lvm#lvm`) or the suffix cinder gives its temporary files (`…image_fetch_<id>_<rnd>host@backend`).
 */
export function backendOf(events: readonly Event[]): string | null {
  for (const e of events) {
    const f = e.fields;
    const candidate = f['cacheHost'] ?? f['dest'] ?? f['src'] ?? f['tmp'];
    if (candidate === undefined) continue;
    const name = candidate.slice(candidate.lastIndexOf('/') + 1);
    const at = name.lastIndexOf('@');
    if (at < 0) continue;
    const backend = name.slice(at + 1).split('#')[0];
    if (backend) return backend;
  }
  return null;
}
