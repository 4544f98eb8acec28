import type { UnitMatch } from './unit-match.ts';

/**
 * The services clonewatch analyses: cinder-volume and glance-api, and cinder-api and
 * cinder-scheduler, whose lines carry a flow's request before cinder-volume sees it (its start
 * time comes from them when they are in the input).
 */
const SERVICES = [
  { devstack: 'c-vol', name: 'cinder-volume' },
  { devstack: 'g-api', name: 'glance-api' },
  { devstack: 'c-api', name: 'cinder-api' },
  { devstack: 'c-sch', name: 'cinder-scheduler' },
];
/** Units as devstack, RDO/TripleO packages and Ubuntu/Debian packages name them. */
const UNITS = SERVICES.flatMap((s) => [`devstack@${s.devstack}.service`, `openstack-${s.name}.service`, `${s.name}.service`]);
/** Syslog identifiers (oslo.log's journal handler, and devstack's units' stdout). */
const IDENTIFIERS = SERVICES.flatMap((s) => [s.name, `devstack@${s.devstack}.service`]);
/** kolla's container names (docker's journald log driver). */
const CONTAINERS = SERVICES.map((s) => s.name.replace('-', '_'));

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
