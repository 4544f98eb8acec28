const rot = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * Bob Jenkins' lookup3 `hashlittle2` over `data` with both seeds 0, as systemd's `jenkins_hash64`:
 * the first result (c) is the high 32 bits, the second (b) the low ones. The hash of journal files
 * written without the keyed-hash flag.
 */
export function jenkinsHash64(data: Buffer): bigint {
  let length = data.length;
  let a = (0xdeadbeef + length) >>> 0;
  let b = a;
  let c = a;
  let k = 0;
  while (length > 12) {
    a = (a + data.readUInt32LE(k)) >>> 0;
    b = (b + data.readUInt32LE(k + 4)) >>> 0;
    c = (c + data.readUInt32LE(k + 8)) >>> 0;
    a = (a - c) >>> 0; a = (a ^ rot(c, 4)) >>> 0; c = (c + b) >>> 0;
    b = (b - a) >>> 0; b = (b ^ rot(a, 6)) >>> 0; a = (a + c) >>> 0;
    c = (c - b) >>> 0; c = (c ^ rot(b, 8)) >>> 0; b = (b + a) >>> 0;
    a = (a - c) >>> 0; a = (a ^ rot(c, 16)) >>> 0; c = (c + b) >>> 0;
    b = (b - a) >>> 0; b = (b ^ rot(a, 19)) >>> 0; a = (a + c) >>> 0;
    c = (c - b) >>> 0; c = (c ^ rot(b, 4)) >>> 0; b = (b + a) >>> 0;
    length -= 12;
    k += 12;
  }
  if (length === 0) return (BigInt(c) << 32n) | BigInt(b);
  const byte = (i: number): number => data[k + i] ?? 0;
  const word = (from: number): number => {
    let w = 0;
    for (let i = 0; i < 4 && from + i < length; i++) w |= byte(from + i) << (8 * i);
    return w >>> 0;
  };
  a = (a + word(0)) >>> 0;
  if (length > 4) b = (b + word(4)) >>> 0;
  if (length > 8) c = (c + word(8)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 24)) >>> 0;
  return (BigInt(c) << 32n) | BigInt(b);
}
