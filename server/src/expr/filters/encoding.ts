// URL and Base64 encoding filters, with Java's URLEncoder/URLDecoder and strict Base64 semantics.
import type { FilterSpec } from '../registry-types';
import { asString, fail } from '../lib/args';
import { javaToString } from '../lib/java';

/** java.net.URLEncoder (UTF-8): letters, digits and `.-*_` kept, space → '+', the rest %XX. */
export function javaUrlEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** java.net.URLDecoder (UTF-8): '+' → space, %XX → bytes; malformed escapes fail as in Java. */
export function javaUrlDecode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '+') {
      out += ' ';
      i++;
    } else if (char === '%') {
      const bytes: number[] = [];
      while (i < text.length && text[i] === '%') {
        if (i + 3 > text.length) fail('URLDecoder: Incomplete trailing escape (%) pattern');
        const hex = text.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex))
          fail(`URLDecoder: Illegal hex characters in escape (%) pattern - ${hex}`);
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out += Buffer.from(bytes).toString('utf8');
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** java.util.Base64 basic decoder: the Base64 alphabet only, padding optional but well placed. */
function strictBase64Decode(text: string): string {
  const valid = /^[A-Za-z0-9+/]*(={0,2})$/.exec(text);
  const body = valid ? text.length - valid[1].length : 0;
  if (!valid || body % 4 === 1 || (valid[1].length > 0 && text.length % 4 !== 0)) {
    fail('Please provide a correctly Base64 encoded string containing an UTF-8 string');
  }
  return Buffer.from(text, 'base64').toString('utf8');
}

export const encodingFilters: FilterSpec[] = [
  {
    name: 'urlencode',
    params: [],
    returns: 'string',
    description: 'Encodes the text for use in a URL query (spaces become "+").',
    kestra: false,
    apply(input) {
      const text = asString(input, "The 'urlencode' filter expects a string input");
      return text === null ? null : javaUrlEncode(text);
    },
  },
  {
    name: 'urldecode',
    params: [],
    returns: 'string',
    description: 'Decodes URL-encoded text ("+" and %XX escapes).',
    kestra: true,
    apply(input) {
      const text = asString(input, "The 'urldecode' filter expects a string input");
      return text === null ? null : javaUrlDecode(text);
    },
  },
  {
    name: 'base64encode',
    params: [],
    returns: 'string',
    description: 'Encodes the text (UTF-8) as Base64.',
    kestra: false,
    apply: (input) =>
      input === null || input === undefined
        ? null
        : Buffer.from(javaToString(input), 'utf8').toString('base64'),
  },
  {
    name: 'base64decode',
    params: [],
    returns: 'string',
    description: 'Decodes Base64 text into a UTF-8 string.',
    kestra: false,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (typeof input !== 'string') fail('The base64decode filter applies to String');
      return strictBase64Decode(input);
    },
  },
];
