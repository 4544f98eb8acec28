// A create that fails inside the copy: qemu-img convert exits 1 (reference §6.1, §3.7, §2.6).
import { Flow, CV, MGR, PROC } from './flow.ts';
import { SRC, VENV } from './src.ts';

const C = '/opt/stack/cinder/cinder/';
const fr = (file: string, line: number, fn: string, code: string): string[] => [`  File "${file}", line ${line}, in ${fn}`, `    ${code}`];

export function pee(cmd: string, stderr: string): string {
  return `Unexpected error while running command.\nCommand: ${cmd}\nExit code: 1\nStdout: ''\nStderr: '${stderr}\\n'`;
}

/** qemu-img convert fails; volume_utils logs ERROR + traceback; returns the ImageCopyFailure text. */
export function convertFails(f: Flow, cmd: string, secs: number, stderr: string): string {
  f.debug(PROC, `Running cmd (subprocess): ${cmd}`, SRC.procRun);
  f.wait(secs);
  f.debug(PROC, `CMD "${cmd}" returned: 1 in ${secs.toFixed(3)}s`, SRC.procRet);
  f.debug(PROC, `'${cmd}' failed. Not Retrying.`, SRC.procFail);
  const err = pee(cmd, stderr);
  const tb = [
    'Traceback (most recent call last):',
    ...fr(`${C}volume/volume_utils.py`, 1203, 'copy_image_to_volume', 'driver.copy_image_to_volume('),
    ...fr(`${C}volume/drivers/lvm.py`, 514, 'copy_image_to_volume', 'image_utils.fetch_to_raw(context,'),
    ...fr(`${C}image/image_utils.py`, 1030, 'fetch_to_raw', 'fetch_to_volume_format(context, image_service, image_id, dest,'),
    ...fr(`${C}image/image_utils.py`, 1153, 'fetch_to_volume_format', 'convert_image(tmp, dest, volume_format,'),
    ...fr(`${C}image/image_utils.py`, 583, 'convert_image', '_convert_image(prefix, source, dest, out_format,'),
    ...fr(`${C}image/image_utils.py`, 512, '_convert_image', 'utils.execute(*cmd, run_as_root=run_as_root)'),
    ...fr(`${C}utils.py`, 161, 'execute', 'return processutils.execute(*cmd, **kwargs)'),
    ...fr(`${VENV}oslo_concurrency/processutils.py`, 438, 'execute', 'raise ProcessExecutionError(exit_code=_returncode,'),
    ...`oslo_concurrency.processutils.ProcessExecutionError: ${err}`.split('\n'),
    '',
  ];
  f.log('ERROR', f.vu, `Failed to copy image ${f.img.id} to volume: ${f.vol.id}`, { summary: `oslo_concurrency.processutils.ProcessExecutionError: ${err}`, exc: tb });
  return `Failed to copy image to volume: ${stderr}`;
}

/** What a create fails with: the traceback's last line and the frames below copy_image_to_volume. */
export interface Raised {
  sum: string;
  frames: string[];
  /** false: raised before `_create_from_image_download` (the download into the conversion directory). */
  fromDownload?: boolean;
}

/** Taskflow FAILURE (WARNING with predecessors and traceback), REVERTED lines, `create failed`, RPC error. */
export function flowFails(f: Flow, copyFailure: string, raised?: Raised): void {
  const sum = raised?.sum ?? `cinder.exception.ImageCopyFailure: ${copyFailure}`;
  const tail = raised?.frames ?? fr(`${C}volume/volume_utils.py`, 1221, 'copy_image_to_volume', 'raise exception.ImageCopyFailure(reason=ex.stderr)');
  const atom = (n: string) => `'cinder.volume.flows.manager.create_volume.${n}' {'intention': 'EXECUTE', 'state': 'SUCCESS', 'requires': {'context': <cinder.context.RequestContext object at 0x7f8c2e1d4a90>, 'volume': Volume(id=${f.vol.id},size=${f.vol.size},status='creating')}, 'provides': None}`;
  const pred = [
    '', '5 predecessors (most recent first):',
    `  Atom ${atom('NotifyVolumeActionTask;volume:create, create.start')}`,
    `  |__Atom ${atom('ExtractVolumeSpecTask;volume:create')}`,
    `     |__Atom ${atom('OnFailureRescheduleTask;volume:create')}`,
    `        |__Atom ${atom('ExtractVolumeRefTask;volume:create')}`,
    "           |__Flow 'volume_create_manager'",
  ].join('\n');
  const tb = [
    'Traceback (most recent call last):',
    ...fr(`${VENV}taskflow/engines/action_engine/executor.py`, 52, '_execute_task', 'result = task.execute(**arguments)'),
    ...fr(`${C}volume/flows/manager/create_volume.py`, 1269, 'execute', 'model_update = self._create_from_image(context,'),
    ...fr(`${C}volume/flows/manager/create_volume.py`, 1150, '_create_from_image', 'model_update = self._create_from_image_cache_or_download('),
    ...fr(`${C}volume/flows/manager/create_volume.py`, 1023, '_create_from_image_cache_or_download', 'model_update = self._create_from_image_download('),
    ...(raised?.fromDownload === false ? [] : fr(`${C}volume/flows/manager/create_volume.py`, 820, '_create_from_image_download', 'volume_utils.copy_image_to_volume(self.driver, context, volume,')),
    ...tail,
    sum, '', '',
  ];
  f.taskTransition('CreateVolumeFromSpecTask;volume:create', 'FAILURE', 'RUNNING', pred, { summary: sum, exc: tb });
  f.taskTransition('CreateVolumeFromSpecTask;volume:create', 'REVERTING', 'FAILURE');
  f.taskTransition('CreateVolumeFromSpecTask;volume:create', 'REVERTED', 'REVERTING');
  for (const n of ['NotifyVolumeActionTask;volume:create, create.start', 'ExtractVolumeSpecTask;volume:create']) {
    f.taskTransition(n, 'REVERTING', 'SUCCESS');
    f.taskTransition(n, 'REVERTED', 'REVERTING');
  }
  f.taskTransition('OnFailureRescheduleTask;volume:create', 'REVERTING', 'SUCCESS');
  f.log('ERROR', CV, `Volume ${f.vol.id}: create failed`);
  f.taskTransition('OnFailureRescheduleTask;volume:create', 'REVERTED', 'REVERTING');
  f.taskTransition('ExtractVolumeRefTask;volume:create', 'REVERTING', 'SUCCESS');
  f.taskTransition('ExtractVolumeRefTask;volume:create', 'REVERTED', 'REVERTING');
  f.log('WARNING', MGR, `Flow 'volume_create_manager' (${f.flowId}) transitioned into state 'REVERTED' from state 'RUNNING'`);
  f.log('ERROR', 'oslo_messaging.rpc.server', 'Exception during message handling', {
    summary: sum,
    exc: [
      'Traceback (most recent call last):',
      ...fr(`${VENV}oslo_messaging/rpc/server.py`, 174, '_process_incoming', 'res = self.dispatcher.dispatch(message)'),
      ...fr(`${VENV}oslo_messaging/rpc/dispatcher.py`, 309, 'dispatch', 'return self._do_dispatch(endpoint, method, ctxt, args)'),
      ...fr(`${VENV}oslo_messaging/rpc/dispatcher.py`, 229, '_do_dispatch', 'result = func(ctxt, **new_args)'),
      ...fr(`${C}volume/manager.py`, 793, 'create_volume', '_run_flow()'),
      ...fr(`${C}volume/manager.py`, 785, '_run_flow', 'flow_engine.run()'),
      ...fr(`${VENV}taskflow/engines/action_engine/engine.py`, 247, 'run', 'for _state in self.run_iter(timeout=timeout):'),
      ...fr(`${VENV}taskflow/types/failure.py`, 295, 'reraise', 'raise value'),
      ...tail,
      sum, '', '',
    ],
  });
}

