// encrypt/decrypt (AES-GCM as Kestra's EncryptionService), uuid, id and randomInt.
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Args, FunctionSpec } from '../registry-types';
import { isLong, type PebbleValue } from '../values';
import { asString, fail, has } from '../lib/args';
import { param } from '../lib/spec-helpers';

const IV_LENGTH = 12;
const TAG_LENGTH = 16;

function aesKey(key: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(key)) fail(`Illegal base64 character in the encryption key`);
  const bytes = Buffer.from(key, 'base64');
  if (![16, 24, 32].includes(bytes.length)) fail(`Invalid AES key length: ${bytes.length} bytes`);
  return bytes;
}

function algorithm(key: Buffer): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  return key.length === 16 ? 'aes-128-gcm' : key.length === 24 ? 'aes-192-gcm' : 'aes-256-gcm';
}

/** base64(IV ‖ ciphertext ‖ tag); null and "" are returned unchanged. */
export function encryptText(key: string, plaintext: string | null): string | null {
  if (plaintext === null || plaintext === '') return plaintext;
  const secret = aesKey(key);
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv(algorithm(secret), secret, iv);
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([iv, encrypted]).toString('base64');
}

export function decryptText(key: string, encrypted: string | null): string | null {
  if (encrypted === null || encrypted === '') return encrypted;
  const secret = aesKey(key);
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < IV_LENGTH + TAG_LENGTH) fail('Tag mismatch: the encrypted text is too short');
  const decipher = createDecipheriv(algorithm(secret), secret, bytes.subarray(0, IV_LENGTH));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    fail('Tag mismatch: wrong key or corrupted encrypted text');
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random UUID in base 62 (Kestra's FriendlyId), at most 22 characters. */
export function friendlyId(): string {
  let value = BigInt(`0x${randomUUID().replace(/-/g, '')}`);
  if (value === 0n) return '0';
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** randomInt wants Java Integers: integral numbers within the int range (see the report on Long literals). */
function integerArgument(args: Args, name: string): number {
  if (!has(args, name)) fail(`The 'GenerateRandomNumber' function expects an argument ${name}`);
  const value: PebbleValue | undefined = args[name];
  if (!isLong(value) || value < INT_MIN || value > INT_MAX) {
    fail(`The 'GenerateRandomNumber' function expects an argument ${name} with type Integer.`);
  }
  return value;
}

function cryptoArguments(args: Args, name: string, second: string): [string, string | null] {
  if (!has(args, 'key') || !has(args, second)) {
    fail(`The '${name}' function expects two arguments 'key' and '${second}'.`);
  }
  const key = asString(args.key, `The '${name}' function's 'key'`);
  if (key === null) fail(`The '${name}' function expects a non-null 'key'.`);
  return [key, asString(args[second], `The '${name}' function's '${second}'`)];
}

export const cryptoFunctions: FunctionSpec[] = [
  {
    name: 'encrypt',
    params: [
      param('key', 'string', 'Base64 AES key (16, 24 or 32 bytes).'),
      param('plaintext', 'string', 'Text to encrypt.'),
    ],
    returns: 'string',
    description: 'Encrypts text with AES-GCM; the result is Base64 of the IV followed by the ciphertext.',
    kestra: true,
    call(args) {
      const [key, plaintext] = cryptoArguments(args, 'encrypt', 'plaintext');
      return encryptText(key, plaintext);
    },
  },
  {
    name: 'decrypt',
    params: [
      param('key', 'string', 'Base64 AES key used to encrypt.'),
      param('encrypted', 'string', 'Output of encrypt().'),
    ],
    returns: 'string',
    description: 'Decrypts text produced by encrypt() with the same key.',
    kestra: true,
    call(args) {
      const [key, encrypted] = cryptoArguments(args, 'decrypt', 'encrypted');
      return decryptText(key, encrypted);
    },
  },
  {
    name: 'uuid',
    params: [],
    returns: 'string',
    description: 'Returns a new random UUID.',
    kestra: true,
    call: () => randomUUID(),
  },
  {
    name: 'id',
    params: [],
    returns: 'string',
    description: 'Returns a new random short id (base 62, like execution ids).',
    kestra: true,
    call: () => friendlyId(),
  },
  {
    name: 'randomInt',
    params: [
      param('lower', 'integer', 'Lower bound, included.'),
      param('upper', 'integer', 'Upper bound, excluded.'),
    ],
    returns: 'integer',
    description:
      'Returns a random integer between lower (included) and upper (excluded); lower when they are equal.',
    kestra: true,
    call(args) {
      const lower = integerArgument(args, 'lower');
      const upper = integerArgument(args, 'upper');
      if (upper < lower) fail("In 'GenerateRandomNumber' upper is less than lower");
      return Math.floor(Math.random() * (upper - lower)) + lower;
    },
  },
];
