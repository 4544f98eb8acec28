import { NUM, UUID, type Recogniser } from '../recogniser.ts';

/** Train+ `cinder.volume.volume_utils`; stein `cinder.volume.utils`; queens/rocky had these in the flow module. */
const VOLUME_UTILS = ['cinder.volume.volume_utils', 'cinder.volume.utils', 'cinder.volume.flows.manager.create_volume'];

/** copy_image_to_volume and copy_volume (reference §6), plus the generic driver copy (§6.3). */
export const volumeUtilsRows: readonly Recogniser[] = [
  {
    id: 'volume-utils.download-attempt',
    event: 'downloadAttempt',
    loggers: VOLUME_UTILS,
    levels: ['DEBUG'],
    pattern: new RegExp(`^Attempting download of (?<imageId>\\S+) \\((?<location>.*)\\) to volume (?<volumeId>${UUID})\\.$`, 's'),
    anchor: 'Attempting download of ',
    releases: 'queens–master',
    samples: ["Attempting download of 3e83cca4-356a-40e8-9561-d98282218c61 ((None, None)) to volume 95a9ebbc-fe81-46b3-90f9-975dad0d431b."],
  },
  {
    id: 'volume-utils.copy-failed',
    event: 'copyImageFailed',
    loggers: VOLUME_UTILS,
    levels: ['ERROR'],
    pattern: new RegExp(`^Failed to copy image (?<imageId>\\S+) to volume: (?<volumeId>${UUID})(?:: (?<error>.*))?$`, 's'),
    anchor: 'Failed to copy image ',
    releases: 'queens–master',
    samples: [
      "Failed to copy image 33b99f7a-55ad-4205-b275-afc4fe70bd76 to volume: ff682d50-2f29-45bd-a9ae-41a933ca5bd7: ProcessExecutionError: Unexpected error while running command.",
    ],
  },
  {
    // _copy_image_to_volume before the LOG.exception rewrite: ProcessExecutionError (error = its stderr) and any other error.
    id: 'volume-utils.copy-failed.kilo',
    event: 'copyImageFailed',
    loggers: VOLUME_UTILS,
    levels: ['ERROR'],
    pattern: new RegExp(`^Failed to copy image (?<imageId>\\S+) to volume: (?<volumeId>${UUID}), error: (?<error>.*)$`, 's'),
    anchor: 'Failed to copy image ',
    releases: 'havana–pike',
    samples: [
      'Failed to copy image 9535cff0-1980-4ac8-a702-a3b6234c88dd to volume: 2f4e1c8a-6b1d-4c1e-9a53-0d7e6f2b9c41, error: iscsiadm: No session found.',
    ],
  },
  {
    // The image was refused (ImageUnacceptable): no image id in the line; with its error up to pike, without from queens.
    id: 'volume-utils.copy-failed.unacceptable',
    event: 'copyImageFailed',
    loggers: VOLUME_UTILS,
    levels: ['ERROR'],
    pattern: new RegExp(`^Failed to copy image to volume: (?<volumeId>${UUID})(?:, error: (?<error>.*))?$`, 's'),
    anchor: 'Failed to copy image to volume: ',
    releases: 'havana–master',
    samples: [
      'Failed to copy image to volume: 2f4e1c8a-6b1d-4c1e-9a53-0d7e6f2b9c41, error: Image 9535cff0-1980-4ac8-a702-a3b6234c88dd is unacceptable: Size is 8GB and doesn\'t fit in a volume of size 1GB.',
      'Failed to copy image to volume: ff682d50-2f29-45bd-a9ae-41a933ca5bd7',
    ],
  },
  {
    // _create_from_image_download: the image is larger than the volume (ImageTooBig).
    id: 'volume-utils.copy-failed.too-big',
    event: 'copyImageFailed',
    loggers: VOLUME_UTILS,
    levels: ['ERROR'],
    pattern: new RegExp(`^Failed to copy image to volume (?<volumeId>${UUID}) due to insufficient space$`),
    anchor: 'Failed to copy image to volume ',
    releases: 'queens–master',
    samples: ['Failed to copy image to volume ff682d50-2f29-45bd-a9ae-41a933ca5bd7 due to insufficient space'],
  },
  {
    id: 'volume-utils.downloaded',
    event: 'imageDownloaded',
    loggers: VOLUME_UTILS,
    levels: ['DEBUG'],
    pattern: new RegExp(`^Downloaded image (?<imageId>\\S+) \\((?<location>.*)\\) to volume (?<volumeId>${UUID}) successfully\\.$`, 's'),
    anchor: 'Downloaded image ',
    releases: 'queens–master',
    samples: [
      "Downloaded image 3e83cca4-356a-40e8-9561-d98282218c61 (('cinder://5e1ba2dc-0af7-45fb-984b-0629f07eb74d', [{'url': 'cinder://5e1ba2dc-0af7-45fb-984b-0629f07eb74d', 'metadata': {}}])) to volume 95a9ebbc-fe81-46b3-90f9-975dad0d431b successfully.",
    ],
  },
  {
    id: 'volume-utils.copy-details',
    event: 'volumeCopyDetails',
    loggers: VOLUME_UTILS,
    levels: ['DEBUG'],
    pattern: new RegExp(`^Volume copy details: src (?<src>\\S+), dest (?<dest>\\S+), size (?<sizeMB>${NUM}) MB, duration (?<durationSec>${NUM}) sec$`),
    anchor: 'Volume copy details: ',
    releases: 'queens–master',
    samples: ['Volume copy details: src /dev/mapper/stack--volumes-volume--95a9, dest /dev/mapper/stack--volumes-volume--1f4b, size 1024.00 MB, duration 9.87 sec'],
  },
  {
    id: 'volume-utils.copy',
    event: 'volumeCopyDone',
    loggers: VOLUME_UTILS,
    levels: ['INFO'],
    pattern: new RegExp(`^Volume copy (?<sizeMB>${NUM}) MB at (?<mbps>${NUM}) MB/s$`),
    anchor: 'Volume copy ',
    releases: 'queens–master',
    samples: ['Volume copy 1024.00 MB at 103.75 MB/s'],
  },
  {
    id: 'volume-utils.copy-completed',
    event: 'volumeCopyDone',
    loggers: VOLUME_UTILS,
    levels: ['INFO'],
    pattern: new RegExp(`^Volume copy completed \\((?<sizeMB>${NUM}) MB at (?<mbps>${NUM}) MB/s\\)\\.$`),
    anchor: 'Volume copy completed (',
    releases: 'queens–master',
    samples: ['Volume copy completed (1024.00 MB at 98.50 MB/s).'],
  },
  {
    id: 'driver.copy-image-to-volume',
    event: 'genericCopyImage',
    loggers: ['cinder.volume.driver'],
    levels: ['DEBUG'],
    pattern: /^copy_image_to_volume (?<volumeName>\S+)\.$/,
    anchor: 'copy_image_to_volume ',
    releases: 'queens–master',
    samples: ['copy_image_to_volume volume-95a9ebbc-fe81-46b3-90f9-975dad0d431b.'],
  },
  {
    // BaseVD._copy_image_data_to_volume (generic attach-and-write drivers): ImageTooBig from the download into image_conversion_dir.
    id: 'driver.copy-failed.no-space',
    event: 'copyImageFailed',
    loggers: ['cinder.volume.driver'],
    levels: ['ERROR'],
    pattern: /^Copying image (?<imageId>\S+) to volume failed due to insufficient available space\.$/,
    anchor: 'to volume failed due to insufficient available space',
    releases: 'queens–master',
    samples: ['Copying image 3e83cca4-356a-40e8-9561-d98282218c61 to volume failed due to insufficient available space.'],
  },
];
