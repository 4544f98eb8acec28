// The download path: TemporaryImages.fetch → fetch (D1) → fetch_to_volume_format (D3, D2)
// → Downloaded … successfully → temp image deleted (reference §5, §6.1).
import { kernel } from './devstack.ts';
import { tmpRandom } from './ids.ts';
import { type Flow, CV } from './flow.ts';
import { mb, volName } from './model.ts';
import { SRC } from './src.ts';
import { conversionRefused, convertFails, flowFails } from './steps-fail.ts';

const IU = 'cinder.image.image_utils';
const CONV = '/opt/stack/data/cinder/conversion';
export const tmpPath = (f: Flow): string => `${CONV}/image_fetch_${f.img.id}_${tmpRandom(`tmp/${f.vol.id}`)}${f.backend}`;
const rate = (bytes: number, secs: number): string => ((bytes / 1048576) / Math.max(secs, 1)).toFixed(2);
const info = (f: Flow, file: string, fmt?: string) =>
  f.cmd(`/opt/stack/data/venv/bin/python3.12 -m oslo_concurrency.prlimit --as=1073741824 --cpu=60 -- env LC_ALL=C LANG=C qemu-img info ${fmt ? `-f ${fmt} ` : ''}--output=json ${file}`, 0.041 + (f.vol.size % 7) / 1000);

/** Glance hook: called with the [start, end] µs of the GET …/file request. */
export type GlanceHook = (start: number, end: number) => void;

/** D1: download into the conversion dir, then qemu-img info and `Temporary image … is fetched`. */
export function download(f: Flow, secs: number, glance?: GlanceHook): void {
  const start = f.t;
  glance?.(start + 21000, start + Math.round(secs * 1e6) - 4000);
  f.wait(secs);
  const size = f.img.size;
  f.debug(IU, `Image fetch details: dest ${tmpPath(f)}, size ${mb(size)} MB, duration ${secs.toFixed(2)} sec`, SRC.fetchDetails);
  f.info(IU, `Image download ${mb(size)} MB at ${rate(size, secs)} MB/s`);
  info(f, tmpPath(f), f.img.diskFormat);
  f.debug(IU, `Temporary image ${f.img.id} is fetched for user ${f.ctx.userId}.`, SRC.tmpFetched);
}

export interface CopyOpts {
  secs: number; // qemu-img convert duration
  dest?: 'lvm' | 'lvm-mapper' | 'rbd' | 'nfs' | 'iscsi';
  sizeUnavailable?: 'old' | 'new';
  stopAfterStart?: boolean; // journal ends while qemu-img runs
  createSize?: number; // GiB of the raw volume created before the copy (cache seeding: virtual size)
  thick?: boolean; // LVM thick (lvm_type=default) instead of thin
  fail?: string; // qemu-img convert fails with this stderr (returns false)
  refuse?: string; // image_conversion_disable: refused before qemu-img, for this volume format (returns false)
}

export function destPath(f: Flow, kind: CopyOpts['dest']): string {
  const vg = `stack-volumes-${f.backend.split('@')[1] ?? 'lvmdriver-1'}`;
  switch (kind) {
    case 'lvm-mapper': return `/dev/mapper/${vg.replace(/-/g, '--')}-${volName(f.vol).replace(/-/g, '--')}`;
    case 'rbd': return `${CONV}/tmp${tmpRandom(`rbdtmp/${f.vol.id}`)}`;
    case 'nfs': return `/opt/stack/data/cinder/mnt/7ff28a46339f6cd32165cef2ec9fb1eb/${volName(f.vol)}`;
    case 'iscsi': return '/dev/sdb';
    default: return `/dev/${vg}/${volName(f.vol)}`;
  }
}

