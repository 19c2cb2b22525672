// The short fuzz run of `npm test`: 150 random edits of our fixture flows through the real server
// (stdio), with a fixed seed (FUZZ_SEED replays another). The long run over the corpus is `npm run fuzz`.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { listFlows, runFuzz } from './fuzz/fuzzer';
import { seedFromEnv } from './fuzz/prng';
import { formatStats, totalFaults } from './fuzz/stats';

const FIXTURES = resolve(__dirname, '../fixtures');
const SEED = seedFromEnv(20251126);
const SLOW_MS = 1000;

describe('fuzzed editing over stdio', () => {
  it(`survives 150 random edits of the fixture flows (seed ${SEED})`, async () => {
    const files = listFlows(FIXTURES);
    assert.ok(files.length >= 10, `expected the fixture flows under ${FIXTURES}`);
    const stats = await runFuzz({ seed: SEED, edits: 150, files, sessionEdits: [20, 40], slowMs: SLOW_MS });
    const report = formatStats(stats, SLOW_MS);
    console.log(report);
    assert.equal(stats.edits, 150);
    assert.ok(stats.requests >= 600, `only ${stats.requests} requests`);
    assert.equal(totalFaults(stats), 0, report);
  });
});
