// One oslo.log record and the two ways it is written: devstack's systemd format (stdout to
// journald, literal ESC codes, reference §2.3) and the oslo.log default file format (§2.1).
export type Level = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface Ctx {
  gid: string | null; // global_request_id (nova's id, or None)
  rid: string; // request_id (req-<uuid>)
  project: string; // project_name (devstack format)
  user: string | null; // user_name (None in cinder-volume)
  userId: string; // for the oslo default user_identity
  projectId: string;
}

export interface Src {
  func: string;
  path: string;
  line: number;
}

export interface Rec {
  t: number; // µs since the epoch
  level: Level;
  logger: string;
  ctx: Ctx | null;
  msg: string;
  pid: number; // %(process)d
  src?: Src; // DEBUG suffix
  summary?: string; // error_summary appended as ": <summary>"
  exc?: string[]; // traceback text lines (LOG.exception)
  instance?: string;
}

const E = '\x1b';
const COLOR: Record<Level, string> = {
  DEBUG: `${E}[00;32m`,
  INFO: `${E}[00;36m`,
  WARNING: `${E}[01;33m`,
  ERROR: `${E}[01;31m`,
};

/** devstack setup_systemd_logging; returns the record text (may contain \n). */
export function devstackText(r: Rec, color: boolean): string {
  const c = color ? COLOR[r.level] : '';
  const inst = r.instance ? `[instance: ${r.instance}] ` : '';
  let s = r.ctx
    ? `${c}${r.level} ${r.logger} [${E}[01;36m${r.ctx.gid ?? 'None'} ${r.ctx.rid} ${E}[00;36m${r.ctx.project} ${r.ctx.user ?? 'None'}${c}] ${E}[01;35m${inst}${c}${r.msg}${E}[00m`
    : `${c}${r.level} ${r.logger} [${E}[00;36m-${c}] ${E}[01;35m${inst}${c}${r.msg}${E}[00m`;
  if (r.summary) s += `: ${r.summary}`;
  if (r.level === 'DEBUG' && r.src) s += ` ${E}[00;33m{{(pid=${r.pid}) ${r.src.func} ${r.src.path}:${r.src.line}}}${E}[00m`;
  if (r.exc) s += r.exc.map((l) => `\nERROR ${r.logger} ${E}[01;35m${inst}${E}[00m${l}`).join('');
  if (color) s += `${E}[00m`;
  return s;
}

function stamp(t: number): string {
  const d = new Date(Math.floor(t / 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

export type FileStyle = 'zed' | 'yoga';

/** oslo.log default file format: Zed+ (global id + 6 identity fields) or Yoga (5 fields). */
export function osloFileText(r: Rec, style: FileStyle, pathMap: (p: string) => string = (p) => p): string {
  const ts = stamp(r.t);
  const inst = r.instance ? `[instance: ${r.instance}] ` : '';
  const ident = (c: Ctx) => {
    if (c.userId === '-') return style === 'zed' ? '- - - - - -' : '- - - - -'; // admin/periodic context
    return style === 'zed' ? `${c.userId} ${c.projectId} - - default default` : `${c.userId} ${c.projectId} - default default`;
  };
  const ctx = r.ctx ? (style === 'zed' ? `[${r.ctx.gid ?? 'None'} ${r.ctx.rid} ${ident(r.ctx)}]` : `[${r.ctx.rid} ${ident(r.ctx)}]`) : '[-]';
  let s = `${ts} ${r.pid} ${r.level} ${r.logger} ${ctx} ${inst}${r.msg}`;
  if (r.summary) s += `: ${r.summary}`;
  if (r.level === 'DEBUG' && r.src) s += ` ${r.src.func} ${pathMap(r.src.path)}:${r.src.line}`;
  if (r.exc) s += r.exc.map((l) => `\n${ts} ${r.pid} ERROR ${r.logger} ${inst}${l}`).join('');
  return s;
}
