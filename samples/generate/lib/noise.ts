// Background noise: periodic cinder-volume / nova-compute tasks with their own request ids,
// keystone token checks, ssh logins and kernel lines.
import { type Svc, kernel, periodicCtx, say, sshLogin } from './devstack.ts';
import { req, rng } from './ids.ts';
import type { World } from './journal.ts';
import { CINDER, VENV } from './src.ts';
import { uwsgi } from './services.ts';

const per = { func: 'run_periodic_tasks', path: `${VENV}oslo_service/periodic_task.py`, line: 210 };

export function cinderPeriodic(w: World, s: Svc, from: number, to: number, seed: string, vg: string | null = 'stack-volumes-lvmdriver-1'): void {
  const r = rng(seed);
  for (let t = from + Math.round(r() * 20e6), i = 0; t < to; t += 60e6 + Math.round(r() * 400e3), i++) {
    const ctx = periodicCtx(req(`${seed}/periodic/${i}`));
    say(w, s, t, 'DEBUG', 'oslo_service.periodic_task', ctx, 'Running periodic task VolumeManager.publish_service_capabilities', { src: per });
    const cmd = `sudo cinder-rootwrap /etc/cinder/rootwrap.conf env LC_ALL=C lvs --noheadings --unit=g -o vg_name,name,size --nosuffix --readonly ${vg}`;
    if (vg) say(w, s, t + 2300, 'DEBUG', 'oslo_concurrency.processutils', ctx, `Running cmd (subprocess): ${cmd}`, { src: { func: 'execute', path: `${VENV}oslo_concurrency/processutils.py`, line: 349 } });
    if (vg) say(w, s, t + 191000, 'DEBUG', 'oslo_concurrency.processutils', ctx, `CMD "${cmd}" returned: 0 in 0.187s`, { src: { func: 'execute', path: `${VENV}oslo_concurrency/processutils.py`, line: 372 } });
    say(w, s, t + 203000, 'DEBUG', 'cinder.manager', ctx, 'Notifying Schedulers of capabilities ...', { src: { func: '_publish_service_capabilities', path: `${CINDER}manager.py`, line: 197 } });
  }
}

export function novaPeriodic(w: World, s: Svc, from: number, to: number, seed: string): void {
  const r = rng(seed);
  const tasks = ['ComputeManager._poll_rebooting_instances', 'ComputeManager._instance_usage_audit', 'ComputeManager._poll_volume_usage', 'ComputeManager._sync_power_states', 'ComputeManager.update_available_resource'];
  for (let t = from + Math.round(r() * 9e6), i = 0; t < to; t += 20e6 + Math.round(r() * 5e6), i++) {
    say(w, s, t, 'DEBUG', 'oslo_service.periodic_task', periodicCtx(req(`${seed}/nova/${i}`)), `Running periodic task ${tasks[i % tasks.length]}`, { src: per });
  }
}

export function keystoneChecks(w: World, k: Svc, from: number, to: number, seed: string): void {
  const r = rng(seed);
  for (let t = from + Math.round(r() * 5e6); t < to; t += 7e6 + Math.round(r() * 6e6)) {
    uwsgi(w, k, t, t + 18000 + Math.round(r() * 30000), 'GET', '/identity/v3/auth/tokens', 7016, 200, '10.0.0.11');
  }
}

export function hostNoise(w: World, s: Svc, from: number, seed: string): void {
  const r = rng(seed);
  sshLogin(w, s.host, from + Math.round(r() * 3e6), 41000 + Math.floor(r() * 9000), '10.0.0.5');
  kernel(w, s.host, from + 9e6 + Math.round(r() * 4e6), 'EXT4-fs (dm-3): mounted filesystem 0c9e1b6f-4a31-4a5f-9a5e-1d2f3c4b5a69 r/w with ordered data mode. Quota mode: none.');
}
