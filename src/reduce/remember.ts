/**
 * The reducer's one bounded map rule: `key` becomes the newest entry of `map` (a Map keeps insertion
 * order, so writing a key again moves it to the end), and the oldest entries are dropped while more
 * than `bound` remain. What was written least recently goes first; reads do not count.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, bound: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > bound) {
    const oldest = map.keys().next();
    if (oldest.done === true) return;
    map.delete(oldest.value);
  }
}
