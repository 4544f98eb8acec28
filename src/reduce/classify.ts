import type { Event } from '../recognise/event.ts';
import { meaningOf } from '../recognise/event-types.ts';
import { parseImageLocation, type ImageLocation } from '../recognise/parse-image-location.ts';
import { findEvent, hasEvent, indexOf, lastIndexOf, type Flow } from './flow.ts';
import { REASONS, type ReasonCode } from './reasons.ts';
import type { CloneMethod, Provisioning, Reason, VolumeSource } from './timeline.ts';

export interface Classification {
  readonly provisioning: Provisioning | null;
  readonly cloneMethod: CloneMethod | null;
  readonly conversion: { readonly from: string; readonly to: string } | null;
  readonly cacheSeeded: boolean;
  readonly reasons: readonly Reason[];
  readonly notes: readonly string[];
}

/** What the host's service-start lines told (reference §0.2 (c): cache disabled on a backend). */
export interface HostFacts {
  readonly cacheDisabled: ReadonlySet<string>;
}

/**
 * The decision rule of reference §0.1, over one flow's events: driver clone (RBD, NetApp), then
 * glance-cinder clone, then image-volume-cache clone, then copy; reasons from the fallbacks of §0.2.
 */
export function classify(flow: Flow, source: VolumeSource, backend: string | null, facts: HostFacts): Classification {
  const ev = flow.events;
  const downloaded = ev.some((e) => meaningOf(e.type).dataPath);
  const n1 = lastIndexOf(ev, 'netappPostClone');
  const g1 = indexOf(ev, 'glanceCinderWillClone');
  const netappCopied = findEvent(ev, 'netappCopied');
  const notes: string[] = [];
  let provisioning: Provisioning | null = null;
  let cloneMethod: CloneMethod | null = null;

  if (hasEvent(ev, 'rbdImageClone')) [provisioning, cloneMethod] = ['clone', 'rbd'];
  else if (n1 >= 0 && !(lastIndexOf(ev, 'netappCloneUnsuccessful') > n1)) [provisioning, cloneMethod] = ['clone', 'netapp'];
  else if (netappCopied && !downloaded) [provisioning, cloneMethod] = ['clone', 'netapp'];
  else if (g1 >= 0 && !(lastIndexOf(ev, 'glanceCinderCloneFailed') > g1) && !downloaded) [provisioning, cloneMethod] = ['clone', 'glance-cinder'];
  else if (hasEvent(ev, 'cacheCloneFrom') && !downloaded) [provisioning, cloneMethod] = ['clone', 'image-cache'];
  else if (downloaded) provisioning = 'copy';
  else if (source === 'image' && hasEvent(ev, 'lvmCloneVolume') && flow.status === 'succeeded') {
    [provisioning, cloneMethod] = ['clone', 'image-cache'];
    notes.push('clone of the cached image-volume inferred from the LVM clone line (the cache lines are DEBUG)');
  } else if (source === 'image' && flow.status === 'succeeded') {
    [provisioning, cloneMethod] = ['clone', 'unknown'];
    notes.push('no download, conversion or clone line: the backend cloned without logging it, or DEBUG logging is off');
  }

  if (netappCopied && cloneMethod === 'netapp') {
    const how = netappCopied.fields['how'];
    notes.push(how === 'cloning' ? 'NetApp cloned the image from its NFS image cache' : `NetApp copied the image on the storage (${how}), not an instant file clone`);
  }
  if (cloneMethod === 'image-cache' && hasEvent(ev, 'volumeCopyDone', 'lvmCloneVolume')) {
    notes.push('the backend clone of the cached image-volume is a full dd copy (LVM thick)');
  }
  if (flow.startOutside) notes.push("the start of this volume's flow is not in the input: its status and the copy come from the failure line");
  if (hasEvent(ev, 'rbdFlatten')) notes.push('the RBD clone was flattened (maximum clone depth): a full copy inside Ceph');

  const conversion = conversionOf(ev, provisioning, flow, notes);
  const cacheSeeded = hasEvent(ev, 'cacheEntryCreated') || flow.internal.some((f) => f.status === 'succeeded' && hasEvent(ev, 'cachePreparing'));
  if (hasEvent(ev, 'cachePreparing') && !cacheSeeded && flow.status !== 'open') {
    notes.push(hasEvent(ev, 'cacheEntryNotCreated') ? 'the image-volume cache entry was not created (see the cache warning)' : 'the cache was to be seeded, but no new cache entry was logged');
  }
  if (hasEvent(ev, 'tempImageFetched') && !hasEvent(ev, 'tempImageDeleted') && flow.status === 'failed') {
    notes.push('the temporary image deletion was not logged (the create failed while it was in use; cinder still removes the file)');
  }
  const reasons = provisioning === 'copy' ? reasonsOf(flow, backend, facts) : [];
  return { provisioning, cloneMethod, conversion, cacheSeeded, reasons, notes };
}

function conversionOf(ev: readonly Event[], provisioning: Provisioning | null, flow: Flow, notes: string[]): Classification['conversion'] {
  const formats = ev.findLast((e) => e.type === 'conversionFormats');
  if (formats) {
    const from = formats.fields['from'] ?? '';
    const to = formats.fields['to'] ?? '';
    if (from !== to) return { from, to };
    if (hasEvent(ev, 'conversionDone')) notes.push(`qemu-img rewrote the ${from} image as ${to}: the "Converted" line of a ${from}→${to} copy is no format conversion`);
    return null;
  }
  const disk = flow.spec?.diskFormat;
  if (provisioning === 'copy' && disk && disk !== 'raw' && hasEvent(ev, 'conversionDone', 'conversionDetails', 'downloadDone', 'downloadDetails')) {
    notes.push(`conversion ${disk}→raw inferred from the image's disk_format (the DEBUG line naming the formats is absent)`);
    return { from: disk, to: 'raw' };
  }
  return null;
}

