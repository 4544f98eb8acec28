// Volumes, images, releases and the Python reprs cinder prints for them (E1 spec dict,
// cache entries, the Volume OVO in taskflow results).
import { pyAddr } from './ids.ts';
import { dict, pyDatetime, raw, repr, tuple, type Py } from './pyrepr.ts';

export type Release = 'stein' | 'train' | '2023.1' | '2024.1' | '2025.1' | '2025.2' | '2026.1' | 'master';
const ORDER: Release[] = ['stein', 'train', '2023.1', '2024.1', '2025.1', '2025.2', '2026.1', 'master'];
export const atLeast = (r: Release, min: Release): boolean => ORDER.indexOf(r) >= ORDER.indexOf(min);

export interface Image {
  id: string;
  name: string;
  diskFormat: 'qcow2' | 'raw';
  size: number; // bytes
  virtualSize: number | null;
  owner: string;
  created: string; // ISO without zone (UTC)
  updated: string;
  checksum: string;
  hash: string; // 128 hex
  stores?: string;
}

export interface Vol {
  id: string;
  size: number; // GiB
  host: string; // host@backend#pool
  projectId: string;
  userId: string;
  name?: string; // display name
}

export const volName = (v: Vol): string => `volume-${v.id}`;
export const backendOf = (v: Vol): string => v.host.split('#')[0] ?? v.host;
export const mb = (bytes: number): string => (bytes / 1048576).toFixed(2);

export const NO_LOCATION: Py = tuple(null, null);
export function locations(direct: string | null, urls: Array<[string, Py]>): Py {
  return tuple(direct, urls.map(([url, meta]) => dict([['url', url], ['metadata', meta]])));
}

export function imageMeta(img: Image, py2: boolean): Py {
  if (py2) {
    const dt = (s: string) => raw(`datetime.datetime(${s.replace(/[-T:]/g, ',').split(',').map(Number).join(', ')}, tzinfo=<iso8601.Utc>)`);
    return dict([
      ['u:status', { u: 'active' }], ['u:file', { u: `/v2/images/${img.id}/file` }], ['u:id', { u: img.id }],
      ['u:name', { u: img.name }], ['u:tags', []], ['u:container_format', { u: 'bare' }], ['u:created_at', dt(img.created)],
      ['u:disk_format', { u: img.diskFormat }], ['u:updated_at', dt(img.updated)], ['u:visibility', { u: 'public' }],
      ['u:os_hash_algo', { u: 'sha512' }], ['u:owner', { u: img.owner }], ['u:protected', false],
      ['u:os_hash_value', { u: img.hash }], ['u:min_ram', 0], ['u:checksum', { u: img.checksum }], ['u:min_disk', 0],
      ['u:os_hidden', false], ['u:virtual_size', img.virtualSize], ['properties', dict([])], ['u:size', img.size],
    ]);
  }
  const e: Array<[string, Py]> = [
    ['name', img.name], ['disk_format', img.diskFormat], ['container_format', 'bare'], ['visibility', 'public'],
    ['size', img.size], ['virtual_size', img.virtualSize], ['status', 'active'], ['checksum', img.checksum],
    ['protected', false], ['min_ram', 0], ['min_disk', 0], ['owner', img.owner], ['os_hidden', false],
    ['os_hash_algo', 'sha512'], ['os_hash_value', img.hash], ['id', img.id],
    ['created_at', pyDatetime(img.created)], ['updated_at', pyDatetime(img.updated)], ['tags', []],
    ['file', `/v2/images/${img.id}/file`],
  ];
  if (img.stores) e.push(['stores', img.stores]);
  e.push(['properties', dict([])]);
  return dict(e);
}

/** The dict E1 prints (ExtractVolumeSpecTask result minus 'type' and 'volume_id'). */
export function imageSpec(v: Vol, img: Image, loc: Py, py2: boolean, withTypeAndId = false): string {
  const svc = raw(`<cinder.image.glance.GlanceImageService object at ${pyAddr(`svc/${v.id}`)}>`);
  if (py2) {
    return repr(dict([
      ['status', { u: 'creating' }], ['image_location', loc], ['volume_size', v.size], ['volume_name', { u: volName(v) }],
      ['image_id', { u: img.id }], ['image_service', svc], ['image_meta', imageMeta(img, true)],
    ]), true);
  }
  const head: Array<[string, Py]> = withTypeAndId
    ? [['status', 'creating'], ['type', 'image'], ['volume_id', v.id]]
    : [['status', 'creating']];
  return repr(dict([
    ...head, ['volume_name', volName(v)], ['volume_size', v.size], ['image_id', img.id],
    ['image_location', loc], ['image_meta', imageMeta(img, false)], ['image_service', svc],
  ]));
}

export function sourceVolSpec(v: Vol, srcId: string, srcStatus: string): string {
  return repr(dict([
    ['status', 'creating'], ['volume_name', volName(v)], ['volume_size', v.size],
    ['source_volid', srcId], ['source_volstatus', srcStatus],
  ]));
}

export interface CacheEntry {
  id: number;
  image: Image;
  volumeId: string;
  host: string;
  size: number;
  lastUsed: string; // ISO with .ffffff
}
export function cacheEntry(c: CacheEntry): string {
  return repr(dict([
    ['id', c.id], ['image_id', c.image.id], ['volume_id', c.volumeId], ['host', c.host], ['size', c.size],
    ['image_updated_at', pyDatetime(c.image.updated, false)], ['last_used', pyDatetime(c.lastUsed, false)],
  ]));
}

/** Compact Volume OVO repr as taskflow prints task results. */
export function volumeOvo(v: Vol, created: string, status = 'creating'): string {
  return `Volume(_name_id=None,admin_metadata={},attach_status='detached',availability_zone='nova',bootable=False,` +
    `cluster=<?>,cluster_name=None,consistencygroup=<?>,consistencygroup_id=None,created_at=${created}Z,deleted=False,` +
    `deleted_at=None,display_description=None,display_name=${v.name ? `'${v.name}'` : 'None'},encryption_key_id=None,` +
    `glance_metadata=<?>,group=<?>,group_id=None,host='${v.host}',id=${v.id},launched_at=None,metadata={},` +
    `migration_status=None,multiattach=False,previous_status=None,project_id='${v.projectId}',provider_location=None,` +
    `replication_status=None,scheduled_at=${created}Z,service_uuid=None,shared_targets=True,size=${v.size},` +
    `snapshot_id=None,snapshots=<?>,source_volid=None,status='${status}',terminated_at=None,updated_at=${created}Z,` +
    `use_quota=True,user_id='${v.userId}',volume_attachment=<?>,volume_type=<?>,volume_type_id=b1e1c4a2-5d3f-4a8e-9c6b-2f7d8e9a0b1c)`;
}
