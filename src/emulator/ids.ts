// Deterministic identifiers: the sample tenant must look the same on every start, so tests and screenshots agree.
import { createHash } from 'node:crypto';

const format = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** A GUID derived from a name (sha1): for the few dozen hand-written sample objects. */
export function stableGuid(name: string): string {
  return format(createHash('sha1').update(name).digest('hex'));
}

// splitmix32: enough mixing for ids that look random, and cheap enough for 100,000 service principals at startup.
function mix(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A GUID derived from (stream, index) without hashing: for generated objects. */
export function indexGuid(stream: number, index: number): string {
  const base = Math.imul(index, 4) ^ Math.imul(stream, 0x27d4eb2d);
  const b = mix(base + 1);
  const c = mix(base + 2);
  return `${hex(mix(base), 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-a${hex(c >>> 20, 3)}-${hex(c & 0xffff, 4)}${hex(mix(base + 3), 8)}`;
}
