// The VS Code extension: activation time and language-server readiness in a real extension host
// (code-server, see bench/extension/activation.ts), and the size of the packaged .vsix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkTools } from '../../test/e2e/harness/tools';
import type { BenchSection, BenchTable } from '../bench-types';
import { measureActivations, type Launch } from '../extension/activation';
import { ms, summarize } from '../measure';

const ROOT = resolve(__dirname, '../..');
const LAUNCHES = 7;
const ACTIVATION_TARGET_MS = 100;
/** As vsce counts (and prints) megabytes. */
const MB = 1024 * 1024;
const VSIX_TARGET_MB = 2;

/** `KESTRA_BENCH_EXTENSION=/path/to/folder` (package.json + dist/) measures another build. */
const EXTENSION = process.env.KESTRA_BENCH_EXTENSION ?? ROOT;

/** Packages EXTENSION as `npm run package` does (`npm run bench` has just built it); size in bytes. */
function vsixBytes(): number {
  const dir = mkdtempSync(join(tmpdir(), 'kestra-vsix-'));
  try {
    const out = join(dir, 'kestra-flow-tools.vsix');
    const vsce = join(ROOT, 'node_modules/.bin/vsce');
    const args = ['package', '--no-dependencies', '--allow-missing-repository', '-o', out];
    const result = spawnSync(vsce, args, { cwd: EXTENSION, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stderr || result.stdout}`);
    return statSync(out).size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Row = BenchTable['rows'][number];

function timingRow(measure: string, samples: number[], target = ''): Row {
  const { median, p95 } = summarize(samples);
  return { measure, median: `${ms(median)} ms`, p95: `${ms(p95)} ms`, target };
}

function activationRows(launches: Launch[]): Row[] {
  const rows: Row[] = [];
  const vscode = launches.flatMap((l) => (l.vscodeActivationMs === undefined ? [] : [l.vscodeActivationMs]));
  const target = `≤ ${ACTIVATION_TARGET_MS} ms`;
  if (vscode.length) rows.push(timingRow("activation, VS Code's figure (load + activate())", vscode, target));
  const of = (from: keyof Launch['times'] | 'requested', to: keyof Launch['times']) =>
    launches.map((l) => (l.times[to] ?? NaN) - (from === 'requested' ? l.requested : (l.times[from] ?? NaN)));
  rows.push(
    timingRow('  load: dist/extension.js evaluated', of('bundleStart', 'bundleEnd')),
    timingRow('  activate() call', of('activateStart', 'activateEnd')),
    timingRow('extension.activate() → activate() returned', of('requested', 'activateEnd')),
    timingRow('language server ready (activate() → initialized)', of('activateStart', 'serverReady')),
  );
  return rows;
}

export const extensionSection: BenchSection = {
  name: 'extension',
  title: 'VS Code extension: activation and package size',
  async run(): Promise<BenchTable> {
    const bytes = vsixBytes();
    const notes: string[] = [''];
    let rows: Row[] = [];
    const missing = checkTools();
    if (missing) {
      notes.push(`Activation not measured: the end-to-end tools are missing. ${missing}`);
    } else {
      const launches = await measureActivations(LAUNCHES, EXTENSION);
      rows = activationRows(launches);
      const unread = launches.filter((l) => l.vscodeActivationMs === undefined);
      if (unread.length) {
        notes.push(
          `VS Code's figure could not be read in ${unread.length} of ${launches.length} launches: ${unread[0].vscodeActivationError}`,
        );
      }
      const from = EXTENSION === ROOT ? '' : ` (the build in ${EXTENSION})`;
      notes.push(
        `${LAUNCHES} launches of code-server (a real VS Code; extension host on Node ${launches[0].node}), each a new`,
        `extension host with one profile, as VS Code restarted (a first launch, unmeasured, fills its caches,`,
        `such as the server's compiled code: NODE_COMPILE_CACHE, Node 22+); each activates the extension${from}`,
        `once (test/e2e/harness/activation-probe.ts). The ${ACTIVATION_TARGET_MS} ms target is for activation as VS Code`,
        `counts it, read from Developer: Show Running Extensions: loading dist/extension.js plus the`,
        `activate() call until it returns. "extension.activate() → activate() returned" adds what VS Code`,
        `does around those (reading and compiling the bundle, setting up the extension's context). Language`,
        `server ready: from the start of activate() until the client has started (the server answered`,
        `\`initialize\`); the validation of open flows follows (cold start: the lsp-startup section).`,
      );
    }
    rows.push({
      measure: '.vsix size',
      median: `${(bytes / MB).toFixed(2)} MB`,
      target: `≤ ${VSIX_TARGET_MB} MB`,
    });
    notes.push(
      `.vsix: \`npm run package\` of this build, ${bytes.toLocaleString('en-US')} bytes (1 MB = 2^20 bytes, as vsce).`,
    );
    return { columns: ['measure', 'median', 'p95', 'target'], rows, notes };
  },
};
