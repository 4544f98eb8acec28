import { UUID, type Recogniser } from '../recogniser.ts';

const IMG = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
const TASK = 'a5f0b3c1-7d2e-4f6a-9b8c-1e2d3f4a5b6c';
const IMAGES = ['glance.api.v2.images'];
const FLOWS = ['glance.async_.flows.api_image_import'];
const EXECUTOR = ['glance.async_.taskflow_executor'];
const PLUGINS = ['glance.async_.flows._internal_plugins.copy_image', 'glance.async_.flows._internal_plugins.web_download', 'glance.async_.flows._internal_plugins.base_download', 'glance.async_.flows._internal_plugins.glance_download', 'glance.async_.flows.plugins.image_conversion', 'glance.common.scripts.image_import.main', 'glance.async_.flows.api_image_import'];
const PARALLEL = ['glance.async_.flows.parallel_api_image_import'];

/**
 * A row whose only use is to recognise a wording of the import workflow (no state of its own). Each
 * starts with a literal, which finds its candidates (see createRecogniser), so it needs no anchor.
 */
const note = (id: string, loggers: string[], pattern: RegExp, releases: string, samples: string[]): Recogniser => ({
  id, event: 'glanceImportNote', loggers, levels: ['DEBUG', 'INFO', 'WARNING', 'ERROR'], pattern, anchor: '', releases, samples,
});

/** One wording of a failed import task. */
const taskFailed = (id: string, pattern: RegExp, samples: string[]): Recogniser => ({
  id: `glance-import.task-failed.${id}`, event: 'glanceTaskFailed', loggers: [...new Set([...FLOWS, ...PLUGINS])], levels: ['ERROR', 'WARNING'], pattern, anchor: '', releases: 'train–master', samples,
});

/** One store of a parallel import: `outcome` is `copying`, `finished` (with the size) or `failed`. */
const parallelStore = (id: string, pattern: RegExp, samples: string[]): Recogniser => ({
  id: `glance-import.parallel-store.${id}`, event: 'glanceParallelStore', loggers: PARALLEL, levels: ['DEBUG', 'WARNING'], pattern, anchor: '', releases: 'master (33.x dev)', samples,
});

