// The Java methods Pebble lets templates call on values (`"abc".length()`, `list.size`, `map.keySet()`),
// resolved like Pebble's MemberCacheUtils: case-insensitive names, tried as `getX`, `isX`, `hasX`,
// then `x`, matched by argument count and type. Without greedy matching (Kestra's setting) an `int`
// parameter does not accept a Long, so a Long *literal* argument (`substring(1)`) finds no method.
import { PebbleError } from './errors';
import { javaEquals, javaToString } from './java-semantics';
import { javaRegExp, javaSplit } from './java-regex';
import { MapEntryObject } from './runtime-objects';
import {
  isDouble,
  isMap,
  isNumber,
  makeDouble,
  numberValue,
  type PebbleDouble,
  type PebbleMap,
  type PebbleValue,
} from './values';

type ParamType = 'string' | 'int' | 'object' | 'collection';

interface MethodDef<T> {
  params: ParamType[];
  call(self: T, args: PebbleValue[]): PebbleValue;
}

type MethodTable<T> = Record<string, MethodDef<T>[]>;

/** An argument value, and whether it is written as a Long literal (which no `int` parameter takes). */
export interface MethodArgument {
  value: PebbleValue;
  longLiteral: boolean;
}

const str = (value: PebbleValue): string => value as string;
const int = (value: PebbleValue): number => value as number;

function javaHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function checkIndex(ok: boolean, method: string): void {
  if (!ok) throw new PebbleError(`Could not call ${method}`, 'runtime');
}

const STRING_METHODS: MethodTable<string> = {
  length: [{ params: [], call: (s) => s.length }],
  isempty: [{ params: [], call: (s) => s.length === 0 }],
  isblank: [{ params: [], call: (s) => s.trim().length === 0 }],
  touppercase: [{ params: [], call: (s) => s.toUpperCase() }],
  tolowercase: [{ params: [], call: (s) => s.toLowerCase() }],
  // Java's trim removes every character <= U+0020.
  trim: [{ params: [], call: (s) => javaTrim(s) }],
  strip: [{ params: [], call: (s) => s.trim() }],
  stripleading: [{ params: [], call: (s) => s.replace(/^\s+/, '') }],
  striptrailing: [{ params: [], call: (s) => s.replace(/\s+$/, '') }],
  substring: [
    {
      params: ['int'],
      call: (s, [b]) => {
        checkIndex(int(b) >= 0 && int(b) <= s.length, 'substring');
        return s.substring(int(b));
      },
    },
    {
      params: ['int', 'int'],
      call: (s, [b, e]) => {
        checkIndex(int(b) >= 0 && int(e) <= s.length && int(b) <= int(e), 'substring');
        return s.substring(int(b), int(e));
      },
    },
  ],
  startswith: [
    { params: ['string'], call: (s, [p]) => s.startsWith(str(p)) },
    { params: ['string', 'int'], call: (s, [p, i]) => s.startsWith(str(p), int(i)) },
  ],
  endswith: [{ params: ['string'], call: (s, [p]) => s.endsWith(str(p)) }],
  indexof: [
    { params: ['string'], call: (s, [p]) => s.indexOf(str(p)) },
    { params: ['string', 'int'], call: (s, [p, i]) => s.indexOf(str(p), int(i)) },
  ],
  lastindexof: [{ params: ['string'], call: (s, [p]) => s.lastIndexOf(str(p)) }],
  charat: [
    {
      params: ['int'],
      call: (s, [i]) => {
        checkIndex(int(i) >= 0 && int(i) < s.length, 'charAt');
        return s.charAt(int(i));
      },
    },
  ],
  concat: [{ params: ['string'], call: (s, [o]) => s + str(o) }],
  replace: [{ params: ['string', 'string'], call: (s, [a, b]) => s.split(str(a)).join(str(b)) }],
  replaceall: [
    { params: ['string', 'string'], call: (s, [r, w]) => s.replace(javaRegExp(str(r), 'g'), str(w)) },
  ],
  replacefirst: [
    { params: ['string', 'string'], call: (s, [r, w]) => s.replace(javaRegExp(str(r)), str(w)) },
  ],
  split: [
    { params: ['string'], call: (s, [r]) => javaSplit(s, str(r)) },
    { params: ['string', 'int'], call: (s, [r, l]) => javaSplit(s, str(r), int(l)) },
  ],
  matches: [{ params: ['string'], call: (s, [r]) => fullMatch(str(r)).test(s) }],
  equalsignorecase: [
    { params: ['string'], call: (s, [o]) => o !== null && s.toLowerCase() === str(o).toLowerCase() },
  ],
  compareto: [{ params: ['string'], call: (s, [o]) => compareStrings(s, str(o)) }],
  repeat: [{ params: ['int'], call: (s, [n]) => s.repeat(Math.max(0, int(n))) }],
  tostring: [{ params: [], call: (s) => s }],
  hashcode: [{ params: [], call: (s) => javaHash(s) }],
};

function fullMatch(pattern: string): RegExp {
  const regex = javaRegExp(pattern);
  return new RegExp(`^(?:${regex.source})$`, regex.flags);
}

function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return text.slice(start, end);
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}

