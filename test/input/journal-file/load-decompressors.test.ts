import { execFileSync, spawnSync } from 'node:child_process';
import test from 'ava';
import { decompressPayload, loadDecompressors } from '../../../src/input/journal-file/decompress-payload.ts';
import { JOURNAL } from '../../../src/input/journal-file/journal-layout.ts';
import { needing } from '../../helpers/needing.ts';

const maybe = needing(spawnSync('sh', ['-c', 'command -v zstd']).status === 0 ? null : 'zstd (Debian package zstd)');

// zstddec would fetch its WebAssembly from a data: URL, loading undici (~25–30 ms per thread) for
// bytes already in memory; loadDecompressors hides `fetch` from it for that one call.
test.serial('loadDecompressors never calls fetch and leaves the global fetch as it was', async (t) => {
  const original = globalThis.fetch;
  let calls = 0;
  const spy: typeof fetch = (...args) => {
    calls++;
    return original(...args);
  };
  globalThis.fetch = spy;
  try {
    await loadDecompressors();
    t.is(calls, 0);
    t.is(globalThis.fetch, spy);
    t.deepEqual(Object.getOwnPropertyDescriptor(globalThis, 'fetch'), { value: spy, writable: true, enumerable: true, configurable: true });
  } finally {
    globalThis.fetch = original;
  }
});

maybe.serial('a zstd frame (as systemd writes DATA payloads) decodes after loadDecompressors', async (t) => {
  await loadDecompressors();
  const text = Buffer.from(`MESSAGE=${'Volume 0f1e is being cloned from snapshot 9a8b. '.repeat(40)}`);
  // --content-size with a known size: systemd's frames declare their size (the non-streaming path).
  const frame = execFileSync('zstd', ['-q', '-c', '--content-size', '--stream-size=' + text.length], { input: text });
  const d = decompressPayload(JOURNAL.compressed.ZSTD, frame);
  t.deepEqual(d, { bytes: text });
});
