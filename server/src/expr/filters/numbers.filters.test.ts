import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../values';
import { PebbleFloat } from '../lib/java';
import { applyFilter, errorOf, printed } from '../lib/registry-test-kit';

describe('abs', () => {
  it('keeps the number type', () => {
    assert.equal(applyFilter('abs', -7), 7);
    assert.equal(applyFilter('abs', -2.5), 2.5);
    assert.equal(printed(applyFilter('abs', new PebbleDouble(-2))), '2.0');
  });

  it('rejects null and non-numbers', () => {
    assert.equal(
      errorOf(() => applyFilter('abs', null)),
      'Can not pass null value to "abs" filter.',
    );
    assert.equal(
      errorOf(() => applyFilter('abs', 'x')),
      "The 'abs' filter does require as input a number.",
    );
  });
});

describe('numberFormat', () => {
  const format = (value: number | PebbleDouble, pattern?: string) =>
    applyFilter('numberFormat', value, pattern === undefined ? {} : { format: pattern });

  it('formats with DecimalFormat patterns', () => {
    assert.equal(format(3.141592653, '#.##'), '3.14');
    assert.equal(format(new PebbleFloat(1.232654), '#.##'), '1.23');
    assert.equal(format(1234567.891, '#,##0.00'), '1,234,567.89');
    assert.equal(format(1234567, '#,##0'), '1,234,567');
    assert.equal(format(0.5, '#.##'), '.5');
    assert.equal(format(0, '#.##'), '0');
    assert.equal(format(2, '0.000'), '2.000');
    assert.equal(format(12.3456, '0.###'), '12.346');
  });

  it('rounds half-even on the exact binary value', () => {
    assert.equal(format(0.125, '0.00'), '0.12');
    assert.equal(format(0.135, '0.00'), '0.14');
    assert.equal(format(new PebbleDouble(2.5 * 2), '0'), '5');
    assert.equal(format(2.5, '0'), '2');
    assert.equal(format(3.5, '0'), '4');
  });

  it('handles percent, negatives, sub-patterns and quoted literals', () => {
    assert.equal(format(0.256, '#%'), '26%');
    assert.equal(format(0.256, '0.0%'), '25.6%');
    assert.equal(format(-1234.567, '#,##0.00'), '-1,234.57');
    assert.equal(format(-1234.567, '#,##0.00;(#,##0.00)'), '(1,234.57)');
    assert.equal(format(5, "'#'0"), '#5');
  });

  it('supports scientific and engineering notation', () => {
    assert.equal(format(1234.5, '0.###E0'), '1.234E3');
    assert.equal(format(12345, '##0.#####E0'), '12.345E3');
    assert.equal(format(123456, '##0.#####E0'), '123.456E3');
    assert.equal(format(0.00123, '00.###E0'), '12.3E-4');
  });

  it('uses #,##0.### without a pattern', () => {
    assert.equal(format(1234567.891), '1,234,567.891');
    assert.equal(format(1.23456), '1.235');
  });

  it('rejects non-numbers', () => {
    assert.equal(
      errorOf(() => applyFilter('numberFormat', '12', { format: '#' })),
      "The input for the 'NumberFormat' filter has to be a number.",
    );
  });
});

describe('number', () => {
  it('parses into the smallest fitting type', () => {
    const float = applyFilter('number', '12.3');
    assert.ok(float instanceof PebbleFloat);
    assert.equal(printed(float), '12.3');
    assert.equal(applyFilter('number', '2147483647'), 2147483647);
    assert.equal(applyFilter('number', '0x1F'), 31);
    assert.equal(printed(applyFilter('number', '1.12345678901')), '1.12345678901');
  });

  it('parses the requested type', () => {
    assert.equal(applyFilter('number', '42', { type: 'INT' }), 42);
    assert.equal(applyFilter('number', '42', { type: 'LONG' }), 42);
    assert.equal(printed(applyFilter('number', '42', { type: 'DOUBLE' })), '42.0');
    assert.ok(applyFilter('number', '1.5', { type: 'FLOAT' }) instanceof PebbleFloat);
    assert.equal(printed(applyFilter('number', '1.50', { type: 'BIGDECIMAL' })), '1.5');
  });

  it('rejects non-strings and invalid numbers', () => {
    assert.equal(
      errorOf(() => applyFilter('number', 12)),
      "'number' filter can only be applied to String. Actual type was: java.lang.Integer",
    );
    assert.equal(
      errorOf(() => applyFilter('number', 'abc')),
      'abc is not a valid number.',
    );
    assert.equal(
      errorOf(() => applyFilter('number', '3000000000', { type: 'INT' })),
      'For input string: "3000000000"',
    );
  });
});

describe('className', () => {
  it('names the Java class of the value', () => {
    assert.equal(applyFilter('className', 'string'), 'java.lang.String');
    assert.equal(applyFilter('className', 1), 'java.lang.Integer');
    assert.equal(applyFilter('className', 2 ** 40), 'java.lang.Long');
    assert.equal(applyFilter('className', 1.5), 'java.lang.Double');
    assert.equal(applyFilter('className', new PebbleFloat(1.5)), 'java.lang.Float');
    assert.equal(applyFilter('className', true), 'java.lang.Boolean');
    assert.equal(applyFilter('className', null), null);
  });
});
