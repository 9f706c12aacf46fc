// Input files are read as bytes and decoded strictly: a body that is not UTF-8 is reported with the byte offset of
// its first bad sequence, instead of being validated with replacement characters in it. A UTF-8 BOM is dropped.
import type { Position } from '../schema';

export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number; position: Position };

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629 table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let [low, high] = [0x80, 0xbf]; // the range of the second byte; later ones are always 80..BF
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef)
      [length, low, high] = [3, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf];
    else if (lead >= 0xf0 && lead <= 0xf4)
      [length, low, high] = [4, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const byteOffset = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.length - before.replaceAll('\n', '').length + 1;
    return { ok: false, byteOffset, position: { line, column: before.length - lineStart + 1 } };
  }
}
