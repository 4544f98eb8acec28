import type { ImageTransfer } from './image.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A transfer while it is being followed: mutable, and with the image it wrote (null until known). */
export type Transfer = Mutable<ImageTransfer> & { imageId: string | null };

/** What the image tracker knows of one image while the input is read (ImageData is its snapshot). */
export interface TrackedImage {
  readonly imageId: string;
  name: string | null;
  diskFormat: string | null;
  sizeBytes: number | null;
  readonly stores: Set<string>;
  readonly transfers: Transfer[];
  readonly served: { count: number; bytes: number; cacheHits: number };
  readonly volumes: { clone: number; copy: number };
  first: number | null;
  last: number | null;
}
