import type { LogRecord } from '../../src/model/log-record.ts';

let line = 0;

/** A LogRecord for reducer tests: cinder-volume defaults, override what the case needs. */
export function rec(time: number, logger: string, text: string, over: Partial<LogRecord> = {}): LogRecord {
  line++;
  return {
    input: 'test',
    line,
    time,
    bootId: null,
    host: 'cvol-a',
    ident: 'cinder-volume',
    unit: null,
    pid: 1,
    codePid: null,
    level: 'INFO',
    logger,
    globalRequestId: null,
    requestId: 'req-00000000-0000-0000-0000-000000000001',
    user: null,
    project: null,
    func: null,
    text,
    extra: [],
    ...over,
  };
}

export const L = {
  flow: 'cinder.volume.flows.manager.create_volume',
  manager: 'cinder.volume.manager',
  image: 'cinder.image.image_utils',
  utils: 'cinder.volume.volume_utils',
  cache: 'cinder.image.cache',
  rbd: 'cinder.volume.drivers.rbd',
  lvm: 'cinder.volume.drivers.lvm',
} as const;

export const VOL = '95a9ebbc-fe81-46b3-90f9-975dad0d431b';
export const IMG = '3e83cca4-356a-40e8-9561-d98282218c61';
export const CACHEVOL = '1f4b2d7e-8c3a-4e0f-9b61-2a7d5c8e9f10';

export const spec = (disk: string, location = '(None, None)') =>
  `{'status': 'creating', 'volume_name': 'volume-${VOL}', 'volume_size': 10, 'image_id': '${IMG}', 'image_location': ${location}, 'image_meta': {'name': 'ubuntu', 'disk_format': '${disk}', 'container_format': 'bare', 'size': 629145600, 'virtual_size': 2361393152}, 'image_service': <cinder.image.glance.GlanceImageService object at 0x7f>}`;
