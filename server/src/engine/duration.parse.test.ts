import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClock, formatJavaDuration, parseIsoDuration, readDuration } from './duration';

describe('durations', () => {
  it('parses ISO-8601 as java.time.Duration does', () => {
    assert.equal(parseIsoDuration('PT30S'), 30_000);
    assert.equal(parseIsoDuration('PT0.250S'), 250);
    assert.equal(parseIsoDuration('P1DT2H'), 93_600_000);
    assert.equal(parseIsoDuration('pt1m'), 60_000);
    assert.equal(parseIsoDuration('-PT1S'), -1000);
    for (const bad of ['P', 'PT', 'P1W', '5m', 'PT1.S5']) {
      assert.throws(() => parseIsoDuration(bad), /Text cannot be parsed to a Duration/, bad);
    }
  });

  it('reads numbers and numeric strings as seconds (Kestra’s deserializer)', () => {
    assert.equal(readDuration(2), 2000);
    assert.equal(readDuration('1.5'), 1500);
    assert.equal(readDuration('PT1M'), 60_000);
    assert.equal(readDuration(undefined), undefined);
  });

  it('prints like Duration.toString and Kestra’s timeout clock', () => {
    assert.equal(formatJavaDuration(0), 'PT0S');
    assert.equal(formatJavaDuration(90_000), 'PT1M30S');
    assert.equal(formatJavaDuration(172_800_000), 'PT48H');
    assert.equal(formatJavaDuration(500), 'PT0.5S');
    assert.equal(formatClock(1000), '00:00:01.000');
    assert.equal(formatClock(3_723_004), '01:02:03.004');
  });
});
