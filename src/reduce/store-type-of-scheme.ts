/**
 * The glance_store driver a location URL's scheme belongs to (glance_store's `get_schemes()` of each
 * driver): the name a single-store Glance's only store goes by, since it has no name of its own.
 * null for a scheme no driver owns.
 */
const TYPES: Readonly<Record<string, string>> = {
  file: 'file',
  filesystem: 'file',
  rbd: 'rbd',
  cinder: 'cinder',
  swift: 'swift',
  'swift+http': 'swift',
  'swift+https': 'swift',
  'swift+config': 'swift',
  http: 'http',
  https: 'http',
  s3: 's3',
  's3+http': 's3',
  's3+https': 's3',
  vsphere: 'vmware',
};

export function storeTypeOfScheme(scheme: string): string | null {
  return TYPES[scheme.toLowerCase()] ?? null;
}
