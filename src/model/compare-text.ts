/**
 * Orders strings by UTF-16 code units, the same on every machine. `localeCompare` without a
 * locale follows the process's ICU locale (LANG), so two operators could get host, image and
 * advice lists in different orders from the same logs.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
