/** Phase colours of the HTML report (also its legend): one hue per kind of work. */
export const PHASE_COLOURS: Readonly<Record<string, string>> = {
  download: '#3b7dd8',
  convert: '#8e44ad',
  'volume-copy': '#d35400',
  clone: '#1e9e57',
  'temporary-image': '#b9bec7',
  'glance-serve': '#16a2a8',
};

/** Row colours by outcome: clones green, copies amber, failures red, incomplete grey. */
export const OUTCOME_COLOURS: Readonly<Record<string, string>> = {
  clone: '#cdeedd',
  copy: '#fbe2c4',
  failed: '#f7c9c5',
  incomplete: '#e3e5e8',
  other: '#dde7f3',
};

export const FALLBACK_COLOUR = '#7f8c8d';
