// Extension-host module for the extension bench (bench/extension/activation.ts): given as the tests of
// one code-server window, it activates the extension once, as VS Code does on opening a YAML file
// (load dist/extension.js, call activate()), waits for the language client, and writes the marks
// to the file named by KESTRA_BENCH_ACTIVATION_OUT. All marks are performance.now() of this process.
// It then keeps the extension host up until `<that file>.done` appears (at most a minute): the bench
// reads VS Code's own activation time from the Running Extensions view meanwhile.
import { existsSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { KestraFlowApi, StartupTimes } from '../../../client/src/test-api';

const EXTENSION_ID = 'kestra-flow-tools.kestra-flow-tools';

export interface ActivationSample {
  /** Just before `extension.activate()`: VS Code then loads the bundle and calls activate(). */
  requested: number;
  /** The promise of `extension.activate()` resolved. */
  activated: number;
  times: StartupTimes;
  /** The extension host's Node version. */
  node: string;
}

export async function run(): Promise<void> {
  const out = process.env.KESTRA_BENCH_ACTIVATION_OUT;
  if (!out) throw new Error('KESTRA_BENCH_ACTIVATION_OUT is not set: where should the figures go?');
  const extension = vscode.extensions.getExtension<KestraFlowApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this window`);
  // A fresh activation only: something that activated it earlier would make the figures meaningless.
  if (extension.isActive) throw new Error(`${EXTENSION_ID} was already active before the probe`);
  const requested = performance.now();
  const api = await extension.activate();
  const activated = performance.now();
  await api.ready;
  const sample: ActivationSample = { requested, activated, times: api.startupTimes(), node: process.version };
  writeFileSync(out, JSON.stringify(sample));
  for (let i = 0; i < 600 && !existsSync(`${out}.done`); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
