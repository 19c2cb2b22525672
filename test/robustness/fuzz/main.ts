// `npm run fuzz`: the long fuzz run (default 2,000 edits) over the corpus flows in ../shared/corpus
// (kestra-tests/valids and public, read in place) and our fixtures. Prints the figures; exit 1 on any
// fault. Env: FUZZ_SEED (a number, or `random`), FUZZ_EDITS, KESTRA_CORPUS (the corpus folder),
// FUZZ_DUMP (a folder to write the text of each reported fault to).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type FlowFile, listFlows, runFuzz } from './fuzzer';
import { seedFromEnv } from './prng';
import { formatStats, totalFaults } from './stats';

const ROOT = resolve(__dirname, '../../..');
const SLOW_MS = 1000;

function prefixed(prefix: string, files: FlowFile[]): FlowFile[] {
  return files.map((file) => ({ ...file, name: `${prefix}/${file.name}` }));
}

async function main(): Promise<number> {
  const corpus = resolve(process.env.KESTRA_CORPUS ?? join(ROOT, '../shared/corpus'));
  const edits = Number(process.env.FUZZ_EDITS ?? 2000);
  if (!Number.isInteger(edits) || edits <= 0) {
    console.error(`FUZZ_EDITS must be a positive integer, got "${process.env.FUZZ_EDITS}".`);
    return 2;
  }
  const roots = ['kestra-tests/valids', 'public'].map((dir) => join(corpus, dir));
  const missing = roots.filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    console.error(`The corpus is missing: ${missing.join(', ')} (set KESTRA_CORPUS to its folder).`);
    return 2;
  }
  const files = [
    ...roots.flatMap((dir) => prefixed(`corpus/${dir.slice(corpus.length + 1)}`, listFlows(dir))),
    ...prefixed('test/fixtures', listFlows(join(ROOT, 'test/fixtures'))),
  ];
  const seed = seedFromEnv(20251127);
  console.log(`fuzzing ${files.length} flows with ${edits} edits, seed ${seed}`);
  let reported = 0;
  const stats = await runFuzz({
    seed,
    edits,
    files,
    sessionEdits: [10, 40],
    slowMs: SLOW_MS,
    progress: (current) => {
      if (current.edits - reported >= 500) {
        reported = current.edits;
        console.log(`  ${current.edits} edits, ${current.requests} requests`);
      }
    },
  });
  console.log(formatStats(stats, SLOW_MS));
  const dump = process.env.FUZZ_DUMP;
  if (dump && stats.faults.length > 0) {
    mkdirSync(dump, { recursive: true });
    stats.faults.forEach((fault, i) => {
      if (fault.text !== undefined)
        writeFileSync(join(dump, `fault-${i + 1}-${fault.kind}.yaml`), fault.text);
    });
    console.log(`texts of the faults written to ${dump}`);
  }
  return totalFaults(stats) === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