/** copy_image_to_volume → fetch_to_volume_format: D3, qemu-img convert, D2; returns false if stopped. */
export function copyToVolume(f: Flow, o: CopyOpts): boolean {
  const tmp = tmpPath(f);
  const dest = destPath(f, o.dest);
  info(f, tmp);
  if (!o.dest || o.dest.startsWith('lvm')) {
    const vg = `stack-volumes-${f.backend.split('@')[1] ?? ''}`;
    const size = `${o.createSize ?? f.vol.size}g`;
    f.cmd(o.thick
      ? `sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvcreate -n ${volName(f.vol)} ${vg} -L ${size}`
      : `sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvcreate -T -V ${size} -n ${volName(f.vol)} ${vg}/${vg}-pool`, 0.241);
  }
  f.debug(f.vu, `Attempting download of ${f.img.id} (${f.locText()}) to volume ${f.vol.id}.`, SRC.attempting);
  if (o.dest === 'iscsi') {
    f.debug('cinder.volume.driver', `copy_image_to_volume ${volName(f.vol)}.`, { func: '_copy_image_data_to_volume', path: '/opt/stack/cinder/cinder/volume/driver.py', line: 1053 });
    kernel(f.w, f.svc.host, f.t + 1800, 'sd 3:0:0:2: [sdb] Attached SCSI disk');
    f.wait(0.42);
  }
  if (o.refuse !== undefined) {
    conversionRefused(f, o.refuse);
    return false;
  }
  info(f, tmp);
  const target = 'raw';
  const trailing = f.py2 ? ' ' : '';
  f.debug('cinder.image.image_utils', `${f.img.id} was ${f.img.diskFormat}, converting to ${target}${trailing}`, SRC.converting);
  const root = o.dest !== 'rbd' && o.dest !== 'nfs';
  const cmd = `${root ? 'sudo cinder-rootwrap /etc/cinder/rootwrap.conf ' : ''}qemu-img convert -O raw -t none -f ${f.img.diskFormat} ${tmp} ${dest}`;
  if (o.stopAfterStart) {
    f.debug('oslo_concurrency.processutils', `Running cmd (subprocess): ${cmd}`, SRC.procRun);
    return false;
  }
  if (o.fail) {
    flowFails(f, convertFails(f, cmd, o.secs, o.fail));
    return false;
  }
  f.cmd(cmd, o.secs);
  const vsize = f.img.virtualSize ?? f.img.size;
  if (o.sizeUnavailable === 'new') {
    f.info(IU, `The image was successfully converted, but image size is unavailable. src ${tmp}, dest ${dest}`);
  } else if (o.sizeUnavailable === 'old') {
    f.info(IU, `The image was successfully converted, but image size is unavailable. src ${tmp}, dest ${dest}. invalid literal for int() with base 10: ''`);
  } else {
    f.debug(IU, `Image conversion details: src ${tmp}, size ${mb(vsize)} MB, duration ${o.secs.toFixed(2)} sec, destination ${dest}`, SRC.convDetails);
    f.info(IU, `Converted ${mb(vsize)} MB image at ${rate(vsize, o.secs)} MB/s`);
  }
  return true;
}

export function downloaded(f: Flow): void {
  f.debug(f.vu, `Downloaded image ${f.img.id} (${f.locText()}) to volume ${f.vol.id} successfully.`, SRC.downloaded);
}

export function tempDeleted(f: Flow): void {
  f.debug('cinder.image.image_utils', `Temporary image ${f.img.id} for user ${f.ctx.userId} is deleted.`, SRC.tmpDeleted);
}

/** _handle_bootable_volume_glance_meta at the end of _create_from_image. */
export function bootable(f: Flow): void {
  f.debug(f.vu, `Marking volume ${f.vol.id} as bootable.`, SRC.bootable);
  f.debug(CV, `Copying metadata from image ${f.img.id} to ${f.vol.id}.`, SRC.copyMeta);
  const meta = `{'image_id': '${f.img.id}', 'image_name': '${f.img.name}', 'container_format': 'bare', 'disk_format': '${f.img.diskFormat}', 'checksum': '${f.img.checksum}', 'min_disk': 0, 'min_ram': 0, 'size': ${f.img.size}}`;
  f.debug(CV, `Creating volume glance metadata for volume ${f.vol.id} backed by image ${f.img.id} with: ${meta}.`, SRC.captureMeta);
}

/** The whole copy after E1/Cloning: download, convert, bookkeeping. */
export function fullCopy(f: Flow, dl: number, conv: number, dest: CopyOpts['dest'] = 'lvm', glance?: GlanceHook): void {
  download(f, dl, glance);
  copyToVolume(f, { secs: conv, dest });
  downloaded(f);
  tempDeleted(f);
}
