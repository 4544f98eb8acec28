import type { Recogniser } from './recogniser.ts';
import { createVolumeRows } from './rows/create-volume.ts';
import { glanceCinderRows } from './rows/glance-cinder.ts';
import { imageCacheRows } from './rows/image-cache.ts';
import { imageUtilsRows } from './rows/image-utils.ts';
import { volumeUtilsRows } from './rows/volume-utils.ts';
import { rbdRows } from './rows/rbd.ts';
import { osBrickRows } from './rows/os-brick.ts';
import { raisedRows } from './rows/raised.ts';
import { netappRows } from './rows/netapp.ts';
import { glanceApiRows } from './rows/glance-api.ts';
import { glanceImportRows } from './rows/glance-import.ts';
import { glanceStoreRows } from './rows/glance-store.ts';

/** The one table of message recognisers; each message pattern is defined in exactly one row. */
export const RECOGNISERS: readonly Recogniser[] = [
  ...createVolumeRows,
  ...glanceCinderRows,
  ...imageCacheRows,
  ...imageUtilsRows,
  ...volumeUtilsRows,
  ...rbdRows,
  ...osBrickRows,
  ...raisedRows,
  ...netappRows,
  ...glanceApiRows,
  ...glanceStoreRows,
  ...glanceImportRows,
];
