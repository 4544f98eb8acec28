// Hosts, services and the journal export stream (docs/JOURNAL_EXPORT_FORMATS.md).
import { devstackText, type Level, type Rec } from './format.ts';
import { hex32 } from './ids.ts';

export interface Host {
  name: string;
  bootId: string;
  machineId: string;
  bootT: number; // realtime µs of the boot (monotonic 0)
}

export interface Service {
  host: Host;
  ident: string; // SYSLOG_IDENTIFIER
  unit: string;
  pid: number; // _PID (the unit's main process)
  comm: string;
  exe: string;
  cmdline: string;
  uid: number;
  color: boolean; // devstack LOG_COLOR
  minLevel: Level; // INFO when debug=False
  invocation: string;
  stream: string;
}

export type Field = [string, string | Buffer];
export interface Entry {
  t: number;
  seq: number;
  host: Host;
  fields: Field[];
}

export function host(name: string, bootT: number, tag = ''): Host {
  return { name, bootId: hex32(`boot/${name}/${tag}`), machineId: hex32(`machine/${name}`), bootT };
}

const LEVELS: Level[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];

export class World {
  entries: Entry[] = [];
  recs: Array<{ svc: Service; rec: Rec }> = [];
  private seq = 0;

  add(h: Host, t: number, fields: Field[]): void {
    this.entries.push({ t, seq: this.seq++, host: h, fields });
  }

  /** One oslo.log record from a devstack service: one journal entry per line (stdout transport). */
  log(svc: Service, rec: Rec): void {
    if (LEVELS.indexOf(rec.level) < LEVELS.indexOf(svc.minLevel)) return;
    this.recs.push({ svc, rec });
    devstackText(rec, svc.color)
      .split('\n')
      .forEach((line, i) => this.stdout(svc, rec.t + i * 11, line));
  }

  /** A plain stdout line (uwsgi request log, continuation lines). */
  stdout(svc: Service, t: number, line: string): void {
    this.add(svc.host, t, [
      ['_TRANSPORT', 'stdout'],
      ['_STREAM_ID', svc.stream],
      ['PRIORITY', '6'],
      ['SYSLOG_FACILITY', '3'],
      ['SYSLOG_IDENTIFIER', svc.ident],
      ['_PID', String(svc.pid)],
      ['_UID', String(svc.uid)],
      ['_GID', String(svc.uid)],
      ['_COMM', svc.comm],
      ['_EXE', svc.exe],
      ['_CMDLINE', svc.cmdline],
      ['_CAP_EFFECTIVE', '0'],
      ['_SYSTEMD_CGROUP', `/system.slice/system-devstack.slice/${svc.unit}`],
      ['_SYSTEMD_UNIT', svc.unit],
      ['_SYSTEMD_SLICE', 'system-devstack.slice'],
      ['_SYSTEMD_INVOCATION_ID', svc.invocation],
      ['MESSAGE', line],
    ]);
  }

  sorted(): Entry[] {
    return [...this.entries].sort((a, b) => a.t - b.t || a.seq - b.seq);
  }
}

function isText(v: Buffer): boolean {
  const s = v.toString('utf8');
  if (!Buffer.from(s, 'utf8').equals(v)) return false;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return false;
  }
  return true;
}

function field(name: string, value: string | Buffer): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (isText(v)) return Buffer.concat([Buffer.from(`${name}=`), v, Buffer.from('\n')]);
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(v.length));
  return Buffer.concat([Buffer.from(`${name}\n`), len, v, Buffer.from('\n')]);
}

/** Binary-safe export stream, entries in realtime order. */
export function exportStream(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(field('__REALTIME_TIMESTAMP', String(e.t)));
    parts.push(field('__MONOTONIC_TIMESTAMP', String(e.t - e.host.bootT)));
    parts.push(field('_BOOT_ID', e.host.bootId));
    parts.push(field('_MACHINE_ID', e.host.machineId));
    parts.push(field('_HOSTNAME', e.host.name));
    for (const [k, v] of e.fields) parts.push(field(k, v));
    parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}
