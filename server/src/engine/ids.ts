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

/** Every pair of base62 digits, so that a base62 number is written two digits at a time. */
const PAIRS: readonly string[] = Array.from(
  { length: 62 * 62 },
  (_, i) => ALPHABET[Math.floor(i / 62)] + ALPHABET[i % 62],
);
/** 62³: three base62 digits per long division over 32-bit words (remainder·2³² + word < 2⁵⁰). */
const CHUNK = 62 ** 3;
const INVERSE_CHUNK = 1 / CHUNK;
const WORD = 2 ** 32;
/** The remainders of the eight divisions, least significant first (24 digits). */
const remainders = new Float64Array(8);
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
  for (let round = 0; round < 8; round++) {
    w0 = divideByChunk(w0);
    w1 = divideByChunk(remainder * WORD + w1);
    w2 = divideByChunk(remainder * WORD + w2);
    w3 = divideByChunk(remainder * WORD + w3);
    remainders[round] = remainder;
  }
  // 24 digits, three per remainder; 62²² > 2¹²⁸, so the first two are always 0.
  let text = ALPHABET[remainders[7]];
  for (let round = 6; round >= 0; round--) {
    const chunk = remainders[round];
    text += ALPHABET[Math.floor(chunk / 3844)] + PAIRS[chunk % 3844];
  }
  return text;
}
