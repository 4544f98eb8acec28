import type { GlanceServe } from './image.ts';
import { remember } from './remember.ts';

const BOUNDED = 4096;

/** glance-api's image downloads (GET …/file), waiting for the cinder flow that asked for them. */
export interface ServeLog {
  add(serve: GlanceServe): void;
  /** The serving of a flow's image, by the request ids glance logs for cinder (§2.4), else by image and time; taken. */
  take(requestIds: readonly (string | null)[], imageId: string | null, from: number | null, to: number | null, near: number | null): GlanceServe | null;
}

/** Serves by request id (the most recent 4096 ids) and, without one (uwsgi line, no DEBUG), the latest 4096 unpaired. */
export function createServeLog(): ServeLog {
  const serves = new Map<string, GlanceServe[]>();
  const unpaired: GlanceServe[] = [];

  function add(serve: GlanceServe): void {
    if (serve.requestId !== null) {
      const list = serves.get(serve.requestId) ?? [];
      list.push(serve);
      remember(serves, serve.requestId, list, BOUNDED);
    } else {
      unpaired.push(serve);
      if (unpaired.length > BOUNDED) unpaired.shift();
    }
  }

  function take(requestIds: readonly (string | null)[], imageId: string | null, from: number | null, to: number | null, near: number | null): GlanceServe | null {
    const within = (x: GlanceServe) => (imageId === null || x.imageId === imageId) && (from === null || x.end === null || x.end >= from) && (to === null || x.start === null || x.start <= to);
    for (const rid of requestIds) {
      if (rid === null) continue;
      const list = serves.get(rid);
      const i = list?.findIndex(within) ?? -1;
      if (list && i >= 0) return list.splice(i, 1)[0] ?? null;
    }
    if (imageId === null || from === null || to === null) return null;
    // No request id (uwsgi line, no DEBUG): the one request for this image inside the flow, closest to its download's end.
    let best = -1;
    for (let i = 0; i < unpaired.length; i++) {
      const x = unpaired[i];
      if (x === undefined || !within(x) || x.start === null || x.start < from || x.end === null || x.end > to) continue;
      const b = unpaired[best];
      if (best < 0 || (near !== null && b?.end != null && Math.abs(x.end - near) < Math.abs(b.end - near))) best = i;
    }
    return best < 0 ? null : (unpaired.splice(best, 1)[0] ?? null);
  }

  return { add, take };
}
