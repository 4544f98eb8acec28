import type { Origin } from '../model/log-record.ts';
import type { FlowPhase } from '../recognise/event-types.ts';
import type { ConversionDirUse } from './conversion-dir-use.ts';
import type { GlanceServe } from './image.ts';

export type VolumeSource = 'image' | 'raw' | 'snapshot' | 'source_vol' | 'backup' | 'other';
export type VolumeStatus = 'succeeded' | 'failed' | 'incomplete';
export type Provisioning = 'clone' | 'copy';
export type CloneMethod = 'rbd' | 'netapp' | 'glance-cinder' | 'image-cache' | 'unknown';
/** The phases cinder's lines open and close (declared with the events), and glance-api's serving of the image. */
export type PhaseName = FlowPhase | 'glance-serve';

/** One step of a provisioning, in epoch milliseconds. */
export interface Phase {
  readonly name: PhaseName;
  readonly start: number | null;
  readonly end: number | null;
  readonly sizeMB: number | null;
  readonly mbps: number | null;
}

export interface Reason {
  /** Stable code, e.g. `no-image-location`; see REASONS. */
  readonly code: string;
  /** Plain words, with the log's own values. */
  readonly message: string;
}

/** What to change so that the next such volume is a clone: stable code, plain words, a command if one exists. */
export interface Advice {
  readonly code: string;
  readonly message: string;
  readonly command: string | null;
}

/** A volume cinder created inside another volume's flow (the image-volume cache entry). */
export interface InternalVolume {
  readonly volumeId: string | null;
  readonly purpose: 'image-cache-entry';
  readonly status: VolumeStatus;
  readonly start: number | null;
  readonly end: number | null;
  readonly phases: readonly Phase[];
}

/** One provisioning timeline, as the reducer emits it (times in epoch ms; renderers format them). */
export interface Timeline {
  readonly volumeId: string | null;
  readonly source: VolumeSource;
  readonly imageId: string | null;
  readonly imageName: string | null;
  readonly diskFormat: string | null;
  readonly imageSizeMB: number | null;
  readonly volumeSizeGiB: number | null;
  readonly status: VolumeStatus;
  readonly provisioning: Provisioning | null;
  readonly cloneMethod: CloneMethod | null;
  readonly conversion: { readonly from: string; readonly to: string } | null;
  readonly cacheSeeded: boolean;
  readonly reasons: readonly Reason[];
  /** Placement-aware fixes (filled when the input shows where the image lives); empty otherwise. */
  readonly advice: readonly Advice[];
  /** glance-api sending this flow's image (joined by request id, §2.4), when glance-api's lines are in the input. */
  readonly glanceServe?: GlanceServe | null;
  readonly notes: readonly string[];
  readonly requestId: string;
  readonly globalRequestId: string | null;
  readonly host: string | null;
  readonly backend: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly phases: readonly Phase[];
  readonly internalVolumes: readonly InternalVolume[];
  readonly error: string | null;
  readonly rescheduled: boolean;
  readonly origin: Origin;
  /** What the create held in image_conversion_dir, and whether it failed for lack of space there (absent or null: nothing). */
  readonly conversionDir?: ConversionDirUse | null;
}
