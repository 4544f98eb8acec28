/**
 * What each event means, declared once next to the rows that produce it (style §13, as lnav's
 * format files declare what each capture means): the reducer, the classification and the phase
 * builder read these meanings instead of keeping lists of event names. The table test checks that
 * every row supplies the fields its event declares, of the declared kind.
 */

import type { ReasonCode } from '../reduce/reasons.ts';

/** What a field's text is: checked against every sample of every row of the event. */
export type FieldKind = 'uuid' | 'integer' | 'decimal' | 'text';

/** The timeline phases cinder's own lines open and close (`glance-serve` comes from the glance side). */
export type FlowPhase = 'clone' | 'download' | 'temporary-image' | 'convert' | 'volume-copy';

/**
 * Where in its phase the event is: `start` and `end` bracket it; `details` (a DEBUG line with the
 * real duration) and `done` (an INFO line with MB/s) are both logged at the end of a measured step.
 */
export type PhaseEdge = 'start' | 'end' | 'details' | 'done';

/**
 * What the event does to the create it belongs to: `starts` it (the flow start line with the spec),
 * `succeeds` or `fails` it (taskflow's end, a short grace for trailing lines follows), `created` (the
 * manager's last line: the create is over), `rescheduled` (failed here, retried on another backend);
 * `task-state` / `flow-state`: a taskflow state change that fails the create only for some states.
 */
export type CreateEffect = 'starts' | 'succeeds' | 'created' | 'fails' | 'rescheduled' | 'task-state' | 'flow-state';

/**
 * A reason a copy was not a clone that an event gives, read by the classification: the reason's
 * code, the condition on one of the event's fields (none: always), and the reason message's
 * parameters, each taken from a field of the event or (`spec.diskFormat`) from the flow start's spec.
 */
export interface ReasonRule<K extends string = string> {
  readonly code: ReasonCode;
  readonly when?: { readonly field: K; readonly equals?: string; readonly includes?: string };
  readonly params?: Readonly<Record<string, K | 'spec.diskFormat'>>;
  /**
   * The rule does not apply when the flow holds one of these events (event type names, checked by
   * the table test): what a line shows cinder skipped, said by the absence of the lines it logs
   * when it does not skip (e.g. a cinder:// location with no glance-cinder line after it).
   */
  readonly unless?: readonly string[];
}

export interface EventMeaning {
  /** cinder-volume's line (may belong to a create flow), or glance-api's / glance_store's (feeds the image tracker only). */
  readonly side: 'cinder' | 'glance';
  /** Seen for a request id with no flow yet, the event starts one (an excerpt may begin mid-flow); context-only events never do. */
  readonly opensFlow: boolean;
  /** While a cache-seeding create is open inside a flow, the event belongs to that inner create. */
  readonly nested: boolean;
  /** It shows the Glance download / qemu-img / dd data path ran for this volume (it was copied, not cloned). */
  readonly dataPath: boolean;
  /** It shows the volume was created from an image, when the flow start line is not in the input. */
  readonly fromImage: boolean;
  /** Its `volumeId` is the volume of the create it belongs to (not a source or a cache entry). */
  readonly namesVolume: boolean;
  /** Its line is the error text of a failed create when taskflow logged no exception summary. */
  readonly errorLine: boolean;
  readonly create: CreateEffect | null;
  /**
   * The outcome the line tells by itself of the volume it names: seen in a flow whose start line is
   * not in the input (an excerpt, a rotated log), the flow ends with it, marked as started outside the
   * input; in a flow whose start is in the input it changes nothing (taskflow's lines end the create).
   */
  readonly outcome: 'failed' | null;
  readonly phase: { readonly name: FlowPhase; readonly edge: PhaseEdge } | null;
  /** The reasons a copy was not a clone the event may give; the first rule that applies gives it (none: no reason). */
  readonly reasons: readonly ReasonRule[];
  /** The named groups its rows capture, with the kind of text each holds. */
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** A glance_store driver writing an image into its store (glance side only; null: not a store write). */
  readonly storeWrite: StoreWrite | null;
}

