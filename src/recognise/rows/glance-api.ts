import { UUID, type Recogniser } from '../recogniser.ts';

const IMG = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
/** An image request path as uwsgi (devstack: `/image/v2/…`) or eventlet logs it; `sub` is `/file`, `/import` or nothing. */
const PATH = `(?<path>(?:/image)?/v(?<api>[12])/images/(?<imageId>${UUID})(?<sub>/file|/import)?)(?:\\?\\S*)?`;

/** One wording of glance-api's format inspection and signature check of an image's data (reference §8.3). */
const inspection = (id: string, pattern: RegExp, releases: string, samples: string[]): Recogniser => ({
  id: `glance-api.inspection.${id}`, event: 'glanceInspection', loggers: ['glance.location'], levels: ['DEBUG', 'INFO', 'WARNING', 'ERROR'], pattern, anchor: '', releases, samples,
});

/**
 * glance-api serving and receiving image data (reference §2.5, §8.1, §8.3): the HTTP request lines
 * with their size and time, the request's first oslo line, the local image cache, the stores that hold
 * the image, and the read/upload failures.
 */
export const glanceApiRows: readonly Recogniser[] = [
  {
    id: 'glance-api.uwsgi-request',
    event: 'glanceRequest',
    // uwsgi's own request log has no oslo prefix, so no logger: the row is tried on logger-less records.
    loggers: ['uwsgi'],
    levels: ['INFO'],
    pattern: new RegExp(`^\\[pid: (?<workerPid>\\d+)\\|app: \\d+\\|req: \\d+/\\d+\\] (?<client>\\S+) \\([^)]*\\) \\{[^}]*\\} \\[(?<started>[^\\]]+)\\] (?<method>GET|PUT|POST|HEAD) ${PATH} => generated (?<bytes>\\d+) bytes in (?<ms>\\d+) msecs \\(HTTP/[\\d.]+ (?<status>\\d{3})\\)`),
    // Not ' => generated ': every uwsgi request line of every service has that (keystone's are a
    // third of a devstack journal), and the row's full pattern then ran on each of them.
    anchor: '/images/',
    releases: 'devstack uwsgi (every release); the default uWSGI request log format',
    samples: [
      `[pid: 90451|app: 0|req: 112/337] 10.0.0.21 () {58 vars in 1169 bytes} [Sun Mar 22 09:01:01 2026] GET /image/v2/images/${IMG}/file => generated 627834880 bytes in 23722 msecs (HTTP/1.1 200) 8 headers in 327 bytes (1 switches on core 0)`,
      `[pid: 19300|app: 0|req: 8/12] 10.13.15.113 () {40 vars in 760 bytes} [Thu Apr 11 09:46:39 2019] PUT /image/v2/images/${IMG}/file => generated 0 bytes in 6120 msecs (HTTP/1.1 204) 2 headers in 65 bytes (1 switches on core 0)`,
    ],
  },
  {
    id: 'glance-api.eventlet-request',
    event: 'glanceRequest',
    loggers: ['eventlet.wsgi.server', 'eventlet.wsgi'],
    levels: ['INFO'],
    pattern: new RegExp(`^(?<client>\\S+) - - \\[(?<started>[^\\]]+)\\] "(?<method>GET|PUT|POST|HEAD) ${PATH} HTTP/[\\d.]+" (?<status>\\d{3}) (?<bytes>\\d+) (?<secs>\\d+\\.\\d+)$`),
    anchor: ' HTTP/',
    releases: 'glance-api standalone (eventlet; train–2025.1), kolla and packaged deployments',
    samples: [
      `10.0.0.21,10.0.0.31 - - [25/Mar/2026 09:10:05] "GET /v2/images/${IMG}/file HTTP/1.1" 200 627834880 17.875000`,
      '192.168.0.10 - - [25/Feb/2016 21:38:14] "GET /v1/images/9535cff0-1980-4ac8-a702-a3b6234c88dd HTTP/1.1" 200 13288669 5.374222',
    ],
  },
  {
    id: 'glance-api.request-start',
    event: 'glanceRequestStart',
    loggers: ['glance.api.middleware.version_negotiation'],
    levels: ['DEBUG'],
    pattern: new RegExp(`^Determining version of request: (?<method>[A-Z]+) ${PATH} Accept: (?<accept>.*)$`),
    anchor: 'Determining version of request: ',
    releases: 'train–master (the first line of every image request, with its request id)',
    samples: [`Determining version of request: GET /v2/images/${IMG}/file Accept: */*`],
  },
  {
    id: 'glance-api.sorted-locations',
    event: 'glanceSortedLocations',
    loggers: ['glance.common.utils'],
    levels: ['DEBUG'],
    pattern: /^Sorted locations: (?<locations>.*)$/s,
    anchor: 'Sorted locations: ',
    releases: '2023.2 (27.0.0)–master, multi-store',
    samples: ["Sorted locations: [{'store_name': 'ceph'}, {'store_name': 'file1'}]"],
  },
  {
    id: 'glance-api.cache-hit',
    event: 'glanceCacheHit',
    loggers: ['glance.api.middleware.cache'],
    levels: ['DEBUG'],
    pattern: /^Cache hit for image '(?<imageId>[^']+)'$/,
    anchor: 'Cache hit for image ',
    releases: 'train–master',
    samples: [`Cache hit for image '${IMG}'`],
  },
  {
    id: 'glance-api.cache-tee',
    event: 'glanceCacheTee',
    loggers: ['glance.image_cache'],
    levels: ['DEBUG'],
    pattern: /^Tee'ing image '(?<imageId>[^']+)' into cache$/,
    anchor: "Tee'ing image ",
    releases: 'train–master',
    samples: [`Tee'ing image '${IMG}' into cache`],
  },
  {
    id: 'glance-api.cache-init',
    event: 'glanceCacheInit',
    loggers: ['glance.api.middleware.cache'],
    levels: ['INFO'],
    pattern: /^Initialized image cache middleware$/,
    anchor: 'Initialized image cache middleware',
    releases: 'train–master (start-up)',
    samples: ['Initialized image cache middleware'],
  },
  {
    id: 'glance-api.get-data-failed',
    event: 'glanceReadFailed',
    loggers: ['glance.location'],
    levels: ['WARNING'],
    pattern: /^Get image (?<imageId>\S+) data failed: (?<error>.*)\.$/s,
    anchor: ' data failed: ',
    releases: 'train–master',
    samples: [`Get image ${IMG} data failed: Image ${IMG} not found.`],
  },
  {
    id: 'glance-api.all-locations-failed',
    event: 'glanceReadFailed',
    loggers: ['glance.location'],
    levels: ['ERROR'],
    pattern: /^Glance tried all active locations(?:\/stores)? to get data for image (?<imageId>\S+) but all have failed\.$/,
    anchor: 'Glance tried all active locations',
    releases: 'train `…locations/stores…`; ussuri–master',
    samples: [`Glance tried all active locations to get data for image ${IMG} but all have failed.`, `Glance tried all active locations/stores to get data for image ${IMG} but all have failed.`],
  },
  inspection('enabling', /^Enabling in-flight format inspection for (?<imageId>\S+)$/, 'victoria–master', [`Enabling in-flight format inspection for ${IMG}`]),
  inspection('virtual-size', /^Image format matched and virtual size computed: (?<virtualSize>\d+)$/, 'victoria–master', ['Image format matched and virtual size computed: 2361393152']),
  inspection('no-match', /^Image format (?<format>\S+) did not match; unable to calculate virtual size$/, 'victoria–master', ['Image format raw did not match; unable to calculate virtual size']),
  inspection('not-inspectable', /^Image format (?<format>\S+) is not an inspectable type$/, '2025.1–master', ['Image format iso is not an inspectable type']),
  inspection('iso-gpt', /^Detected format as ISO\+GPT, allowing as ISO$/, '2025.1–master', ['Detected format as ISO+GPT, allowing as ISO']),
  inspection('stream-format', /^Unable to determine stream format because: (?<error>.*)$/s, '2025.1–master', ['Unable to determine stream format because: truncated header']),
  inspection('virtual-size-failed', /^Unable to determine virtual_size because: (?<error>.*)$/s, '2023.1–2024.1', ['Unable to determine virtual_size because: truncated header']),
  inspection('signature', /^Successfully verified signature for image (?<imageId>\S+)$/, 'victoria–master', [`Successfully verified signature for image ${IMG}`]),
  {
    id: 'glance-api.format-mismatch',
    event: 'glanceFormatMismatch',
    loggers: ['glance.location'],
    levels: ['WARNING'],
    pattern: /^Image claims '?(?<claimed>[^' ]+)'? disk_format but is actually '?(?<actual>[^' ]+)'?$/,
    anchor: ' disk_format but is actually ',
    releases: '2025.1–master',
    samples: ["Image claims 'raw' disk_format but is actually 'qcow2'"],
  },
  {
    id: 'glance-api.upload-failed',
    event: 'glanceUploadFailed',
    loggers: ['glance.api.v2.image_data'],
    levels: ['ERROR', 'WARNING'],
    pattern: /^(?<what>Image storage media is full|Image exceeds the storage quota|The incoming image is too large|Insufficient permissions on image storage media|Failed to upload image data due to HTTP error|Failed to upload image data due to internal error|Error in store configuration\. Adding images to store is disabled\.)(?:: (?<error>.*))?$/s,
    anchor: '',
    releases: 'train–master',
    samples: [
      'Image storage media is full: There is not enough disk space on the image storage media.',
      'Image exceeds the storage quota: The size of the data 10737418240 will exceed the limit.',
      'The incoming image is too large: 2147483648',
      'Insufficient permissions on image storage media: Permission denied',
      'Failed to upload image data due to HTTP error',
      'Failed to upload image data due to internal error',
      'Error in store configuration. Adding images to store is disabled.',
    ],
  },
];
