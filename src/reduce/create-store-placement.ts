import type { StorePlacement } from './image.ts';
import { remember } from './remember.ts';
import type { Transfer } from './tracked-image.ts';

const BOUNDED = 4096;

/** Which cinder backends and volume type each Glance store puts its image-volumes on. */
export interface StorePlacements {
  /** A store some image is in, by its name (multi-store Glance). */
  noteStore(name: string): void;
  /** A store some image is in, known only by its driver (`file`, `rbd`, `cinder` …): a location or write that names no store. */
  noteUnnamedStore(driver: string): void;
  /** A transfer that named a volume type: its store may be learned later (from cinder's `cinder://<store>/<volume>`). */
  noteTypedTransfer(x: Transfer): void;
  /** The image-volume `volumeId` belongs to `store` (a glance_store write, or cinder's location URL). */
  noteVolumeStore(volumeId: string, store: string): void;
  /** The image-volume `volumeId` belongs to the cinder store that has no name (`cinder://<volume>`, a write with no store named). */
  noteUnnamedVolume(volumeId: string): void;
  /** The image-volume (or any volume) `volumeId` lives on cinder backend `backend`. */
  noteVolumeBackend(volumeId: string, backend: string): void;
  /** The volume type the cinder store created an image-volume with (glance_store's `Creating a new volume`); null store: the unnamed one. */
  noteStoreVolumeType(store: string | null, volumeType: string): void;
  storeVolumeType(store: string): string | null;
  volumeBackend(volumeId: string): string | null;
  /**
   * true while the input names no store at all: Glance has one store (no `enabled_backends`), which
   * goes by its driver's name; once a store name is seen, stores known only by driver are not shown.
   */
  singleStore(): boolean;
  /** A transfer's store, or the one its image-volume is known to belong to. */
  storeOf(x: Transfer): string | null;
  /** Every store the input shows, sorted by name, with its volume type and backends. */
  stores(): Map<string, StorePlacement>;
}

/** The stores of one kind of naming (by name, or by driver), with their image-volumes, volume types and backends. */
function createStoreSide(volumeBackend: Map<string, string>) {
  const names = new Set<string>();
  const volumeStore = new Map<string, string>();
  const storeVolumeType = new Map<string, string>();
  const storeBackends = new Map<string, Set<string>>();
  const link = (volumeId: string): void => {
    const store = volumeStore.get(volumeId);
    const backend = volumeBackend.get(volumeId);
    if (store === undefined || backend === undefined) return;
    const set = storeBackends.get(store) ?? new Set<string>();
    set.add(backend);
    storeBackends.set(store, set);
  };
  return {
    names, volumeStore, storeVolumeType, storeBackends, link,
    noteVolume(volumeId: string, store: string) {
      remember(volumeStore, volumeId, store, BOUNDED);
      link(volumeId);
    },
  };
}

/**
 * Placement of Glance stores on cinder backends, kept as facts arrive so that stores() costs the
 * number of stores, not of images: every store an image is in, the volume type of a store as a
 * transfer named it, the typed transfers whose store is not known yet, and the backends each
 * store's image-volumes were created on (volume → store joined with volume → backend as learned).
 * Stores named in the input and stores known only by their driver are kept apart: the latter are
 * the stores of a single-store Glance, shown only while the input names none.
 */
export function createStorePlacement(): StorePlacements {
  const volumeBackend = new Map<string, string>();
  const named = createStoreSide(volumeBackend);
  const unnamed = createStoreSide(volumeBackend);
  const transferVolumeType = new Map<string, string>();
  let pendingTyped: Transfer[] = [];

  const singleStore = (): boolean => named.names.size === 0;
  const storeOf = (x: Transfer): string | null =>
    x.store ??
    (x.volumeId === null ? null : (named.volumeStore.get(x.volumeId) ?? null)) ??
    (singleStore() ? (x.driver ?? (x.volumeId === null ? null : (unnamed.volumeStore.get(x.volumeId) ?? null))) : null);

  function stores(): Map<string, StorePlacement> {
    const side = singleStore() ? unnamed : named;
    if (pendingTyped.length > 0) {
      pendingTyped = pendingTyped.filter((x) => {
        const store = storeOf(x);
        if (store === null) return true;
        if (x.volumeType !== null && !transferVolumeType.has(store)) transferVolumeType.set(store, x.volumeType);
        return false;
      });
    }
    const types = new Map(side.storeVolumeType);
    for (const [store, type] of transferVolumeType) if (!types.has(store)) types.set(store, type);
    const out = new Map<string, StorePlacement>();
    const names = new Set([...side.storeBackends.keys(), ...side.storeVolumeType.keys(), ...side.names]);
    for (const name of [...names].sort()) out.set(name, { name, volumeType: types.get(name) ?? null, backends: [...(side.storeBackends.get(name) ?? [])].sort() });
    return out;
  }

  return {
    noteStore: (name) => void named.names.add(name),
    noteUnnamedStore: (driver) => void unnamed.names.add(driver),
    noteTypedTransfer: (x) => void pendingTyped.push(x),
    noteVolumeStore(volumeId, store) {
      named.names.add(store);
      named.noteVolume(volumeId, store);
    },
    noteUnnamedVolume(volumeId) {
      unnamed.names.add('cinder');
      unnamed.noteVolume(volumeId, 'cinder');
    },
    noteVolumeBackend(volumeId, backend) {
      remember(volumeBackend, volumeId, backend, BOUNDED);
      named.link(volumeId);
      unnamed.link(volumeId);
    },
    noteStoreVolumeType: (store, volumeType) => (store === null ? remember(unnamed.storeVolumeType, 'cinder', volumeType, BOUNDED) : remember(named.storeVolumeType, store, volumeType, BOUNDED)),
    storeVolumeType: (store) => named.storeVolumeType.get(store) ?? (singleStore() ? (unnamed.storeVolumeType.get(store) ?? null) : null),
    volumeBackend: (volumeId) => volumeBackend.get(volumeId) ?? null,
    singleStore,
    storeOf,
    stores,
  };
}