/**
 * A glance_store driver's line about writing image data: which driver (a single-store Glance's store
 * goes by it); whether it starts the write or ends it (the driver's success line, with the bytes);
 * whether it puts the image in the store: a success line does, and so does the start line of a
 * driver that logs no success (rbd, swift), undone if the write then fails.
 */
export interface StoreWrite {
  readonly driver: 'file' | 'rbd' | 'cinder' | 'swift' | 's3';
  readonly edge: 'start' | 'end';
  readonly places: boolean;
}

type Fields = Readonly<Record<string, FieldKind>>;

/** A cinder-volume event: what is not said is false (null for the create effect and the phase). */
function cinder<const F extends Fields>(
  m: Partial<Omit<EventMeaning, 'side' | 'fields' | 'opensFlow' | 'reasons' | 'storeWrite'>> & { readonly opensFlow: boolean; readonly fields: F; readonly reasons?: readonly ReasonRule<keyof F & string>[] },
): Omit<EventMeaning, 'fields'> & { readonly fields: F } {
  return {
    side: 'cinder', opensFlow: m.opensFlow, nested: m.nested ?? false, dataPath: m.dataPath ?? false, fromImage: m.fromImage ?? false,
    namesVolume: m.namesVolume ?? false, errorLine: m.errorLine ?? false, create: m.create ?? null, outcome: m.outcome ?? null, phase: m.phase ?? null, reasons: m.reasons ?? [], fields: m.fields,
    storeWrite: null,
  };
}

/** A glance-api / glance_store event: never part of a cinder flow, even when the request ids coincide. */
function glance<const F extends Fields>(m: { readonly fields: F; readonly storeWrite?: StoreWrite }): Omit<EventMeaning, 'fields'> & { readonly fields: F } {
  return { side: 'glance', opensFlow: false, nested: false, dataPath: false, fromImage: false, namesVolume: false, errorLine: false, create: null, outcome: null, phase: null, reasons: [], fields: m.fields, storeWrite: m.storeWrite ?? null };
}

/** The glance-cinder optimisation's own lines (reference §3.3): any of them shows cinder tried it. */
const GLANCE_CINDER_LINES = ['glanceCinderUsing', 'glanceCinderNotRaw', 'glanceCinderNotAccessible', 'glanceCinderWillClone', 'glanceCinderNoImageVolume', 'glanceCinderCloneFailed', 'glanceCinderMalformedLocation'];