function reasonsOf(flow: Flow, backend: string | null, facts: HostFacts): Reason[] {
  const out = new Map<ReasonCode, string>();
  const add = (code: ReasonCode, message: string) => {
    if (!out.has(code)) out.set(code, message);
  };
  for (const e of flow.events) {
    const f = e.fields;
    switch (e.type) {
      case 'rbdNotCloneable': {
        const detail = f['reason'];
        if (detail?.includes('Not stored in RBD')) add('rbd-not-in-rbd', REASONS['rbd-not-in-rbd']({ detail }));
        else add('rbd-not-cloneable', REASONS['rbd-not-cloneable']({ detail }));
        break;
      }
      case 'rbdDifferentCluster': add('rbd-different-cluster', REASONS['rbd-different-cluster']()); break;
      case 'rbdNotRaw': add('image-not-raw', REASONS['image-not-raw']({ format: f['format'] })); break;
      case 'rbdUnableToOpen': add('rbd-unable-to-open', REASONS['rbd-unable-to-open']({ detail: f['error'] })); break;
      case 'netappCloneUnsuccessful': add('netapp-clone-unsuccessful', REASONS['netapp-clone-unsuccessful']({ msg: f['msg'] })); break;
      case 'netappCrossPoolRefused': add('cross-pool-clone-refused', REASONS['cross-pool-clone-refused']()); break;
      case 'glanceLocationsForbidden': add('glance-locations-api-forbidden', REASONS['glance-locations-api-forbidden']()); break;
      case 'glanceCinderNotRaw': add('image-not-raw', REASONS['image-not-raw']({ format: flow.spec?.diskFormat ?? undefined })); break;
      case 'glanceCinderNotAccessible': add('image-volume-not-accessible', REASONS['image-volume-not-accessible']({ id: f['imageVolumeId'] })); break;
      case 'glanceCinderNoImageVolume': add('no-image-volume', REASONS['no-image-volume']()); break;
      case 'glanceCinderCloneFailed': add('glance-cinder-clone-failed', REASONS['glance-cinder-clone-failed']({ id: f['imageVolumeId'] })); break;
      case 'glanceCinderMalformedLocation': add('malformed-location', REASONS['malformed-location']({ url: f['url'] })); break;
      case 'cacheNoInternalContext':
      case 'internalTenantMissing': add('cache-unavailable-no-internal-tenant', REASONS['cache-unavailable-no-internal-tenant']()); break;
      case 'cacheBackendCannotClone': add('cache-backend-cannot-clone', REASONS['cache-backend-cannot-clone']()); break;
      case 'cacheCloneFailed': add('cache-clone-failed', REASONS['cache-clone-failed']({ error: f['error'] })); break;
      case 'volumeEncryptor': add('encrypted-volume', REASONS['encrypted-volume']({ encryptor: /\.(\w+Encryptor)\b/.exec(f['encryptor'] ?? '')?.[1] })); break;
      case 'cacheSnapshotLimit': add('cache-snapshot-limit', REASONS['cache-snapshot-limit']()); break;
      case 'cacheEntryOutdated': add('cache-entry-outdated', REASONS['cache-entry-outdated']()); break;
      case 'cacheEntryDeleted': if (f['why'] === 'that is out-dated') add('cache-entry-outdated', REASONS['cache-entry-outdated']()); break;
      case 'cachePreparing': add('cache-miss', REASONS['cache-miss']()); break;
      case 'cacheNotification': if (f['action'] === 'miss') add('cache-miss', REASONS['cache-miss']()); break;
      default: break;
    }
  }
  const location = locationOf(flow);
  if (location !== null && !location.exposed) add('no-image-location', REASONS['no-image-location']());
  if (backend !== null && facts.cacheDisabled.has(backend)) add('cache-disabled', REASONS['cache-disabled']({ host: `backend ${backend}` }));
  const keyId = flow.spec?.imageEncryptionKeyId;
  if (keyId) add('encrypted-volume', REASONS['encrypted-volume']({ keyId }));
  const disk = flow.spec?.diskFormat;
  if (disk && disk !== 'raw') add('image-not-raw', REASONS['image-not-raw']({ format: disk }));
  // "No accessible image volume" follows from "Skipping image volume … not accessible": one reason, not two.
  if (out.has('image-volume-not-accessible')) out.delete('no-image-volume');
  if (out.size === 0) add('no-reason-logged', REASONS['no-reason-logged']());
  return [...out].map(([code, message]) => ({ code, message }));
}

/** The location cinder tried to clone from: the clone-attempt line's, else the flow start spec's. */
function locationOf(flow: Flow): ImageLocation | null {
  const attempt = findEvent(flow.events, 'cloneAttempt') ?? findEvent(flow.events, 'downloadAttempt') ?? findEvent(flow.events, 'imageDownloaded');
  const text = attempt?.fields['location'];
  if (text !== undefined) return parseImageLocation(text);
  return flow.spec?.location ?? null;
}
