/** cinder's `host@backend#pool` (a volume's host, a service host, the suffix of a temporary file name). */
export interface HostSpec {
  readonly host: string;
  readonly backend: string | null;
  readonly pool: string | null;
}

/**
 * The one reader of `[…/]host@backend[#pool]`: what precedes the last `/` is a directory (cinder
 * suffixes its temporary files with the host spec, `…/image_fetch_<id>_<rnd>host@backend`), the last
 * `@` starts the backend and the first `#` after it the pool; an empty part is null. Never throws.
 */
export function parseHostSpec(text: string): HostSpec {
  const name = text.slice(text.lastIndexOf('/') + 1);
  const at = name.lastIndexOf('@');
  if (at < 0) return { host: name, backend: null, pool: null };
  const rest = name.slice(at + 1);
  const hash = rest.indexOf('#');
  const backend = hash < 0 ? rest : rest.slice(0, hash);
  const pool = hash < 0 ? null : rest.slice(hash + 1);
  return { host: name.slice(0, at), backend: backend === '' ? null : backend, pool: pool === '' ? null : pool };
}
