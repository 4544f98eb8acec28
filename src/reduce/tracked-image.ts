import type { ImageTransfer } from './image.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A transfer while it is being followed: mutable, with the image it wrote (null until known) and the
 * glance_store driver that wrote it (`cinder`, `rbd`, `file` …; null when no driver line showed it):
 * the store's name in a single-store Glance.
 */
export type Transfer = Mutable<ImageTransfer> & {
  imageId: string | null;
  driver: string | null;
  /** The driver's start line put the image in the store (rbd, swift: no success line); a failure takes it out again. */
  placedAtStart: boolean;
};

/** What the image tracker knows of one image while the input is read (ImageData is its snapshot). */
export interface TrackedImage {
  readonly imageId: string;
  name: string | null;
  diskFormat: string | null;
  sizeBytes: number | null;
  /** Stores named as holding the image. */
  readonly stores: Set<string>;
  /** Drivers of stores that hold the image but were not named (a single-store Glance's store goes by its driver). */
  readonly unnamed: Set<string>;
  readonly transfers: Transfer[];
  readonly served: { count: number; bytes: number; cacheHits: number };
  readonly volumes: { clone: number; copy: number };
  first: number | null;
  last: number | null;
}
