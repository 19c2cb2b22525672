// `kestra-flow render TEMPLATE [--vars JSON] [--vars-file FILE]` (design.md A.2): renders a Pebble
// template as Kestra would (strict variables, string mode) and prints the result and a newline.
// Exit 0 ok, 1 render or parse error (one line on stderr), 2 usage errors or an unreadable file.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PebbleError } from '../../expr/errors';
import { initJq } from '../../expr/lib/jq';
import { renderTemplate } from '../../expr/render';
import { type CliCommand, type CliIo, UsageError } from '../command';

const USAGE = `Usage: kestra-flow render TEMPLATE [--vars JSON] [--vars-file FILE]

Renders a Pebble template with Kestra's settings (strict variables, no auto-escaping, maps and lists
printed as JSON) and prints the result.

Options:
  --vars JSON        the variables, a JSON object, e.g. '{"inputs": {"name": "World"}}'
  --vars-file FILE   read the variables from a JSON file (or YAML, for .yml / .yaml); --vars
                     entries override the file's

Example: kestra-flow render 'Hello {{ inputs.name | upper }}' --vars '{"inputs": {"name": "world"}}'

Exit codes: 0 rendered, 1 the template failed to parse or render, 2 usage error or unreadable file.
`;

interface Options {
  template: string;
  vars?: string;
  varsFile?: string;
}

function parseArgs(args: string[]): Options {
  let template: string | undefined;
  let vars: string | undefined;
  let varsFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--vars' || flag === '--vars-file') {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      if (flag === '--vars') vars = value;
      else varsFile = value;
    } else if (arg === '--') {
      if (template !== undefined || i + 2 !== args.length) throw new UsageError('give exactly one TEMPLATE.');
      template = args[i + 1];
      break;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option '${arg}'.`);
    } else {
      if (template !== undefined) throw new UsageError('give exactly one TEMPLATE (quote it in the shell).');
      template = arg;
    }
  }
  if (template === undefined) throw new UsageError('missing TEMPLATE.');
  return { template, vars, varsFile };
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new UsageError(`${what} must be a JSON object, got ${kind}.`);
  }
  return value as Record<string, unknown>;
}

function readVarsFile(path: string, io: CliIo): Record<string, unknown> {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read --vars-file ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  const yaml = ['.yml', '.yaml'].includes(extname(full).toLowerCase());
  try {
    return asObject(yaml ? parseYaml(text) : JSON.parse(text), `--vars-file ${path}`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `--vars-file ${path} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
    );
  }
}

function parseVars(text: string): Record<string, unknown> {
  try {
    return asObject(JSON.parse(text), '--vars');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--vars is not valid JSON: ${(error as Error).message}`);
  }
}

/** One line for the terminal: line breaks of the template shown as \n. */
function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, '\\n');
}

async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  const variables = {
    ...(options.varsFile !== undefined ? readVarsFile(options.varsFile, io) : {}),
    ...(options.vars !== undefined ? parseVars(options.vars) : {}),
  };
  try {
    // jq runs as WebAssembly, loaded asynchronously: only when the template may use it.
    if (/\bjq\b/.test(options.template)) await initJq();
    io.stdout(`${renderTemplate(options.template, variables)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PebbleError)) throw error;
    io.stderr(`kestra-flow render: ${oneLine(error.message)}\n`);
    return 1;
  }
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'render a Pebble template with the given variables, as Kestra would',
  usage: USAGE,
  run,
};
