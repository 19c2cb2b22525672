import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogLevel } from '../../../server/src/engine/events';
import { FilteredLog, matchesLogFilter, splitMatches } from './log-filter';
import type { LogLine } from './run-state';

function line(index: number, level: LogLevel, message: string, taskId?: string): LogLine {
  return { index, time: '2024-01-01T00:00:00.000Z', level, message, ...(taskId ? { taskId } : {}) };
}

const lines = [
  line(0, 'DEBUG', 'connecting', 'fetch'),
  line(1, 'INFO', 'Got 200 OK', 'fetch'),
  line(2, 'WARN', 'slow answer', 'fetch'),
  line(3, 'INFO', 'body: ok', 'log_body'),
  line(4, 'ERROR', 'Boom', undefined),
];

describe('log filter', () => {
  it('filters by minimum level, task and case-insensitive search', () => {
    const indices = (filter: Parameters<typeof matchesLogFilter>[1]) =>
      lines.filter((l) => matchesLogFilter(l, filter)).map((l) => l.index);
    assert.deepEqual(indices({ minLevel: 'TRACE', search: '' }), [0, 1, 2, 3, 4]);
    assert.deepEqual(indices({ minLevel: 'INFO', search: '' }), [1, 2, 3, 4]);
    assert.deepEqual(indices({ minLevel: 'WARN', search: '' }), [2, 4]);
    assert.deepEqual(indices({ minLevel: 'TRACE', taskId: 'fetch', search: '' }), [0, 1, 2]);
    assert.deepEqual(indices({ minLevel: 'TRACE', search: 'OK' }), [1, 3]);
    assert.deepEqual(indices({ minLevel: 'TRACE', search: 'LOG_B' }), [3]);
    assert.deepEqual(indices({ minLevel: 'INFO', taskId: 'fetch', search: 'ok' }), [1]);
  });

  it('keeps matches incrementally as lines arrive, and recomputes on a new filter', () => {
    const log: LogLine[] = [];
    const filtered = new FilteredLog({ minLevel: 'INFO', search: '' });
    log.push(lines[0], lines[1]);
    assert.equal(filtered.update(log), 1);
    log.push(lines[2], lines[3], lines[4]);
    assert.equal(filtered.update(log), 3);
    assert.equal(filtered.update(log), 0);
    assert.deepEqual(filtered.indices, [1, 2, 3, 4]);
    filtered.setFilter({ minLevel: 'TRACE', search: 'o' }, log);
    assert.deepEqual(
      filtered.indices,
      [0, 1, 2, 3, 4].filter((i) => /o/i.test(log[i].message) || /o/i.test(log[i].taskId ?? '')),
    );
    filtered.reset();
    assert.deepEqual(filtered.indices, []);
  });

  it('handles 100,000 lines', () => {
    const big: LogLine[] = [];
    for (let i = 0; i < 100_000; i++)
      big.push(line(i, i % 10 === 0 ? 'WARN' : 'INFO', `line ${i}`, `t${i % 3}`));
    const filtered = new FilteredLog({ minLevel: 'WARN', taskId: 't0', search: '' });
    filtered.update(big);
    assert.equal(filtered.indices.length, Math.ceil(100_000 / 30));
  });

  it('splits text around matches for highlighting', () => {
    assert.deepEqual(splitMatches('Got OK, ok', 'ok'), [
      { text: 'Got ', match: false },
      { text: 'OK', match: true },
      { text: ', ', match: false },
      { text: 'ok', match: true },
    ]);
    assert.deepEqual(splitMatches('abc', ''), [{ text: 'abc', match: false }]);
    assert.deepEqual(splitMatches('abc', 'x'), [{ text: 'abc', match: false }]);
  });
});
