import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble, toPebbleString } from '../values';
import { readIon } from './ion-reader';
import { ionFloat, ionSymbol, toIonText } from './ion-writer';
import { readJson } from './json-reader';

describe('JSON reader', () => {
  it('keeps Long and Double apart', () => {
    assert.equal(readJson('1'), 1);
    assert.ok(readJson('1.0') instanceof PebbleDouble);
    assert.equal(readJson('1.5'), 1.5);
    assert.equal(toPebbleString(readJson('{"a":[1,2.0,"x",null,true]}')), '{"a":[1,2.0,"x",null,true]}');
  });

  it('decodes escapes and reads only the first value', () => {
    assert.equal(readJson('"a\\n\\u00e9\\""'), 'a\né"');
    assert.deepEqual(readJson('{} trailing'), {});
  });

  it('reports the position of errors', () => {
    assert.throws(() => readJson('[1,]'), /Unexpected character \(']' \(code 93\)\).* at line 1, column 4/);
    assert.throws(() => readJson('{"a" 1}'), /was expecting a colon/);
    assert.throws(() => readJson(''), /No content to map due to end-of-input/);
  });
});

describe('ION text', () => {
  it('writes floats like ion-java', () => {
    assert.equal(ionFloat(1), '1e0');
    assert.equal(ionFloat(1.5), '1.5e0');
    assert.equal(ionFloat(1e21), '1.0e21');
    assert.equal(ionFloat(0), '0e0');
    assert.equal(ionFloat(NaN), 'nan');
    assert.equal(ionFloat(-Infinity), '-inf');
  });

  it('quotes symbols only when needed', () => {
    assert.equal(ionSymbol('field_1'), 'field_1');
    assert.equal(ionSymbol('true'), "'true'");
    assert.equal(ionSymbol("it's"), "'it\\'s'");
    assert.equal(ionSymbol('$10'), "'$10'");
  });

  it('reads back what it writes', () => {
    const value = { a: [1, 'two', null, true], 'b c': { d: 'e\n"f"' } };
    assert.deepEqual(readIon(toIonText(value)), value);
  });

  it('reads comments, long strings, hex and decimals', () => {
    assert.equal(
      toPebbleString(readIon("/* c */ [0x1F, 1_000, '''a''' '''b''', 1.5d2] // end")),
      '[31,1000,"ab",150.0]',
    );
    assert.throws(() => readIon('{a:1'), /Expected ',' or '}' in a struct/);
  });
});
