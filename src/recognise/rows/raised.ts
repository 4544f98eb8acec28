import { UUID, type Recogniser } from '../recogniser.ts';

/**
 * Exceptions cinder raises that no log line of their own names: their text is the last line of the
 * traceback (or of taskflow's failure summary `|__Flow 'volume_create_manager': …`) folded into the
 * create's failure records, read by raisedEvents (src/reduce/raised-events.ts) from those records'
 * continuation lines. Loggers: the records that carry such a traceback (copy_image_to_volume's
 * LOG.exception, taskflow's FAILURE transition).
 */
export const raisedRows: readonly Recogniser[] = [
  {
    // check_image_conversion_disable (cinder/image/image_utils.py, fetch_to_volume_format; Closes-Bug #1970115):
    // image_conversion_disable = True and the image's disk_format is not the volume format.
    id: 'raised.image-conversion-not-allowed',
    event: 'imageConversionRefused',
    loggers: ['cinder.volume.volume_utils', 'cinder.volume.manager', 'cinder.volume.flows.manager.create_volume'],
    levels: ['ERROR', 'WARNING'],
    pattern: new RegExp(
      `^(?:\\|__Flow '[^']*': )?(?:cinder\\.exception\\.)?ImageConversionNotAllowed: Image Conversion disallowed for image (?<imageId>${UUID}): ` +
        "Image conversion is disabled\\. The volume type you have requested requires that the image it is being created from be in '(?<volumeFormat>[^']*)' format, " +
        "but the image you are using has the disk_format property '(?<diskFormat>[^']*)'\\.",
    ),
    anchor: 'ImageConversionNotAllowed: ',
    releases: 'zed (21.0.0)–master',
    samples: [
      "cinder.exception.ImageConversionNotAllowed: Image Conversion disallowed for image 806f1cdf-7815-4df5-9cf2-bd03def9b8c6: Image conversion is disabled. The volume type you have requested requires that the image it is being created from be in 'raw' format, but the image you are using has the disk_format property 'qcow2'. You must use an image with the disk_format property 'raw' to create a volume of this type.",
      "|__Flow 'volume_create_manager': cinder.exception.ImageConversionNotAllowed: Image Conversion disallowed for image 806f1cdf-7815-4df5-9cf2-bd03def9b8c6: Image conversion is disabled. The volume type you have requested requires that the image it is being created from be in 'raw' format, but the image you are using has the disk_format property 'qcow2'. You must use an image with the disk_format property 'raw' to create a volume of this type.",
    ],
  },
];
