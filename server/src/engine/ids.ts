// Identifiers in Kestra's shape: a random UUID written in base62, 22 characters at most ("friendly id").
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new random id: 128 random bits in base62, left-padded to 22 characters. */
export function newId(): string {
  let value = BigInt(`0x${randomBytes(16).toString('hex')}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text.padStart(22, '0');
}