const LIST_METHODS: MethodTable<PebbleValue[]> = {
  size: [{ params: [], call: (l) => l.length }],
  isempty: [{ params: [], call: (l) => l.length === 0 }],
  get: [
    {
      params: ['int'],
      call: (l, [i]) => {
        checkIndex(int(i) >= 0 && int(i) < l.length, 'get');
        return l[int(i)];
      },
    },
  ],
  getfirst: [{ params: [], call: (l) => (checkIndex(l.length > 0, 'getFirst'), l[0]) }],
  getlast: [{ params: [], call: (l) => (checkIndex(l.length > 0, 'getLast'), l[l.length - 1]) }],
  indexof: [{ params: ['object'], call: (l, [o]) => l.findIndex((item) => javaEquals(item, o)) }],
  lastindexof: [{ params: ['object'], call: (l, [o]) => findLastIndex(l, o) }],
  containsall: [
    {
      params: ['collection'],
      call: (l, [c]) => (c as PebbleValue[]).every((o) => l.some((i) => javaEquals(i, o))),
    },
  ],
  sublist: [
    {
      params: ['int', 'int'],
      call: (l, [b, e]) => {
        checkIndex(int(b) >= 0 && int(e) <= l.length && int(b) <= int(e), 'subList');
        return l.slice(int(b), int(e));
      },
    },
  ],
  reversed: [{ params: [], call: (l) => [...l].reverse() }],
  toarray: [{ params: [], call: (l) => [...l] }],
  tostring: [{ params: [], call: (l) => javaToString(l) }],
};

function findLastIndex(list: PebbleValue[], value: PebbleValue): number {
  for (let i = list.length - 1; i >= 0; i--) if (javaEquals(list[i], value)) return i;
  return -1;
}

const has = (m: PebbleMap, key: PebbleValue): boolean =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(m, key);

const MAP_METHODS: MethodTable<PebbleMap> = {
  size: [{ params: [], call: (m) => Object.keys(m).length }],
  isempty: [{ params: [], call: (m) => Object.keys(m).length === 0 }],
  get: [{ params: ['object'], call: (m, [k]) => (has(m, k) ? m[k as string] : null) }],
  getordefault: [{ params: ['object', 'object'], call: (m, [k, d]) => (has(m, k) ? m[k as string] : d) }],
  containskey: [{ params: ['object'], call: (m, [k]) => has(m, k) }],
  containsvalue: [
    { params: ['object'], call: (m, [v]) => Object.values(m).some((item) => javaEquals(item, v)) },
  ],
  keyset: [{ params: [], call: (m) => Object.keys(m) }],
  values: [{ params: [], call: (m) => Object.values(m) }],
  entryset: [{ params: [], call: (m) => Object.entries(m).map(([k, v]) => new MapEntryObject(k, v)) }],
  tostring: [{ params: [], call: (m) => javaToString(m) }],
};

type JavaNumber = number | PebbleDouble;

const NUMBER_METHODS: MethodTable<JavaNumber> = {
  tostring: [{ params: [], call: (n) => javaToString(n) }],
  intvalue: [{ params: [], call: (n) => Math.trunc(numberValue(n)) | 0 }],
  longvalue: [{ params: [], call: (n) => Math.trunc(numberValue(n)) }],
  doublevalue: [{ params: [], call: (n) => makeDouble(numberValue(n)) }],
  isnan: [{ params: [], call: (n) => Number.isNaN(numberValue(n)) }],
  isinfinite: [{ params: [], call: (n) => isDouble(n) && !Number.isFinite(numberValue(n)) }],
};

const BOOLEAN_METHODS: MethodTable<boolean> = {
  tostring: [{ params: [], call: (b) => String(b) }],
  booleanvalue: [{ params: [], call: (b) => b }],
};

function accepts(type: ParamType, arg: MethodArgument): boolean {
  const value = arg.value;
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && !arg.longLiteral;
    case 'collection':
      return Array.isArray(value);
    case 'object':
      return true;
  }
}

function findIn<T>(
  table: MethodTable<T>,
  self: T,
  name: string,
  args: MethodArgument[],
): { value: PebbleValue } | null {
  const lower = name.toLowerCase();
  for (const candidate of [`get${lower}`, `is${lower}`, `has${lower}`, lower]) {
    for (const def of table[candidate] ?? []) {
      if (def.params.length !== args.length) continue;
      if (!def.params.every((type, i) => accepts(type, args[i]))) continue;
      if (args.some((arg, i) => arg.value === null && def.params[i] === 'int')) {
        throw new PebbleError(`Could not call ${candidate}`, 'runtime');
      }
      return {
        value: def.call(
          self,
          args.map((arg) => arg.value),
        ),
      };
    }
  }
  return null;
}

/** Calls a Java method of `self` (null args: a property-style access); null when there is none. */
export function callJavaMethod(
  self: PebbleValue,
  name: string,
  args: MethodArgument[] | null,
): { value: PebbleValue } | null {
  const list = args ?? [];
  if (typeof self === 'string') return findIn(STRING_METHODS, self, name, list);
  if (Array.isArray(self)) return findIn(LIST_METHODS, self, name, list);
  if (isNumber(self)) return findIn(NUMBER_METHODS, self, name, list);
  if (typeof self === 'boolean') return findIn(BOOLEAN_METHODS, self, name, list);
  if (isMap(self)) return findIn(MAP_METHODS, self, name, list);
  return null;
}
