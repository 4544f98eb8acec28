import type { UnitMatch } from './unit-match.ts';

/** The units clonewatch analyses: cinder-volume and glance-api as devstack, RDO/TripleO packages and Ubuntu/Debian packages name them. */
const UNITS = [
  'devstack@c-vol.service',
  'devstack@g-api.service',
  'openstack-cinder-volume.service',
  'openstack-glance-api.service',
  'cinder-volume.service',
  'glance-api.service',
];
/** Their syslog identifiers (oslo.log's journal handler and plain stdout both), and kolla's container names (docker's journald driver). */
const IDENTIFIERS = ['cinder-volume', 'glance-api', 'devstack@c-vol.service', 'devstack@g-api.service'];
const CONTAINERS = ['cinder_volume', 'glance_api'];

/** The default selection: entries of these units, identifiers or containers (an entry matching several is read once). */
export const DEFAULT_UNIT_MATCH: UnitMatch = {
  exact: [
    ...UNITS.map((u) => `_SYSTEMD_UNIT=${u}`),
    ...UNITS.map((u) => `UNIT=${u}`),
    ...IDENTIFIERS.map((i) => `SYSLOG_IDENTIFIER=${i}`),
    ...CONTAINERS.map((c) => `CONTAINER_NAME=${c}`),
  ],
  globs: [],
};
