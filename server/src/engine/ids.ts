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

/** The 16 bytes at `offset` as a big-endian number in base62, left-padded to 22 characters. */
export function base62Id(bytes: Buffer, offset = 0): string {
  // Eight 16-bit digits, most significant first, divided by 62 repeatedly (no BigInt needed).
  const digits = new Array<number>(ID_BYTES / 2);
  for (let i = 0; i < digits.length; i++) digits[i] = bytes.readUInt16BE(offset + 2 * i);
  let text = '';
  let first = 0;
  while (first < digits.length) {
    let remainder = 0;
    for (let i = first; i < digits.length; i++) {
      const current = remainder * 65536 + digits[i];
      digits[i] = Math.floor(current / 62);
      remainder = current % 62;
    }
    text = ALPHABET[remainder] + text;
    while (first < digits.length && digits[first] === 0) first++;
  }
  return text.padStart(22, '0');
}