/** Interoperable image import: glance-direct, web-download, copy-image, glance-download (reference §8.4). */
export const glanceImportRows: readonly Recogniser[] = [
  {
    id: 'glance-import.already-in-store',
    event: 'glanceImportAlreadyInStore',
    loggers: IMAGES,
    levels: ['DEBUG'],
    pattern: /^Removing store '(?<store>[^']+)' from all stores as image is already available in that store\.$/,
    anchor: 'as image is already available in that store',
    releases: 'ussuri–master',
    samples: ["Removing store 'cinder-a' from all stores as image is already available in that store."],
  },
  {
    id: 'glance-import.all-stores-have',
    event: 'glanceImportAlreadyInStore',
    loggers: IMAGES,
    levels: ['INFO'],
    pattern: /^Exiting copying workflow as image is available in all configured stores\.$/,
    anchor: 'Exiting copying workflow',
    releases: 'ussuri–master (copy-image with all_stores)',
    samples: ['Exiting copying workflow as image is available in all configured stores.'],
  },
  note('glance-import.api.uri-filtered', IMAGES, /^URI for web-download does not pass filtering: (?<uri>.*)$/s, 'train–master', ['URI for web-download does not pass filtering: http://10.0.0.9/evil.img']),
  note('glance-import.api.cannot-import', IMAGES, /^Cannot import data for image (?<imageId>\S+): (?<error>.*)$/s, 'train–master', [
    `Cannot import data for image ${IMG}: Image status transition from active to importing is not allowed`,
  ]),
  note('glance-import.api.proxying', IMAGES, /^Proxying (?<method>\S+) request to host (?<host>\S+) which has image(?: staged)?\.$/,
    '`… which has image staged` wallaby–2024.1, `… which has image` 2025.1–master', [
      'Proxying POST request to host http://10.0.0.12:9292 which has image staged.',
      'Proxying POST request to host http://10.0.0.12:9292 which has image.',
    ]),
  {
    id: 'glance-import.task-status',
    event: 'glanceTaskStatus',
    loggers: ['glance.domain'],
    levels: ['INFO'],
    pattern: /^Task \[(?<taskId>[^\]]+)\] status changing from (?<from>\w+) to (?<to>\w+)$/,
    anchor: '] status changing from ',
    releases: 'train–master',
    samples: [`Task [${TASK}] status changing from processing to success`],
  },
  {
    id: 'glance-import.task-picked',
    event: 'glanceTaskPicked',
    loggers: EXECUTOR,
    levels: ['DEBUG'],
    pattern: /^Taskflow executor picked up the execution of task ID (?<taskId>\S+) of task type (?<taskType>\S+)$/,
    anchor: 'Taskflow executor picked up the execution of task ID ',
    releases: 'train–master',
    samples: [`Taskflow executor picked up the execution of task ID ${TASK} of task type api_image_import`],
  },
  {
    id: 'glance-import.atom',
    event: 'glanceImportAtom',
    loggers: EXECUTOR,
    levels: ['DEBUG', 'WARNING'],
    pattern: new RegExp(`^Task 'api_image_import-(?<name>.+)-(?<taskId>${UUID})' \\((?<atomId>[^)]*)\\) transitioned into state '(?<state>[A-Z_]+)' from state '(?<from>[A-Z_]+)'(?<rest>.*)$`, 's'),
    anchor: "Task 'api_image_import-",
    releases: 'ussuri–master `api_image_import-<store>-ImportToStore-<task>`; train `api_image_import-ImportToStore-<task>`',
    samples: [
      `Task 'api_image_import-cinder-b-ImportToStore-${TASK}' (1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) transitioned into state 'SUCCESS' from state 'RUNNING' with result 'None'`,
      `Task 'api_image_import-CopyImage-${TASK}' (2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) transitioned into state 'RUNNING' from state 'PENDING'`,
    ],
  },
  {
    id: 'glance-import.store-list',
    event: 'glanceImportStores',
    loggers: FLOWS,
    levels: ['DEBUG'],
    pattern: /^Image (?<imageId>\S+) (?<key>os_glance_importing_to_stores|os_glance_failed_import)=(?<stores>.*)$/,
    anchor: ' os_glance_',
    releases: 'ussuri–master',
    samples: [`Image ${IMG} os_glance_importing_to_stores=cinder-b`, `Image ${IMG} os_glance_importing_to_stores=`, `Image ${IMG} os_glance_failed_import=cinder-c`],
  },
  {
    id: 'glance-import.image-status',
    event: 'glanceImageStatus',
    loggers: FLOWS,
    levels: ['DEBUG'],
    pattern: /^Image (?<imageId>\S+) status changing from (?<from>\w+) to (?<to>\w+)$/,
    anchor: ' status changing from ',
    releases: 'ussuri–master',
    samples: [`Image ${IMG} status changing from importing to active`],
  },
  {
    id: 'glance-import.lock',
    event: 'glanceImportLock',
    loggers: FLOWS,
    levels: ['DEBUG', 'WARNING'],
    pattern: /^Image (?<imageId>\S+) import task (?<taskId>\S+) (?<state>lock confirmed|dropped its lock after failure|lost its lock during execution!)$/,
    anchor: ' import task ',
    releases: 'ussuri–master',
    samples: [`Image ${IMG} import task ${TASK} lock confirmed`, `Image ${IMG} import task ${TASK} dropped its lock after failure`, `Image ${IMG} import task ${TASK} lost its lock during execution!`],
  },
  {
    id: 'glance-import.store-failed',
    event: 'glanceImportStoreFailed',
    loggers: FLOWS,
    levels: ['WARNING'],
    pattern: /^(?<taskId>\S+) of (?<taskType>\S+) failed but since all_stores_must_succeed is set to false, continue\.$/,
    anchor: 'all_stores_must_succeed is set to false',
    releases: 'ussuri–master',
    samples: [`${TASK} of api_image_import-cinder-c-ImportToStore failed but since all_stores_must_succeed is set to false, continue.`],
  },
  {
    id: 'glance-import.progress',
    event: 'glanceImportProgress',
    loggers: FLOWS,
    levels: ['DEBUG'],
    pattern: /^Image import (?<imageId>\S+) copied (?<copiedMiB>\d+) MiB$/,
    anchor: 'Image import ',
    releases: 'ussuri–master (at most every 300 s)',
    samples: [`Image import ${IMG} copied 512 MiB`],
  },
  {
    id: 'glance-import.task-completed',
    event: 'glanceTaskCompleted',
    loggers: FLOWS,
    levels: ['INFO'],
    pattern: /^(?<taskId>\S+) of (?<taskType>\S+) completed$/,
    anchor: ' completed',
    releases: 'train–master',
    samples: [`${TASK} of api_image_import completed`],
  },
  taskFailed('error', /^Task ID (?<taskId>\S+) failed\. Error: (?<error>.*)$/s, [`Task ID ${TASK} failed. Error: GlanceStoreException: cinder store write failed`]),
  taskFailed('exception', /^Task (?<taskId>\S+) failed with exception (?<error>.*)$/s, [`Task ${TASK} failed with exception Connection refused`]),
  taskFailed('image', /^Task: (?<taskId>\S+) failed to (?:copy|import) image (?<imageId>[^\s.]+)(?: to the filesystem)?\.$/, [
    `Task: ${TASK} failed to copy image ${IMG}.`,
    `Task: ${TASK} failed to import image ${IMG} to the filesystem.`,
  ]),
  {
    id: 'glance-import.conversion-updated',
    event: 'glanceConversionUpdated',
    loggers: ['glance.async_.flows.plugins.image_conversion'],
    levels: ['INFO'],
    pattern: /^Updated image (?<imageId>\S+) size=(?<size>\d+) disk_format=(?<diskFormat>\S+)$/,
    anchor: 'Updated image ',
    releases: 'victoria–master (image_conversion plugin)',
    samples: [`Updated image ${IMG} size=2361393152 disk_format=raw`],
  },
  note('glance-import.flow.stores-not-in', FLOWS, /^Stores (?<stores>.*) not in (?<key>\S+) for image (?<imageId>\S+)$/s, 'ussuri–master', [`Stores cinder-c not in os_glance_importing_to_stores for image ${IMG}`]),
  note('glance-import.flow.no-task-object', FLOWS, /^Status callback for task (?<taskId>\S+) found no task object!$/, 'ussuri–master', [`Status callback for task ${TASK} found no task object!`]),
  note('glance-import.flow.unexpected-status', FLOWS, /^Task (?<taskId>\S+) expected "processing" status, but found "(?<status>\w+)"; aborting\.$/, 'ussuri–master', [
    `Task ${TASK} expected "processing" status, but found "failure"; aborting.`,
  ]),
  note('glance-import.flow.staged-deletion', FLOWS,
    /^After upload to (?:the )?backend, (?:deleting staged image data from (?<fn>\S+)|deletion of staged image data (?:has failed because .*|from \S+ has failed because .*)|deletion of staged image data has failed because it cannot be found at \S+)$/s,
    'ussuri–master', [`After upload to the backend, deleting staged image data from /opt/stack/data/glance/staging/${IMG}`]),
  note('glance-import.flow.remote-metadata', FLOWS, /^Fetching glance image metadata from remote host (?<remote>\S+)$/, 'zed–master', ['Fetching glance image metadata from remote host http://10.0.0.12:9292']),
  note('glance-import.flow.delete-failed', FLOWS, /^(?:Error deleting from|Unexpected exception when deleting from) store (?<store>\S+?)(?: when reverting)?\.$/, 'ussuri–master', [
    'Error deleting from store cinder-b when reverting.',
    'Unexpected exception when deleting from store cinder-b.',
  ]),
  note('glance-import.flow.skip-plugins', FLOWS, /^Skipping plugins on 'copy-image' job\.$/, 'ussuri–master', ["Skipping plugins on 'copy-image' job."]),
  note('glance-import.flow.quota-task-missing', FLOWS, /^Failed to find task (?<taskId>.+) to update after quota failure$/, 'xena–master', [`Failed to find task '${TASK}' to update after quota failure`]),
  note('glance-import.plugin.data-uri', PLUGINS, /^Task (?<taskId>\S+): Got image data uri (?<uri>\S+) to be imported$/, 'train–master', [
    `Task ${TASK}: Got image data uri file:///opt/stack/data/glance/staging/${IMG} to be imported`,
  ]),
  note('glance-import.plugin.cannot-import-file', PLUGINS, /^Task (?<taskId>\S+): Could not import image file (?<file>\S+)$/, 'train–master', [
    `Task ${TASK}: Could not import image file /opt/stack/data/glance/staging/${IMG}`,
  ]),
  note('glance-import.plugin.staging-copy', PLUGINS, /^Found image, copying it in staging area$/, 'train–master', ['Found image, copying it in staging area']),
  note('glance-import.plugin.partial-staging', PLUGINS, /^Found partial image data in staging (?<fn>\S+), deleting it to re-stage again$/, 'train–master', [
    `Found partial image data in staging /opt/stack/data/glance/staging/${IMG}, deleting it to re-stage again`,
  ]),
  note('glance-import.plugin.staged-deletion-failed', PLUGINS, /^Deletion of staged image data from (?<fn>\S+) has failed because \[Errno (?<errno>\d+)\]$/s, 'train–master', [
    `Deletion of staged image data from /opt/stack/data/glance/staging/${IMG} has failed because [Errno 2]`,
  ]),
  note('glance-import.plugin.search-stores', PLUGINS, /^Image not present in default store, searching in all glance-api specific available stores$/, 'train–master', [
    'Image not present in default store, searching in all glance-api specific available stores',
  ]),
  note('glance-import.plugin.not-in-store', PLUGINS, /^Image: (?<imageId>\S+) is not present in store (?<store>\S+?)\.$/, 'train–master', [`Image: ${IMG} is not present in store cinder-a.`]),
  note('glance-import.plugin.deleting-staged', PLUGINS, /^Deleting image (?<imageId>\S+) from staging area\.$/, 'train–master', [`Deleting image ${IMG} from staging area.`]),
  note('glance-import.plugin.revert-download-failed', PLUGINS, /^Error reverting (?:web\/glance |web-)download task: (?<taskId>\S+)$/, 'train–master', [
    `Error reverting web/glance download task: ${TASK}`,
    `Error reverting web-download task: ${TASK}`,
  ]),
  note('glance-import.plugin.glance-download', PLUGINS, /^Downloading glance image (?<imageId>\S+)$/, 'zed–master', [`Downloading glance image ${IMG}`]),
  note('glance-import.plugin.uri-filtered', PLUGINS, /^Processed URI for glance-download does not pass filtering: (?<uri>.*)$/s, 'zed–master', [
    'Processed URI for glance-download does not pass filtering: http://10.0.0.9/x',
  ]),
  note('glance-import.plugin.no-conversion', PLUGINS, /^Source is already in target format, not doing conversion for (?<imageId>\S+)$/, 'train–master', [
    `Source is already in target format, not doing conversion for ${IMG}`,
  ]),
  note('glance-import.plugin.conversion-failed', PLUGINS, /^Failed to do image conversion for (?<imageId>\S+): (?<error>.*)$/s, 'train–master', [`Failed to do image conversion for ${IMG}: qemu-img failed`]),
  note('glance-import.plugin.detected-format', PLUGINS, /^Image detected as (?<detected>\S+) after conversion to (?<target>\S+)$/, 'train–master', ['Image detected as qcow2 after conversion to raw']),
  parallelStore('copying', /^Parallel import (?<outcome>copying) staged data to store (?<store>\S+) for image (?<imageId>\S+)$/, [
    `Parallel import copying staged data to store cinder-b for image ${IMG}`,
  ]),
  parallelStore('finished', /^Parallel import (?<outcome>finished) store (?<store>\S+) for image (?<imageId>\S+) size=(?<size>\S+)$/, [
    `Parallel import finished store cinder-b for image ${IMG} size=627834880`,
  ]),
  parallelStore('failed', /^Parallel import store (?<store>\S+) (?<outcome>failed) for image (?<imageId>\S+?): (?<error>.*)$/s, [
    `Parallel import store cinder-c failed for image ${IMG}: Volume creation failed`,
  ]),
  note('glance-import.parallel.stores', PARALLEL, /^Parallel store import (?:starting|finished) for image (?<imageId>\S+?): .*$/s, 'master (33.x dev)', [
    `Parallel store import starting for image ${IMG}: stores=cinder-b,cinder-c num_workers=2 all_stores_must_succeed=True method=copy-image`,
    `Parallel store import finished for image ${IMG}: succeeded=['cinder-b'] failed=[]`,
  ]),
  note('glance-import.parallel.active', PARALLEL, /^Parallel import setting image (?<imageId>\S+) active after first successful store (?<store>\S+)$/, 'master (33.x dev)', [
    `Parallel import setting image ${IMG} active after first successful store cinder-b`,
  ]),
  note('glance-import.parallel.failed', PARALLEL, /^Parallel import failed for image (?<imageId>\S+?): .*$/s, 'master (33.x dev)', [
    `Parallel import failed for image ${IMG}: ['cinder-c'] succeeded=['cinder-b'] error=boom`,
  ]),
];
