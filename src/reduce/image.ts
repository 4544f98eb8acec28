/** What the input shows about Glance images: where each lives, how it got there, how it was served. */

/** One write of the image's data into a store: an upload (`PUT …/file`) or an import (ImportToStore, copy-image …). */
export interface ImageTransfer {
  readonly kind: 'upload' | 'import';
  /** Import method when the atoms show it: `copy-image`, `web-download`, `glance-download`, `glance-direct`. */
  readonly method: string | null;
  /** Glance store name (null when the lines do not name it: a single-store upload). */
  readonly store: string | null;
  /** Cinder volume type the cinder store created its image-volume with (`Creating a new volume: … type=…`). */
  readonly volumeType: string | null;
  /** The image-volume (cinder store) that received the data. */
  readonly volumeId: string | null;
  readonly bytes: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly status: 'succeeded' | 'failed' | 'incomplete';
  readonly host: string | null;
  readonly requestId: string | null;
}

/** glance-api sending the image data to a client (cinder's download): the request line, its size and time. */
export interface GlanceServe {
  readonly host: string | null;
  /** glance's request id: cinder's global_request_id (nova created the volume) or request_id (§2.4). */
  readonly requestId: string | null;
  readonly imageId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  readonly start: number | null;
  readonly end: number | null;
  /** true: served from glance-api's local image cache; false: read from the store (and teed into the cache); null: not logged. */
  readonly cacheHit: boolean | null;
}

/** A Glance store and what the input tells about it. */
export interface StorePlacement {
  readonly name: string;
  readonly volumeType: string | null;
  /** Cinder backends (`host@backend` without the pool) that hold this store's image-volumes. */
  readonly backends: readonly string[];
}

/** One image at the end of the input (or when asked). */
export interface ImageData {
  readonly imageId: string;
  readonly name: string | null;
  readonly diskFormat: string | null;
  readonly sizeBytes: number | null;
  /** Stores that hold the image, sorted. */
  readonly stores: readonly string[];
  readonly storeDetails: readonly StorePlacement[];
  readonly transfers: readonly ImageTransfer[];
  readonly served: { readonly count: number; readonly bytes: number; readonly cacheHits: number };
  readonly volumes: { readonly clone: number; readonly copy: number };
  readonly first: number | null;
  readonly last: number | null;
}

/** What the advice needs to know about an image's placement. */
export interface PlacementView {
  readonly stores: readonly StorePlacement[];
  /** Every store the input shows, with its backends (to find one on the volume's backend). */
  readonly allStores: readonly StorePlacement[];
  /** The volume's backend when the flow did not show it (from the Volume repr of its taskflow lines). */
  readonly volumeBackend: string | null;
}
