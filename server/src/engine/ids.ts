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

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** 62⁴: four base62 digits per long division (a remainder times 65536 stays below 2⁵³). */
const CHUNK = 62 ** 4;
/** 24 digits (six divisions by 62⁴); 62²² > 2¹²⁸, so the first two are always 0. */
const DIGITS = Buffer.alloc(24);
const words = new Array<number>(ID_BYTES / 2);

/** The 16 bytes at `offset` as a big-endian number in base62, left-padded to 22 characters. */
export function base62Id(bytes: Buffer, offset = 0): string {
  // Eight 16-bit words, most significant first, divided by 62⁴ repeatedly (no BigInt needed).
  for (let i = 0; i < words.length; i++) words[i] = (bytes[offset + 2 * i] << 8) | bytes[offset + 2 * i + 1];
  let position = DIGITS.length;
  while (position > 0) {
    let remainder = 0;
    for (let i = 0; i < words.length; i++) {
      const current = remainder * 65536 + words[i];
      words[i] = Math.floor(current / CHUNK);
      remainder = current - words[i] * CHUNK;
    }
    for (let k = 0; k < 4; k++) {
      DIGITS[--position] = ALPHABET_CODES[remainder % 62];
      remainder = Math.floor(remainder / 62);
    }
  }
  return DIGITS.toString('latin1', 2);
}
