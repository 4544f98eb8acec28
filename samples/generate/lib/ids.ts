// Deterministic identifiers: every uuid, request id and temp-file suffix is derived from a
// fixed name with SHA-256, so regeneration is byte-identical (no Math.random, no clock).
import { createHash } from 'node:crypto';

function hex(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** A version-4-shaped uuid derived from `name`. */
export function uuid(name: string): string {
  const h = hex(name);
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const req = (name: string): string => `req-${uuid(name)}`;

/** 32 hex chars (keystone ids, boot ids, machine ids, stream ids). */
export const hex32 = (name: string): string => hex(name).slice(0, 32);

/** tempfile.mkstemp-style random part: 8 chars of [a-z0-9_]. */
export function tmpRandom(name: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_';
  const h = hex(name);
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet.charAt(parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length);
  return s;
}

/** Seeded PRNG (mulberry32) for jitter. */
export function rng(seed: string): () => number {
  return mulberry32(parseInt(hex(seed).slice(0, 8), 16));
}

/** mulberry32: a small seeded PRNG in [0, 1); the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Python-ish object address, e.g. 0x7f3a5c2b1d90. */
export const pyAddr = (name: string): string => `0x7f${hex(name).slice(0, 10)}`;
