// devstack units on a host (reference §2.5) and the non-OpenStack journal noise around them.
import type { Ctx, Level, Rec, Src } from './format.ts';
import { hex32 } from './ids.ts';
import type { Host, Service, World } from './journal.ts';

const PY = '/usr/bin/python3.12';
const VBIN = '/opt/stack/data/venv/bin';
type Kind = 'c-vol' | 'c-sch' | 'c-api' | 'g-api' | 'n-cpu' | 'keystone';
const DEF: Record<Kind, { ident: string; comm: string; exe: string; cmd: string }> = {
  'c-vol': { ident: 'cinder-volume', comm: 'cinder-volume', exe: PY, cmd: `${VBIN}/python3.12 ${VBIN}/cinder-volume --config-file /etc/cinder/cinder.conf` },
  'c-sch': { ident: 'cinder-scheduler', comm: 'cinder-schedule', exe: PY, cmd: `${VBIN}/python3.12 ${VBIN}/cinder-scheduler --config-file /etc/cinder/cinder.conf` },
  'n-cpu': { ident: 'nova-compute', comm: 'nova-compute', exe: PY, cmd: `${VBIN}/python3.12 ${VBIN}/nova-compute --config-file /etc/nova/nova-cpu.conf` },
  'c-api': { ident: 'devstack@c-api.service', comm: 'cinder-apiuwsgi', exe: `${VBIN}/uwsgi`, cmd: 'cinder-apiuwsgi master' },
  'g-api': { ident: 'devstack@g-api.service', comm: 'glance-apiuwsgi', exe: `${VBIN}/uwsgi`, cmd: 'glance-apiuwsgi master' },
  keystone: { ident: 'devstack@keystone.service', comm: 'keystoneuwsgi m', exe: `${VBIN}/uwsgi`, cmd: 'keystoneuwsgi master' },
};

export interface Svc extends Service {
  workers: number[]; // %(process)d values seen in the DEBUG suffix
}

export function service(h: Host, kind: Kind, pid: number, opts: { color?: boolean; minLevel?: Level; workers?: number[] } = {}): Svc {
  const d = DEF[kind];
  return {
    host: h, ident: d.ident, unit: `devstack@${kind}.service`, pid, comm: d.comm, exe: d.exe, cmdline: d.cmd, uid: 1001,
    color: opts.color ?? false, minLevel: opts.minLevel ?? 'DEBUG',
    invocation: hex32(`inv/${h.name}/${kind}`), stream: hex32(`stream/${h.name}/${kind}`),
    workers: opts.workers ?? [pid],
  };
}

/** Emit one record from a service (pid = first worker unless given). */
export function say(w: World, s: Svc, t: number, level: Level, logger: string, ctx: Ctx | null, msg: string, more: Partial<Rec> & { src?: Src } = {}): void {
  w.log(s, { t, level, logger, ctx, msg, pid: s.workers[0] ?? s.pid, ...more });
}

export const noCtx = null;
export const periodicCtx = (rid: string): Ctx => ({ gid: null, rid, project: 'None', user: null, userId: '-', projectId: '-' });

export function kernel(w: World, h: Host, t: number, msg: string): void {
  w.add(h, t, [['_TRANSPORT', 'kernel'], ['PRIORITY', '6'], ['SYSLOG_FACILITY', '0'], ['SYSLOG_IDENTIFIER', 'kernel'],
    ['_SOURCE_MONOTONIC_TIMESTAMP', String(t - h.bootT - 37)], ['MESSAGE', msg]]);
}

export function syslog(w: World, h: Host, t: number, ident: string, pid: number, prio: number, fac: number, msg: string): void {
  w.add(h, t, [['_TRANSPORT', 'syslog'], ['PRIORITY', String(prio)], ['SYSLOG_FACILITY', String(fac)],
    ['SYSLOG_IDENTIFIER', ident], ['SYSLOG_PID', String(pid)], ['_PID', String(pid)], ['_UID', ident === 'sshd' ? '0' : '1001'],
    ['_GID', ident === 'sshd' ? '0' : '1001'], ['_COMM', ident], ['_SOURCE_REALTIME_TIMESTAMP', String(t - 150)], ['MESSAGE', msg]]);
}

/** sudo's three lines around a rootwrap command. */
export function sudo(w: World, h: Host, t: number, pid: number, cmd: string, secs: number): void {
  syslog(w, h, t, 'sudo', pid, 5, 10, `    stack : PWD=/ ; USER=root ; COMMAND=/opt/stack/data/venv/bin/cinder-rootwrap /etc/cinder/rootwrap.conf ${cmd}`);
  syslog(w, h, t + 900, 'sudo', pid, 6, 10, 'pam_unix(sudo:session): session opened for user root(uid=0) by (uid=1001)');
  syslog(w, h, t + Math.round(secs * 1e6) + 1300, 'sudo', pid, 6, 10, 'pam_unix(sudo:session): session closed for user root');
}

export function sshLogin(w: World, h: Host, t: number, pid: number, from: string): void {
  syslog(w, h, t, 'sshd', pid, 6, 4, `Accepted publickey for stack from ${from} port ${40000 + (pid % 20000)} ssh2: ED25519 SHA256:q8Vv0mX3yJ7cR2bN5tK9wL1pZ4sD6fH8gA0eU3iO7uY`);
  syslog(w, h, t + 4200, 'sshd', pid, 6, 10, 'pam_unix(sshd:session): session opened for user stack(uid=1001) by (uid=0)');
}

export function systemd(w: World, h: Host, t: number, msg: string): void {
  w.add(h, t, [['_TRANSPORT', 'journal'], ['PRIORITY', '6'], ['SYSLOG_FACILITY', '3'], ['SYSLOG_IDENTIFIER', 'systemd'],
    ['_PID', '1'], ['_UID', '0'], ['_GID', '0'], ['_COMM', 'systemd'], ['_EXE', '/usr/lib/systemd/systemd'],
    ['_SYSTEMD_UNIT', 'init.scope'], ['CODE_FILE', 'src/core/job.c'], ['CODE_FUNC', 'job_emit_done_message'], ['MESSAGE', msg]]);
}