/**
 * TemporaryImages.fetch → fetch: the download into image_conversion_dir hits ENOSPC. fetch logs the
 * reason with LOG.exception and raises ImageTooBig, which _create_from_image_cache_or_download lets
 * through (a user message, no log line): the taskflow failure carries it (reference §5.1).
 */
export function fetchNoSpace(f: Flow, dir: string, secs: number): void {
  f.wait(secs);
  const reason = `No space left in image_conversion_dir path (${dir}) while fetching image ${f.img.id}.`;
  f.log('ERROR', 'cinder.image.image_utils', reason, {
    summary: "OSError: [Errno 28] No space left on device",
    exc: [
      'Traceback (most recent call last):',
      ...fr(`${C}image/image_utils.py`, 705, 'fetch', 'image_service.download(context, image_id,'),
      ...fr(`${C}image/glance.py`, 403, 'download', 'data.write(chunk)'),
      'OSError: [Errno 28] No space left on device',
      '',
    ],
  });
  flowFails(f, '', {
    sum: `cinder.exception.ImageTooBig: Image ${f.img.id} size exceeded available disk space: ${reason}`,
    fromDownload: false,
    frames: [
      ...fr(`${C}volume/flows/manager/create_volume.py`, 991, '_create_from_image_cache_or_download', 'with image_utils.TemporaryImages.fetch('),
      ...fr(`${C}image/image_utils.py`, 1429, 'fetch', 'fetch_verify_image(context, image_service, image_id, tmp)'),
      ...fr(`${C}image/image_utils.py`, 716, 'fetch', 'raise exception.ImageTooBig(image_id=image_id,'),
    ],
  });
}

/**
 * image_conversion_disable = True (zed+) and the image is not in the volume format: fetch_to_volume_format
 * raises ImageConversionNotAllowed before qemu-img runs; copy_image_to_volume logs it (LOG.exception,
 * error summary appended) and re-raises; the create fails and is not rescheduled (reference §5.4, §6.1).
 */
export function conversionRefused(f: Flow, volumeFormat: string): void {
  const sum = `cinder.exception.ImageConversionNotAllowed: Image Conversion disallowed for image ${f.img.id}: Image conversion is disabled. ` +
    `The volume type you have requested requires that the image it is being created from be in '${volumeFormat}' format, but the image you are using has the disk_format property '${f.img.diskFormat}'. ` +
    `You must use an image with the disk_format property '${volumeFormat}' to create a volume of this type.`;
  const frames = [
    ...fr(`${C}volume/volume_utils.py`, 1209, 'copy_image_to_volume', 'driver.copy_image_to_volume('),
    ...fr(`${C}volume/drivers/lvm.py`, 556, 'copy_image_to_volume', 'image_utils.fetch_to_raw(context,'),
    ...fr(`${C}image/image_utils.py`, 976, 'fetch_to_raw', "fetch_to_volume_format(context, image_service, image_id, dest, 'raw',"),
    ...fr(`${C}image/image_utils.py`, 1019, 'fetch_to_volume_format', 'check_image_conversion_disable('),
    ...fr(`${C}image/image_utils.py`, 998, 'check_image_conversion_disable', 'raise exception.ImageConversionNotAllowed('),
  ];
  f.log('ERROR', f.vu, `Failed to copy image ${f.img.id} to volume: ${f.vol.id}`, { summary: sum, exc: ['Traceback (most recent call last):', ...frames, sum, ''] });
  flowFails(f, '', { sum, frames });
}
