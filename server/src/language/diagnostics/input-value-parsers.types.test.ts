import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valueProblem } from './input-value-parsers';

const ok = (type: string, value: unknown, source?: string) =>
  assert.equal(valueProblem(type, { value, source }), undefined, `${type} ${String(value)}`);
const bad = (type: string, value: unknown, source?: string) =>
  assert.notEqual(valueProblem(type, { value, source }), undefined, `${type} ${String(value)}`);

describe('input value parsers', () => {
  it('INT takes 32-bit whole numbers only', () => {
    ok('INT', 42, '42');
    ok('INT', '-7');
    ok('INT', '+7');
    bad('INT', 1, '1.0');
    bad('INT', '2147483648');
    bad('INT', 'abc');
  });

  it('FLOAT takes what Float.valueOf reads', () => {
    for (const v of ['1.5', '1e3', '.5', 'NaN', '-Infinity', '3f', '0x1p3']) ok('FLOAT', v);
    bad('FLOAT', 'one');
  });

  it('dates, times and instants', () => {
    ok('DATE', '2024-02-29');
    bad('DATE', '2023-02-29');
    bad('DATE', '2024-1-5');
    ok('TIME', '23:59');
    ok('TIME', '10:00:00.123');
    bad('TIME', '24:00');
    ok('DATETIME', '2024-01-31T10:00:00Z');
    ok('DATETIME', '2024-01-31T10:00:00.5+02:00');
    bad('DATETIME', '2024-01-31T10:00Z');
    bad('DATETIME', '2024-01-31');
  });

  it('DURATION follows java.time.Duration.parse', () => {
    for (const v of ['PT30S', 'P1D', 'P1DT2H', 'pt1.5s', '-PT5M']) ok('DURATION', v);
    for (const v of ['P1M', 'P1W', 'PT', '30', 'P']) bad('DURATION', v);
  });

  it('URI and EMAIL use Kestra patterns', () => {
    ok('URI', 'https://kestra.io/docs?x=1');
    bad('URI', 'HTTPS://kestra.io');
    bad('URI', 'localhost:8080');
    ok('EMAIL', 'a.b+c@example.org');
    ok('EMAIL', '');
    bad('EMAIL', 'no-at-sign');
  });
});
