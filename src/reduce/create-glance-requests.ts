import type { DetachedRecord, Unpinned } from '../model/detach-record.ts';
import { remember } from './remember.ts';
import type { Transfer } from './tracked-image.ts';

const BOUNDED = 4096;
/** Requests waiting for their request line, per worker. */
const PER_WORKER = 64;

/** One glance-api request context (host + request id): an image GET, an upload, or an import task. */
export interface GlanceRequest {
  readonly host: Unpinned | null;
  readonly rid: Unpinned;
  imageId: string | null;
  start: number | null;
  cacheHit: boolean | null;
  /** Store of the ImportToStore atom running now (imports), else null. */
  store: string | null;
  method: string | null;
  importing: boolean;
  transfer: Transfer | null;
}

export interface GlanceRequests {
  /** The request of a glance line (created at its first line), or null for a line without a request id. */
  of(r: DetachedRecord): GlanceRequest | null;
  /** The request's first line named its worker (DEBUG suffix pid): it waits there for uwsgi's request line. */
  awaitRequestLine(r: DetachedRecord, q: GlanceRequest, method: string, path: string): void;
  /** The request waiting on this worker for this method and (normalised) path, taken; null if none. */
  takeByWorker(host: string | null, workerPid: string, method: string, path: string): GlanceRequest | null;
}

/** glance-api's request contexts, the most recently started 4096 kept. */
export function createGlanceRequests(): GlanceRequests {
  const reqs = new Map<string, GlanceRequest>();
  const openByWorker = new Map<string, { req: GlanceRequest; method: string; path: string }[]>();

  return {
    of(r) {
      if (r.requestId === null || r.requestId === '') return null;
      const key = `${r.host ?? ''}\u0000${r.requestId}`;
      let q = reqs.get(key);
      if (q === undefined) {
        q = { host: r.host, rid: r.requestId, imageId: null, start: r.time, cacheHit: null, store: null, method: null, importing: false, transfer: null };
        remember(reqs, key, q, BOUNDED);
      }
      return q;
    },
    awaitRequestLine(r, q, method, path) {
      if (r.codePid === null) return;
      const key = `${r.host ?? ''}\u0000${r.codePid}`;
      const list = openByWorker.get(key) ?? [];
      list.push({ req: q, method, path });
      if (list.length > PER_WORKER) list.shift();
      remember(openByWorker, key, list, BOUNDED);
    },
    takeByWorker(host, workerPid, method, path) {
      const list = openByWorker.get(`${host ?? ''}\u0000${workerPid}`);
      const i = list?.findIndex((o) => o.method === method && o.path === path) ?? -1;
      return list && i >= 0 ? (list.splice(i, 1)[0]?.req ?? null) : null;
    },
  };
}
