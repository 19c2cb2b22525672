// `kestra-flow run FILE [--input ID=VALUE]… [--format text|ndjson]` (design.md A.2): runs a flow on the
// embedded engine. Exit 0 when the execution ends SUCCESS or WARNING, 1 FAILED or KILLED (Ctrl-C
// kills it), 2 when nothing ran (invalid flow, unsupported task types, bad or missing inputs, usage).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { relative, resolve } from 'node:path';
import { runFlow } from '../../engine/engine';
import type { RunEvent } from '../../engine/events';
import { loadFlow, type LoadFlowResult } from '../../engine/flow/load-flow';
import { remoteInputsFromArgs, runOnServer } from '../../remote/run-on-server';
import { RemoteError } from '../../remote/remote-error';
import type { Confirm } from '../../engine/run/task-context';
import { type CliCommand, type CliIo, UsageError } from '../command';
import { parseRunArgs, type RunArgs } from './run-args';
import { ndjsonPrinter, textPrinter } from './run-output';

const USAGE = `Usage: kestra-flow run FILE [--input ID=VALUE]... [--format text|ndjson] [--server URL [--tenant T]]

Runs the flow in FILE on the embedded engine (core tasks: HTTP, logs, outputs, flowable tasks, KV
store, subflows found next to FILE), or with --server on a Kestra server, which is sent the flow
(created or updated) and runs it; both print the same events. Ctrl-C kills the execution.

Options:
  --input ID=VALUE   an input value, as typed in Kestra's input form; repeatable.
                     ID=@PATH reads the value from a file (for FILE inputs: the file to upload).
  --format FORMAT    text (default): log lines then a summary; ndjson: one JSON event per line
                     (execution.started, taskrun.started, log, taskrun.ended, execution.ended).
  --server URL       run on this Kestra server. Credentials come from the environment only:
                     KESTRA_API_TOKEN (bearer), or KESTRA_USERNAME and KESTRA_PASSWORD (basic).
  --tenant T         the tenant (inserted after /api/v1/; newer servers use 'main').

State (KV store, internal storage) is kept in .kestra-flow/ in the working directory, or in
$KESTRA_FLOW_STATE_DIR. Secrets: secret('NAME') reads the base64 value of $SECRET_NAME.

Exit codes: 0 SUCCESS or WARNING, 1 FAILED or KILLED, 2 nothing executed (invalid flow, unsupported
task types, bad or missing inputs, usage error).
`;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
}

/** `--input` values: `@path` is the file itself for FILE inputs, its content for the others. */
function collectInputs(args: RunArgs, loaded: LoadFlowResult, io: CliIo): Record<string, unknown> {
  const types = new Map(loaded.ok ? loaded.flow.inputs.map((input) => [input.id, input.type]) : []);
  const inputs: Record<string, unknown> = {};
  for (const { id, value } of args.inputs) {
    if (loaded.ok && !types.has(id)) {
      io.stderr(`kestra-flow run: warning: the flow declares no input '${id}'; --input ${id} is ignored.\n`);
      continue;
    }
    if (value.startsWith('@')) {
      const path = resolve(io.cwd, value.slice(1));
      inputs[id] = types.get(id) === 'FILE' ? path : readText(path, `the file of --input ${id}`);
    } else {
      inputs[id] = value;
    }
  }
  return inputs;
}

/** Asks on the terminal when one is attached (Pause without delay). */
function terminalConfirm(io: CliIo): Confirm | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question, signal) =>
    new Promise<boolean>((resolvePromise) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const onAbort = () => {
        rl.close();
        resolvePromise(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      io.stderr('\n');
      rl.question(question, (answer) => {
        signal.removeEventListener('abort', onAbort);
        rl.close();
        resolvePromise(/^y(es)?$/i.test(answer.trim()));
      });
    });
}

/** `--server`: the same command against a Kestra server's REST API (server/src/remote). */
async function runRemotely(
  parsed: RunArgs,
  text: string,
  shown: string,
  onEvent: (event: RunEvent) => void,
  io: CliIo,
): Promise<number> {
  try {
    const result = await runOnServer({
      flowText: text,
      flowPath: shown,
      serverUrl: parsed.server ?? '',
      tenant: parsed.tenant,
      inputs: await remoteInputsFromArgs(text, parsed.inputs, io.cwd),
      env: io.env,
      signal: io.signal,
      onEvent,
      onNotice: (message) => io.stderr(`kestra-flow run: ${message}\n`),
    });
    if (result.error) io.stderr(`kestra-flow run: ${result.error}\n`);
    return result.exitCode;
  } catch (error) {
    if (error instanceof RemoteError) {
      io.stderr(`kestra-flow run: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a flow locally with the embedded engine',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseRunArgs(args);
    const path = resolve(io.cwd, parsed.file);
    const text = readText(path, 'the flow file');
    const print = parsed.format === 'ndjson' ? ndjsonPrinter(io.stdout) : textPrinter(io.stdout);
    const onEvent = (event: RunEvent) => print(event);
    const fromCwd = relative(io.cwd, path);
    const shown = fromCwd && !fromCwd.startsWith('..') ? fromCwd : path;
    if (parsed.server !== undefined) return runRemotely(parsed, text, shown, onEvent, io);
    // Loaded once: the input types here, the run below (a large flow takes seconds to read).
    const loaded = loadFlow(text, path);
    const inputs = collectInputs(parsed, loaded, io);
    const result = await runFlow({
      text,
      filePath: path,
      loaded,
      inputs,
      cwd: io.cwd,
      env: io.env,
      onEvent,
      signal: io.signal,
      confirm: terminalConfirm(io),
    });
    if (result.status === 'invalid-flow') {
      const lines = result.problems.map(
        (p) => `${shown}:${p.position.line + 1}:${p.position.character + 1}: error ${p.code}: ${p.message}`,
      );
      io.stderr(`${lines.join('\n')}\nkestra-flow run: nothing was executed.\n`);
      return 2;
    }
    if (result.status === 'invalid-inputs') {
      const lines = result.errors.map((e) => `kestra-flow run: ${e.message}`);
      io.stderr(
        `${lines.join('\n')}\nkestra-flow run: nothing was executed; pass inputs with --input ID=VALUE.\n`,
      );
      return 2;
    }
    const state = result.execution.state.current;
    return state === 'SUCCESS' || state === 'WARNING' ? 0 : 1;
  },
};
