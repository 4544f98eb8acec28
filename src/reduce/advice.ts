import type { PlacementView, StorePlacement } from './image.ts';
import type { Advice, Timeline } from './timeline.ts';

/** Reasons that show cinder tried the glance-cinder path (so `allowed_direct_url_schemes` has `cinder`). */
const GLANCE_CINDER_TRIED = ['no-image-volume', 'image-volume-not-accessible', 'glance-cinder-clone-failed', 'malformed-location'];

const describeStore = (s: StorePlacement) => {
  const detail = [s.volumeType !== null && `volume type ${s.volumeType}`, s.backends.length > 0 && `backend ${s.backends.join(', ')}`].filter(Boolean).join(', ');
  return `store ${s.name}${detail ? ` (${detail})` : ''}`;
};

/** A value safe to paste into a shell command unquoted, else a placeholder. */
const shellWord = (v: string | null, placeholder: string) => (v !== null && /^[A-Za-z0-9._:-]+$/.test(v) ? v : placeholder);

/**
 * What would turn this copy into a clone next time, from what the input shows about where the image
 * lives (pure: the timeline and the image's placement in, advice out). Clones and failures get none.
 */
export function adviseFor(t: Timeline, view: PlacementView): Advice[] {
  if (t.provisioning !== 'copy' || t.imageId === null) return [];
  const out: Advice[] = [];
  const id = shellWord(t.imageId, '<image-id>');
  const codes = new Set(t.reasons.map((r) => r.code));
  const backend = t.backend ?? view.volumeBackend;
  const stores = view.stores;

  if (backend !== null && stores.length > 0) {
    const here = stores.filter((s) => s.backends.includes(backend));
    const placed = stores.every((s) => s.backends.length > 0) || codes.has('no-image-volume');
    if (here.length === 0 && placed) {
      const target = view.allStores.find((s) => s.backends.includes(backend) && !stores.some((x) => x.name === s.name));
      out.push({
        code: 'image-not-on-backend',
        message: (stores.every((s) => s.backends.length > 0)
          ? `image ${t.imageId} is stored only in ${stores.map(describeStore).join(' and ')}; this volume is on backend ${backend}`
          : `image ${t.imageId} is stored in ${stores.map(describeStore).join(' and ')} (backends not shown in the input), but Cinder found no image-volume of it on backend ${backend}`) +
          (target ? `: copy the image to store ${target.name}, which is on backend ${backend}, and the next volume there is a clone` : `: no store on backend ${backend} shows in the input; add one (a cinder store whose cinder_volume_type lands on ${backend}) and copy the image to every store`),
        command: target
          ? `glance image-import ${id} --stores ${shellWord(target.name, '<store>')} --import-method copy-image`
          : `glance image-import ${id} --all-stores true --import-method copy-image`,
      });
    } else if (here.length > 0 && ![...codes].some((c) => GLANCE_CINDER_TRIED.includes(c) || c === 'image-not-raw' || c === 'no-image-location')) {
      out.push({
        code: 'glance-cinder-off',
        message: `image ${t.imageId} has an image-volume on backend ${backend} (${here.map(describeStore).join(', ')}) but Cinder did not try to clone it: set allowed_direct_url_schemes = cinder in cinder.conf`,
        command: null,
      });
    }
  }

  const format = t.conversion?.from ?? (codes.has('image-not-raw') ? t.diskFormat : null);
  const uploadRaw = (from: string) =>
    `qemu-img convert -f ${shellWord(from, '<format>')} -O raw <image-file> <image-file>.raw && openstack image create --disk-format raw --container-format bare --file <image-file>.raw ${shellWord(t.imageName, '<name>')}-raw`;
  if (format !== null && format !== 'raw' && !codes.has('image-conversion-disabled')) {
    out.push({
      code: 'upload-raw',
      message: `image ${t.imageId} was uploaded as ${format}: Cinder must download and convert it for every new volume and can never clone it; upload it as raw`,
      command: uploadRaw(format),
    });
  }
  if (codes.has('no-image-location')) {
    out.push({
      code: 'expose-locations',
      message: 'Glance does not expose image locations (show_multiple_locations / show_image_direct_url off), so Cinder cannot find an image-volume or RBD snapshot to clone: enable show_multiple_locations in glance-api.conf, or on 2025.2+ give Cinder a [glance] section with service credentials',
      command: null,
    });
  }
  if (codes.has('encrypted-volume')) {
    out.push({
      code: 'encrypted-always-copies',
      message: 'an encrypted volume is always a full copy of the image (no driver clone, no image-volume cache); if these volumes need not be encrypted, create them with a volume type that has no encryption, else size the burst for copies',
      command: 'openstack volume type list --encryption-type',
    });
  }
  if (codes.has('glance-locations-api-forbidden')) {
    out.push({
      code: 'glance-service-credentials',
      message: 'Cinder has no [glance] service credentials (2025.2+), so it cannot read image locations: add a [glance] section (auth_type, auth_url, username, password, project_name with the service role) to cinder.conf',
      command: null,
    });
  }
  if (codes.has('image-conversion-disabled') && t.conversion !== null) {
    const { from, to } = t.conversion;
    out.push({
      code: 'conversion-disabled',
      message: `image ${t.imageId} is ${from} and this volume type needs ${to}; cinder-volume${t.host === null ? '' : ` on ${t.host}`} has image_conversion_disable = True, so every create from this image fails: upload the image as ${to}${to === 'raw' ? ' (then it can also be cloned)' : ''}, or, if this host may convert images, set image_conversion_disable = False in the [DEFAULT] section of its cinder.conf and restart cinder-volume`,
      command: to === 'raw' ? uploadRaw(from) : "grep -n '^image_conversion_disable' /etc/cinder/cinder.conf",
    });
  }
  if (codes.has('glance-cinder-not-tried') && !out.some((a) => a.code === 'glance-cinder-off')) {
    out.push({
      code: 'allow-cinder-scheme',
      message: `Cinder${t.host === null ? '' : ` on ${t.host}`} never tried to clone the image-volume of an image stored in a cinder store: add cinder to allowed_direct_url_schemes in the [DEFAULT] section of cinder.conf (allowed_direct_url_schemes = cinder, keeping any scheme already listed) and restart cinder-volume`,
      command: "grep -n '^allowed_direct_url_schemes' /etc/cinder/cinder.conf",
    });
  }
  return out;
}
