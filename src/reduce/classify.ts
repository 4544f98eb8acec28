import type { Event } from '../recognise/event.ts';
import { meaningOf, type FieldName, type ReasonRule } from '../recognise/event-types.ts';
import { parseImageLocation, type ImageLocation } from '../recognise/parse-image-location.ts';
import { raisedEvents } from './raised-events.ts';
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

  const raised = provisioning === 'copy' ? raisedEvents(ev) : [];
  const conversion = conversionOf(ev, provisioning, flow, notes, raised);
  const cacheSeeded = hasEvent(ev, 'cacheEntryCreated') || flow.internal.some((f) => f.status === 'succeeded' && hasEvent(ev, 'cachePreparing'));
  if (hasEvent(ev, 'cachePreparing') && !cacheSeeded && flow.status !== 'open') {
    notes.push(hasEvent(ev, 'cacheEntryNotCreated') ? 'the image-volume cache entry was not created (see the cache warning)' : 'the cache was to be seeded, but no new cache entry was logged');
  }
  if (hasEvent(ev, 'tempImageFetched') && !hasEvent(ev, 'tempImageDeleted') && flow.status === 'failed') {
    notes.push('the temporary image deletion was not logged (the create failed while it was in use; cinder still removes the file)');
  }
  const reasons = provisioning === 'copy' ? reasonsOf(flow, backend, facts, raised) : [];
  return { provisioning, cloneMethod, conversion, cacheSeeded, reasons, notes };
}

function conversionOf(ev: readonly Event[], provisioning: Provisioning | null, flow: Flow, notes: string[], raised: readonly Event[]): Classification['conversion'] {
  const refused = raised.find((e) => e.type === 'imageConversionRefused');
  if (refused) {
    const from = refused.fields['diskFormat'] ?? '';
    const to = refused.fields['volumeFormat'] ?? '';
    notes.push(`the ${from}→${to} conversion was refused (image_conversion_disable): no qemu-img convert ran`);
    return { from, to };
  }
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

function reasonsOf(flow: Flow, backend: string | null, facts: HostFacts, raised: readonly Event[]): Reason[] {
  const out = new Map<ReasonCode, string>();
  const add = (code: ReasonCode, message: string) => {
    if (!out.has(code)) out.set(code, message);
  };
  for (const e of [...flow.events, ...raised]) {
    const rule = meaningOf(e.type).reasons.find((r) => applies(r, e, flow));
    if (rule !== undefined) add(rule.code, messageOf(rule, e, flow));
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
  // _clone_image_volume returns without a line for an encrypted volume: the encryption explains it.
  if (out.has('encrypted-volume')) out.delete('glance-cinder-not-tried');
  if (out.size === 0) add('no-reason-logged', REASONS['no-reason-logged']());
  return [...out].map(([code, message]) => ({ code, message }));
}

/** Whether a reason rule applies to an event: its condition on a field's text holds (or it has none), and the flow has none of the events that rule it out. */
function applies(rule: ReasonRule, e: Event, flow: Flow): boolean {
  if (rule.unless !== undefined && flow.events.some((x) => rule.unless?.includes(x.type))) return false;
  if (rule.when === undefined) return true;
  const text = e.fields[rule.when.field as FieldName];
  if (text === undefined) return false;
  return (rule.when.equals === undefined || text === rule.when.equals) && (rule.when.includes === undefined || text.includes(rule.when.includes));
}

/** The reason's message, with its parameters taken from the event's fields (or the flow start's spec). */
function messageOf(rule: ReasonRule, e: Event, flow: Flow): string {
  const params: Record<string, string | undefined> = {};
  for (const [name, from] of Object.entries(rule.params ?? {})) {
    params[name] = from === 'spec.diskFormat' ? (flow.spec?.diskFormat ?? undefined) : e.fields[from as FieldName];
  }
  return (REASONS[rule.code] as (v: Record<string, string | undefined>) => string)(params);
}

/** The location cinder tried to clone from: the clone-attempt line's, else the flow start spec's. */
function locationOf(flow: Flow): ImageLocation | null {
  const attempt = findEvent(flow.events, 'cloneAttempt') ?? findEvent(flow.events, 'downloadAttempt') ?? findEvent(flow.events, 'imageDownloaded');
  const text = attempt?.fields['location'];
  if (text !== undefined) return parseImageLocation(text);
  return flow.spec?.location ?? null;
}
