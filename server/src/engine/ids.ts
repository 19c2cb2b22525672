// Identifiers in Kestra's shape: a random UUID written in base62, 22 characters at most ("friendly id").
import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_BYTES = 16;
/** Random bytes are drawn for many ids at once: one system call per 256 ids. */
const POOL = Buffer.alloc(ID_BYTES * 256);
let poolOffset = POOL.length;

/** A new random id: 128 random bits in base62, left-padded to 22 characters. */
export function newId(): string {
  if (poolOffset + ID_BYTES > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const id = base62Id(POOL, poolOffset);
  poolOffset += ID_BYTES;
  return id;
}

/** Character codes of the digits, and the 24 digits of the id being written (the first two are 0). */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const digits = new Uint8Array(24);
/** 62³: three base62 digits per long division over 32-bit words (remainder·2³² + word < 2⁵⁰). */
const CHUNK = 62 ** 3;
const INVERSE_CHUNK = 1 / CHUNK;
const WORD = 2 ** 32;
let remainder = 0;

/** `value / 62³` rounded down, leaving `value mod 62³` in `remainder` (a multiplication, corrected). */
function divideByChunk(value: number): number {
  let quotient = Math.floor(value * INVERSE_CHUNK);
  let rest = value - quotient * CHUNK;
  if (rest < 0) {
    quotient--;
    rest += CHUNK;
  } else if (rest >= CHUNK) {
    quotient++;
    rest -= CHUNK;
  }
  remainder = rest;
  return quotient;
}

/** The 16 bytes at `offset` as a big-endian number in base62, left-padded to 22 characters. */
export function base62Id(bytes: Buffer, offset = 0): string {
  let w0 = bytes.readUInt32BE(offset);
  let w1 = bytes.readUInt32BE(offset + 4);
  let w2 = bytes.readUInt32BE(offset + 8);
  let w3 = bytes.readUInt32BE(offset + 12);
  // Each division's remainder gives three digits, least significant first.
  for (let at = 21; at >= 0; at -= 3) {
    w0 = divideByChunk(w0);
    w1 = divideByChunk(remainder * WORD + w1);
    w2 = divideByChunk(remainder * WORD + w2);
    w3 = divideByChunk(remainder * WORD + w3);
    const high = Math.floor(remainder / 3844);
    const low = remainder - high * 3844;
    const middle = Math.floor(low / 62);
    digits[at] = CODES[high];
    digits[at + 1] = CODES[middle];
    digits[at + 2] = CODES[low - middle * 62];
  }
  // 62²² > 2¹²⁸, so digits 0 and 1 are always 0. One flat string (concatenation made ~15 pieces).
  const d = digits;
  // prettier-ignore
  return String.fromCharCode(
    d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12],
    d[13], d[14], d[15], d[16], d[17], d[18], d[19], d[20], d[21], d[22], d[23],
  );
}