export const EVENT_TYPES = {
  // create flow (cinder.volume.flows.manager.create_volume, cinder.volume.manager)
  flowStart: cinder({ opensFlow: true, create: 'starts', namesVolume: true, fields: { volumeId: 'uuid', createType: 'text', spec: 'text', method: 'text' } }),
  flowSucceeded: cinder({ opensFlow: true, create: 'succeeds', phase: { name: 'clone', edge: 'end' }, nested: true, namesVolume: true, fields: { volumeName: 'text', volumeId: 'uuid' } }),
  managerCreated: cinder({ opensFlow: false, create: 'created', nested: true, fields: {} }),
  flowFailed: cinder({ opensFlow: true, create: 'fails', nested: true, namesVolume: true, fields: { volumeId: 'uuid' } }),
  managerFlowFailed: cinder({ opensFlow: false, create: 'fails', errorLine: true, fields: { error: 'text' } }),
  flowRescheduling: cinder({ opensFlow: true, fields: { volumeId: 'uuid', method: 'text', attempt: 'integer', reason: 'text' } }),
  flowRescheduled: cinder({ opensFlow: true, create: 'rescheduled', fields: { volumeId: 'uuid' } }),
  driverNotInitialized: cinder({ opensFlow: false, create: 'fails', errorLine: true, fields: { driver: 'text' } }),
  taskState: cinder({ opensFlow: false, create: 'task-state', nested: true, fields: { task: 'text', taskId: 'uuid', state: 'text', from: 'text', rest: 'text' } }),
  flowState: cinder({ opensFlow: false, create: 'flow-state', nested: true, fields: { flow: 'text', flowId: 'uuid', state: 'text', from: 'text' } }),
  cloneAttempt: cinder({
    opensFlow: true, fromImage: true, namesVolume: true, fields: { volumeId: 'uuid', imageId: 'uuid', location: 'text' },
    // _clone_image_volume logs on every path but two silent returns (no location, encrypted volume): a
    // cinder:// location in this DEBUG line with no glance-cinder line after it means it was never called.
    reasons: [{ code: 'glance-cinder-not-tried', when: { field: 'location', includes: 'cinder://' }, unless: GLANCE_CINDER_LINES }],
  }),
  // glance-cinder optimisation
  glanceCinderUsing: cinder({ opensFlow: true, fields: { volumeId: 'uuid', imageId: 'uuid' } }),
  glanceCinderNotRaw: cinder({ opensFlow: true, fields: { imageId: 'uuid' }, reasons: [{ code: 'image-not-raw', params: { format: 'spec.diskFormat' } }] }),
  glanceCinderNotAccessible: cinder({ opensFlow: true, fields: { imageVolumeId: 'uuid' }, reasons: [{ code: 'image-volume-not-accessible', params: { id: 'imageVolumeId' } }] }),
  glanceCinderWillClone: cinder({ opensFlow: true, phase: { name: 'clone', edge: 'start' }, fromImage: true, fields: { imageVolumeId: 'uuid' } }),
  glanceCinderNoImageVolume: cinder({ opensFlow: true, fields: { imageId: 'uuid' }, reasons: [{ code: 'no-image-volume' }] }),
  glanceCinderCloneFailed: cinder({ opensFlow: true, fields: { imageVolumeId: 'uuid', error: 'text' }, reasons: [{ code: 'glance-cinder-clone-failed', params: { id: 'imageVolumeId' } }] }),
  glanceCinderMalformedLocation: cinder({ opensFlow: true, fields: { url: 'text' }, reasons: [{ code: 'malformed-location', params: { url: 'url' } }] }),
  glanceLocationsForbidden: cinder({ opensFlow: false, fields: { method: 'text' }, reasons: [{ code: 'glance-locations-api-forbidden' }] }),
  glanceMethodUnavailable: cinder({ opensFlow: false, fields: { method: 'text' } }),
  // image-volume cache
  // _prepare_image_cache_entry (Found / Preparing) runs first for every volume but an encrypted one.
  cacheAttempt: cinder({ opensFlow: true, fields: { imageId: 'uuid', cacheHost: 'text' }, reasons: [{ code: 'encrypted-volume', unless: ['cacheFound', 'cachePreparing'], params: { cacheImageId: 'imageId' } }] }),
  cacheFound: cinder({ opensFlow: true, fields: { imageId: 'uuid', cacheHost: 'text' } }),
  cachePreparing: cinder({ opensFlow: true, fields: { imageId: 'uuid', cacheHost: 'text' }, reasons: [{ code: 'cache-miss' }] }),
  cacheCloneFrom: cinder({ opensFlow: true, phase: { name: 'clone', edge: 'start' }, fromImage: true, fields: { cacheVolumeId: 'uuid' } }),
  cacheBackendCannotClone: cinder({ opensFlow: true, fields: {}, reasons: [{ code: 'cache-backend-cannot-clone' }] }),
  cacheNoInternalContext: cinder({ opensFlow: true, fields: {}, reasons: [{ code: 'cache-unavailable-no-internal-tenant' }] }),
  cacheSnapshotLimit: cinder({ opensFlow: true, fields: {}, reasons: [{ code: 'cache-snapshot-limit' }] }),
  cacheCloneFailed: cinder({ opensFlow: true, fields: { error: 'text' }, reasons: [{ code: 'cache-clone-failed', params: { error: 'error' } }] }),
  cacheEntryFound: cinder({ opensFlow: false, fields: { entry: 'text' } }),
  cacheEntryOutdated: cinder({ opensFlow: false, fields: { entry: 'text' }, reasons: [{ code: 'cache-entry-outdated' }] }),
  cacheEntryDeleted: cinder({ opensFlow: false, fields: { why: 'text', entry: 'text' }, reasons: [{ code: 'cache-entry-outdated', when: { field: 'why', equals: 'that is out-dated' } }] }),
  cacheReclaiming: cinder({ opensFlow: false, fields: { entry: 'text' } }),
  cacheEvicting: cinder({ opensFlow: false, fields: { entry: 'text' } }),
  cacheSpace: cinder({ opensFlow: false, fields: { service: 'text', sizeGb: 'integer', maxGb: 'integer', count: 'integer', maxCount: 'integer' } }),
  cacheSpaceAfter: cinder({ opensFlow: false, fields: { service: 'text', sizeGb: 'integer', count: 'integer' } }),
  cacheNoSpace: cinder({ opensFlow: false, fields: { service: 'text' } }),
  cacheEntryCreating: cinder({ opensFlow: false, fields: { imageId: 'uuid', service: 'text' } }),
  cacheEntryCreated: cinder({ opensFlow: false, fields: { entry: 'text' } }),
  cacheEntryExists: cinder({ opensFlow: false, fields: { imageId: 'uuid' } }),
  cacheEntryNotCreated: cinder({ opensFlow: false, fields: { imageId: 'uuid', service: 'text', error: 'text' } }),
  cacheImageVolumeEntry: cinder({ opensFlow: false, fields: { values: 'text' } }),
  cacheNotification: cinder({ opensFlow: false, fields: { action: 'text', data: 'text' }, reasons: [{ code: 'cache-miss', when: { field: 'action', equals: 'miss' } }] }),
  cacheServiceState: cinder({ opensFlow: false, fields: { state: 'text', cacheHost: 'text' } }),
  internalTenantMissing: cinder({ opensFlow: false, fields: {}, reasons: [{ code: 'cache-unavailable-no-internal-tenant' }] }),
  // download / temporary image / conversion (cinder.image.image_utils)
  downloadDetails: cinder({ opensFlow: true, phase: { name: 'download', edge: 'details' }, dataPath: true, fromImage: true, fields: { dest: 'text', sizeMB: 'decimal', durationSec: 'decimal' } }),
  downloadDone: cinder({ opensFlow: true, phase: { name: 'download', edge: 'done' }, dataPath: true, fromImage: true, fields: { sizeMB: 'decimal', mbps: 'decimal' } }),
  downloadFailed: cinder({ opensFlow: true, dataPath: true, fromImage: true, errorLine: true, fields: { path: 'text', imageId: 'uuid', error: 'text', errno: 'integer' } }),
  tempImageFetched: cinder({ opensFlow: true, phase: { name: 'temporary-image', edge: 'start' }, dataPath: true, fromImage: true, fields: { imageId: 'uuid', user: 'text' } }),
  tempImageDeleted: cinder({ opensFlow: true, phase: { name: 'temporary-image', edge: 'end' }, fields: { imageId: 'uuid', user: 'text' } }),
  conversionFormats: cinder({ opensFlow: true, phase: { name: 'convert', edge: 'start' }, dataPath: true, fields: { imageId: 'uuid', from: 'text', to: 'text' } }),
  conversionDetails: cinder({ opensFlow: true, phase: { name: 'convert', edge: 'details' }, dataPath: true, fields: { src: 'text', sizeMB: 'decimal', durationSec: 'decimal', dest: 'text' } }),
  conversionDone: cinder({ opensFlow: true, phase: { name: 'convert', edge: 'done' }, dataPath: true, fromImage: true, fields: { sizeMB: 'decimal', mbps: 'decimal', src: 'text', dest: 'text', error: 'text' } }),
  conversionFailed: cinder({ opensFlow: true, phase: { name: 'convert', edge: 'end' }, errorLine: true, fields: { location: 'text' } }),
  imageRejected: cinder({ opensFlow: true, errorLine: true, fields: { what: 'text', imageId: 'uuid', from: 'text', actual: 'text', createType: 'text', allowed: 'text', dataFile: 'text' } }),
  // ImageConversionNotAllowed, read from the traceback of the create's failure lines (rows/raised.ts)
  imageConversionRefused: cinder({ opensFlow: false, fields: { imageId: 'uuid', volumeFormat: 'text', diskFormat: 'text' }, reasons: [{ code: 'image-conversion-disabled', params: { image: 'imageId', from: 'diskFormat', to: 'volumeFormat' } }] }),
  ddCopyImage: cinder({ opensFlow: true, dataPath: true, fields: { tmp: 'text', dest: 'text', size: 'integer' } }),
  // cinder.volume.volume_utils / cinder.volume.driver
  downloadAttempt: cinder({ opensFlow: true, phase: { name: 'download', edge: 'start' }, dataPath: true, fromImage: true, namesVolume: true, fields: { imageId: 'uuid', location: 'text', volumeId: 'uuid' } }),
  copyImageFailed: cinder({ opensFlow: true, outcome: 'failed', phase: { name: 'convert', edge: 'end' }, dataPath: true, fromImage: true, namesVolume: true, fields: { imageId: 'uuid', volumeId: 'uuid', error: 'text' } }),
  imageDownloaded: cinder({ opensFlow: true, phase: { name: 'download', edge: 'end' }, dataPath: true, fromImage: true, namesVolume: true, fields: { imageId: 'uuid', location: 'text', volumeId: 'uuid' } }),
  volumeCopyDetails: cinder({ opensFlow: false, phase: { name: 'volume-copy', edge: 'details' }, nested: true, fields: { src: 'text', dest: 'text', sizeMB: 'decimal', durationSec: 'decimal' } }),
  volumeCopyDone: cinder({ opensFlow: false, phase: { name: 'volume-copy', edge: 'done' }, nested: true, fields: { sizeMB: 'decimal', mbps: 'decimal' } }),
  genericCopyImage: cinder({ opensFlow: true, dataPath: true, fields: { volumeName: 'text' } }),
  // drivers
  volumeEncryptor: cinder({ opensFlow: false, fields: { encryptor: 'text', connection: 'text' }, reasons: [{ code: 'encrypted-volume', params: { encryptor: 'encryptor' } }] }),
  lvmCloneVolume: cinder({ opensFlow: false, phase: { name: 'clone', edge: 'start' }, nested: true, fields: { sourceVolumeId: 'uuid' } }),
  rbdNotCloneable: cinder({ opensFlow: true, fields: { reason: 'text' }, reasons: [{ code: 'rbd-not-in-rbd', when: { field: 'reason', includes: 'Not stored in RBD' }, params: { detail: 'reason' } }, { code: 'rbd-not-cloneable', params: { detail: 'reason' } }] }),
  rbdDifferentCluster: cinder({ opensFlow: true, fields: { location: 'text' }, reasons: [{ code: 'rbd-different-cluster' }] }),
  rbdNotRaw: cinder({ opensFlow: true, fields: { image: 'text', format: 'text' }, reasons: [{ code: 'image-not-raw', params: { format: 'format' } }] }),
  rbdUnableToOpen: cinder({ opensFlow: true, fields: { location: 'text', error: 'text' }, reasons: [{ code: 'rbd-unable-to-open', params: { detail: 'error' } }] }),
  rbdImageClone: cinder({ opensFlow: true, phase: { name: 'clone', edge: 'start' }, fromImage: true, fields: { pool: 'text', image: 'uuid', snap: 'text', dest: 'text' } }),
  rbdVolumeClone: cinder({ opensFlow: false, phase: { name: 'clone', edge: 'start' }, nested: true, fields: { srcVol: 'text', srcSnap: 'text', dest: 'text' } }),
  rbdFlatten: cinder({ opensFlow: false, nested: true, fields: { depth: 'integer' } }),
  netappPostClone: cinder({ opensFlow: true, phase: { name: 'clone', edge: 'start' }, fromImage: true, fields: { volumeName: 'text' } }),
  netappCloneUnsuccessful: cinder({ opensFlow: true, fields: { imageId: 'uuid', msg: 'text' }, reasons: [{ code: 'netapp-clone-unsuccessful', params: { msg: 'msg' } }] }),
  netappRegularDownload: cinder({ opensFlow: true, dataPath: true, fromImage: true, fields: { volumeName: 'text' } }),
  netappCloneCheck: cinder({ opensFlow: true, phase: { name: 'clone', edge: 'start' }, fields: { image: 'uuid' } }),
  netappCopied: cinder({ opensFlow: true, fromImage: true, namesVolume: true, fields: { volumeName: 'text', how: 'text', imageId: 'uuid', volumeId: 'uuid' } }),
  netappCrossPoolRefused: cinder({ opensFlow: true, fields: { error: 'text' }, reasons: [{ code: 'cross-pool-clone-refused' }] }),
  netappLunClone: cinder({ opensFlow: false, phase: { name: 'clone', edge: 'start' }, nested: true, fields: { name: 'text', attempt: 'integer' } }),
  backendCloneFailed: cinder({ opensFlow: false, nested: true, errorLine: true, fields: { srcVol: 'text', srcSnap: 'text', dest: 'text', error: 'text', name: 'text', source: 'text', share: 'text' } }),
  // glance-api and glance_store (reference §8): image uploads, imports, serving; never open a cinder flow
  glanceStoreCreating: glance({ fields: { imageSize: 'integer', sizeGb: 'integer', volumeType: 'text' }, storeWrite: { driver: 'cinder', edge: 'start', places: false } }),
  glanceStoreZeroSize: glance({ fields: {} }),
  glanceStoreExtending: glance({ fields: { mode: 'text', volumeId: 'uuid', sizeGb: 'integer' } }),
  glanceStoreWriting: glance({ fields: { bytesWritten: 'integer', sizeGb: 'integer', needExtend: 'text', imageSize: 'integer' } }),
  glanceStoreWrote: glance({ fields: { bytes: 'integer', volumeId: 'uuid', checksum: 'text' }, storeWrite: { driver: 'cinder', edge: 'end', places: true } }),
  glanceStoreFailed: glance({ fields: { what: 'text', volumeId: 'uuid', status: 'text', tries: 'integer', unexpected: 'text', expected: 'text', error: 'text', imageId: 'uuid' } }),
  glanceStoreConfig: glance({ fields: { volumeType: 'text', volumeId: 'uuid' } }),
  glanceStoreAttachment: glance({ fields: { user: 'text', url: 'text', attachmentId: 'uuid', action: 'text', connInfo: 'text', volumeId: 'uuid' } }),
  glanceFileWrote: glance({ fields: { bytes: 'integer', path: 'text', checksum: 'text', multihash: 'text' }, storeWrite: { driver: 'file', edge: 'end', places: true } }),
  glanceFileFound: glance({ fields: { path: 'text' } }),
  glanceRbdCreating: glance({ fields: { imageId: 'uuid', order: 'integer', size: 'integer' }, storeWrite: { driver: 'rbd', edge: 'start', places: true } }),
  glanceSwiftAdding: glance({ fields: { imageId: 'uuid' }, storeWrite: { driver: 'swift', edge: 'start', places: true } }),
  glanceS3Adding: glance({ fields: { s3Host: 'text', bucket: 'text', imageId: 'uuid' }, storeWrite: { driver: 's3', edge: 'start', places: false } }),
  glanceS3Wrote: glance({ fields: { bytes: 'integer', imageId: 'uuid', checksum: 'text', uploadId: 'text' }, storeWrite: { driver: 's3', edge: 'end', places: true } }),
  glanceRequest: glance({ fields: { workerPid: 'integer', client: 'text', started: 'text', method: 'text', path: 'text', api: 'integer', imageId: 'uuid', sub: 'text', bytes: 'integer', ms: 'integer', status: 'integer', secs: 'decimal' } }),
  glanceRequestStart: glance({ fields: { method: 'text', path: 'text', api: 'integer', imageId: 'uuid', sub: 'text', accept: 'text' } }),
  glanceSortedLocations: glance({ fields: { locations: 'text' } }),
  glanceCacheHit: glance({ fields: { imageId: 'uuid' } }),
  glanceCacheTee: glance({ fields: { imageId: 'uuid' } }),
  glanceCacheInit: glance({ fields: {} }),
  glanceReadFailed: glance({ fields: { imageId: 'uuid', error: 'text' } }),
  glanceInspection: glance({ fields: { imageId: 'uuid', virtualSize: 'integer', format: 'text', error: 'text' } }),
  glanceFormatMismatch: glance({ fields: { claimed: 'text', actual: 'text' } }),
  glanceUploadFailed: glance({ fields: { what: 'text', error: 'text' } }),
  glanceImportAlreadyInStore: glance({ fields: { store: 'text' } }),
  glanceImportNote: glance({ fields: { uri: 'text', imageId: 'uuid', error: 'text', method: 'text', host: 'text', stores: 'text', key: 'text', taskId: 'text', status: 'text', fn: 'text', remote: 'text', store: 'text', file: 'text', errno: 'integer', detected: 'text', target: 'text' } }),
  glanceTaskStatus: glance({ fields: { taskId: 'uuid', from: 'text', to: 'text' } }),
  glanceTaskPicked: glance({ fields: { taskId: 'uuid', taskType: 'text' } }),
  glanceImportAtom: glance({ fields: { name: 'text', taskId: 'uuid', atomId: 'uuid', state: 'text', from: 'text', rest: 'text' } }),
  glanceImportStores: glance({ fields: { imageId: 'uuid', key: 'text', stores: 'text' } }),
  glanceImageStatus: glance({ fields: { imageId: 'uuid', from: 'text', to: 'text' } }),
  glanceImportLock: glance({ fields: { imageId: 'uuid', taskId: 'uuid', state: 'text' } }),
  glanceImportStoreFailed: glance({ fields: { taskId: 'uuid', taskType: 'text' } }),
  glanceImportProgress: glance({ fields: { imageId: 'uuid', copiedMiB: 'integer' } }),
  glanceTaskCompleted: glance({ fields: { taskId: 'uuid', taskType: 'text' } }),
  glanceTaskFailed: glance({ fields: { taskId: 'uuid', error: 'text', imageId: 'uuid' } }),
  glanceConversionUpdated: glance({ fields: { imageId: 'uuid', size: 'integer', diskFormat: 'text' } }),
  glanceParallelStore: glance({ fields: { outcome: 'text', store: 'text', imageId: 'uuid', size: 'integer', error: 'text' } }),
} as const satisfies Record<string, EventMeaning>;

export type EventType = keyof typeof EVENT_TYPES;

/** Every field name some event declares: what `Event.fields` may be asked for. */
export type FieldName = { [E in EventType]: keyof (typeof EVENT_TYPES)[E]['fields'] & string }[EventType];

/** The meaning of an event type (one lookup, for code that holds a type rather than an event). */
export const meaningOf = (type: EventType): EventMeaning => EVENT_TYPES[type];
