// One cinder-volume create flow: a clock, its request context and the lines every create
// writes (taskflow transitions, E1 start, E2/E3 end). Steps live in steps-*.ts.
import type { Ctx, Level, Rec, Src } from './format.ts';
import { rng, uuid } from './ids.ts';
import type { World } from './journal.ts';
import type { Svc } from './devstack.ts';
import { sudo } from './devstack.ts';
import { atLeast, backendOf, imageSpec, volName, volumeOvo, type Image, type Release, type Vol } from './model.ts';
import type { Py } from './pyrepr.ts';
import { SRC } from './src.ts';

export const CV = 'cinder.volume.flows.manager.create_volume';
export const MGR = 'cinder.volume.manager';
export const PROC = 'oslo_concurrency.processutils';
const TASK = 'cinder.volume.flows.manager.create_volume.';

export interface FlowOpts {
  release?: Release;
  img?: Image;
  loc?: Py; // E1 image_location
  created?: string; // ISO, for the Volume repr
  onSpec?: (f: Flow) => void; // lines logged while ExtractVolumeSpecTask runs (e.g. cinder.image.glance)
}

import { recordLocation } from './truth.ts';

export class Flow {
  readonly release: Release;
  private jitter: () => number;
  private tasks = new Map<string, string>();
  readonly flowId: string;
  constructor(public w: World, public svc: Svc, public t: number, public ctx: Ctx, public vol: Vol, public o: FlowOpts = {}) {
    this.release = o.release ?? '2025.1';
    this.jitter = rng(`jitter/${vol.id}`);
    this.flowId = uuid(`flow/${vol.id}`);
    if (o.loc !== undefined) recordLocation(vol.id, o.loc);
  }
  get img(): Image {
    if (!this.o.img) throw new Error('flow has no image');
    return this.o.img;
  }
  get py2(): boolean {
    return this.release === 'stein';
  }
  get vu(): string {
    return this.py2 ? 'cinder.volume.utils' : 'cinder.volume.volume_utils';
  }
  get backend(): string {
    return backendOf(this.vol);
  }
  /** Emit a record now, then advance the clock by a few ms (or `gap` seconds). */
  log(level: Level, logger: string, msg: string, more: Partial<Rec> & { src?: Src; gap?: number } = {}): void {
    const { gap, ...rest } = more;
    let src = rest.src;
    if (src && this.py2) src = { ...src, path: src.path.replace('volume/volume_utils.py', 'volume/utils.py').replace('/opt/stack/data/venv/lib/python3.12/site-packages/', '/usr/lib/python2.7/site-packages/') };
    this.w.log(this.svc, { t: this.t, level, logger, ctx: this.ctx, msg, pid: this.svc.workers[0] ?? this.svc.pid, ...rest, ...(src ? { src } : {}) });
    this.wait(gap ?? 0.0008 + this.jitter() * 0.005);
  }
  debug(logger: string, msg: string, src: Src): void {
    this.log('DEBUG', logger, msg, { src });
  }
  info(logger: string, msg: string): void {
    this.log('INFO', logger, msg);
  }
  wait(secs: number): void {
    this.t += Math.round(secs * 1e6);
  }
  /** processutils Running cmd / CMD returned (and sudo's lines for rootwrap commands). */
  cmd(cmd: string, secs: number, rc = 0): void {
    this.debug(PROC, `Running cmd (subprocess): ${cmd}`, SRC.procRun);
    const root = cmd.startsWith('sudo cinder-rootwrap /etc/cinder/rootwrap.conf ');
    if (root) sudo(this.w, this.svc.host, this.t + 2100, 900000 + Math.floor(this.jitter() * 90000), cmd.slice(47), secs);
    this.wait(secs);
    this.log('DEBUG', PROC, `CMD "${cmd}" returned: ${rc} in ${secs.toFixed(3)}s`, { src: SRC.procRet });
  }
  private task(name: string, to: string, from: string, result?: string): void {
    if (!this.tasks.has(name)) this.tasks.set(name, uuid(`task/${this.vol.id}/${name}`));
    const r = result === undefined ? '' : ` with result '${result}'`;
    this.debug(MGR, `Task '${TASK}${name}' (${this.tasks.get(name)}) transitioned into state '${to}' from state '${from}'${r}`, SRC.tfTask);
  }
  flowState(to: string, from: string): void {
    this.debug(MGR, `Flow 'volume_create_manager' (${this.flowId}) transitioned into state '${to}' from state '${from}'`, SRC.tfFlow);
  }
  /** Taskflow preamble and E1. `spec` is the printed dict; `full` is the ExtractVolumeSpecTask result. */
  start(type: 'image' | 'source_vol' | 'raw', spec?: string, full?: string, reschedule = true): void {
    const created = this.o.created ?? new Date(Math.floor(this.t / 1e3) - 1500).toISOString().slice(0, 19);
    const s = spec ?? (this.o.img && this.o.loc ? imageSpec(this.vol, this.img, this.o.loc, this.py2) : '');
    const f = full ?? (this.o.img && this.o.loc && !this.py2 ? imageSpec(this.vol, this.img, this.o.loc, false, true) : s);
    if (reschedule) {
      this.debug(CV, `Volume reschedule parameters: True retry: {'num_attempts': 1, 'backends': ['${this.vol.host}'], 'hosts': ['${this.vol.host}']}`, SRC.reschedParams);
    }
    this.flowState('RUNNING', 'PENDING');
    this.task('ExtractVolumeRefTask;volume:create', 'RUNNING', 'PENDING');
    this.task('ExtractVolumeRefTask;volume:create', 'SUCCESS', 'RUNNING', volumeOvo(this.vol, created));
    if (reschedule) {
      this.task('OnFailureRescheduleTask;volume:create', 'RUNNING', 'PENDING');
      this.task('OnFailureRescheduleTask;volume:create', 'SUCCESS', 'RUNNING', 'None');
    }
    this.task('ExtractVolumeSpecTask;volume:create', 'RUNNING', 'PENDING');
    this.o.onSpec?.(this);
    this.task('ExtractVolumeSpecTask;volume:create', 'SUCCESS', 'RUNNING', f);
    this.task('NotifyVolumeActionTask;volume:create, create.start', 'RUNNING', 'PENDING');
    this.task('NotifyVolumeActionTask;volume:create, create.start', 'SUCCESS', 'RUNNING', 'None');
    this.task('CreateVolumeFromSpecTask;volume:create', 'RUNNING', 'PENDING');
    this.info(CV, `Volume ${this.vol.id}: being created as ${type} with specification: ${s}`);
    this.specText = s;
  }
  specText = '';
  /** `Cloning … at location …` (≤2025.2, two spaces) or `Trying to clone …` (2026.1+). */
  cloningAt(): void {
    const loc = this.locText();
    const m = atLeast(this.release, '2026.1')
      ? `Trying to clone ${this.vol.id} from image ${this.img.id} at location ${loc}.`
      : `Cloning ${this.vol.id} from image ${this.img.id}  at location ${loc}.`;
    this.debug(CV, m, SRC.cloning);
  }
  locText(): string {
    const m = /'image_location': (\(.*?\)), 'image_(?:meta|id|service)'/.exec(this.specText);
    return m?.[1] ?? '(None, None)';
  }
  /** E2 + E3 with the taskflow tail. */
  success(): void {
    this.task('CreateVolumeFromSpecTask;volume:create', 'SUCCESS', 'RUNNING', this.specText);
    this.task('CreateVolumeOnFinishTask;volume:create, create.end', 'RUNNING', 'PENDING');
    this.info(CV, `Volume ${volName(this.vol)} (${this.vol.id}): created successfully`);
    this.task('CreateVolumeOnFinishTask;volume:create, create.end', 'SUCCESS', 'RUNNING', 'None');
    this.flowState('SUCCESS', 'RUNNING');
    this.info(MGR, 'Created volume successfully.');
  }
  taskTransition(name: string, to: string, from: string, extra = '', more: Partial<Rec> = {}): void {
    if (!this.tasks.has(name)) this.tasks.set(name, uuid(`task/${this.vol.id}/${name}`));
    this.log(to === 'REVERTED' || to === 'FAILURE' ? 'WARNING' : 'DEBUG', MGR,
      `Task '${TASK}${name}' (${this.tasks.get(name)}) transitioned into state '${to}' from state '${from}'${extra}`, { src: SRC.tfTask, ...more });
  }
}
