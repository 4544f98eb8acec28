import type { StorePlacement } from './image.ts';
import { remember } from './remember.ts';
import type { Transfer } from './tracked-image.ts';

const BOUNDED = 4096;

/** Which cinder backends and volume type each Glance store puts its image-volumes on. */
export interface StorePlacements {
  /** A store some image is in. */
  noteStore(name: string): void;
  /** A transfer that named a volume type: its store may be learned later (from cinder's `cinder://<store>/<volume>`). */
  noteTypedTransfer(x: Transfer): void;
  /** The image-volume `volumeId` belongs to `store` (a glance_store write, or cinder's location URL). */
  noteVolumeStore(volumeId: string, store: string): void;
  /** The image-volume (or any volume) `volumeId` lives on cinder backend `backend`. */
  noteVolumeBackend(volumeId: string, backend: string): void;
  /** The volume type the cinder store created an image-volume with (glance_store's `Creating a new volume`). */
  noteStoreVolumeType(store: string, volumeType: string): void;
  storeVolumeType(store: string): string | null;
  volumeBackend(volumeId: string): string | null;
  /** A transfer's store, or the one its image-volume is known to belong to. */
  storeOf(x: Transfer): string | null;
  /** Every store the input shows, sorted by name, with its volume type and backends. */
  stores(): Map<string, StorePlacement>;
}

/**
 * Placement of Glance stores on cinder backends, kept as facts arrive so that stores() costs the
 * number of stores, not of images: every store an image is in, the volume type of a store as a
 * transfer named it, the typed transfers whose store is not known yet, and the backends each
 * store's image-volumes were created on (volume → store joined with volume → backend as learned).
 */
export function createStorePlacement(): StorePlacements {
  const volumeStore = new Map<string, string>();
  const volumeBackend = new Map<string, string>();
  const storeVolumeType = new Map<string, string>();
  const storeNames = new Set<string>();
  const transferVolumeType = new Map<string, string>();
  let pendingTyped: Transfer[] = [];
  const storeBackends = new Map<string, Set<string>>();

  const link = (volumeId: string): void => {
    const store = volumeStore.get(volumeId);
    const backend = volumeBackend.get(volumeId);
    if (store === undefined || backend === undefined) return;
    const set = storeBackends.get(store) ?? new Set<string>();
    set.add(backend);
    storeBackends.set(store, set);
  };

  const storeOf = (x: Transfer): string | null => x.store ?? (x.volumeId === null ? null : (volumeStore.get(x.volumeId) ?? null));

  function stores(): Map<string, StorePlacement> {
    if (pendingTyped.length > 0) {
      pendingTyped = pendingTyped.filter((x) => {
        const store = storeOf(x);
        if (store === null) return true;
        if (x.volumeType !== null && !transferVolumeType.has(store)) transferVolumeType.set(store, x.volumeType);
        return false;
      });
    }
    const types = new Map(storeVolumeType);
    for (const [store, type] of transferVolumeType) if (!types.has(store)) types.set(store, type);
    const out = new Map<string, StorePlacement>();
    const names = new Set([...storeBackends.keys(), ...types.keys(), ...storeNames]);
    for (const name of [...names].sort()) out.set(name, { name, volumeType: types.get(name) ?? null, backends: [...(storeBackends.get(name) ?? [])].sort() });
    return out;
  }

  return {
    noteStore: (name) => void storeNames.add(name),
    noteTypedTransfer: (x) => void pendingTyped.push(x),
    noteVolumeStore(volumeId, store) {
      remember(volumeStore, volumeId, store, BOUNDED);
      link(volumeId);
    },
    noteVolumeBackend(volumeId, backend) {
      remember(volumeBackend, volumeId, backend, BOUNDED);
      link(volumeId);
    },
    noteStoreVolumeType: (store, volumeType) => remember(storeVolumeType, store, volumeType, BOUNDED),
    storeVolumeType: (store) => storeVolumeType.get(store) ?? null,
    volumeBackend: (volumeId) => volumeBackend.get(volumeId) ?? null,
    storeOf,
    stores,
  };
}
