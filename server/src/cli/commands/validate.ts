// `kestra-flow validate [--format text|json] [--schema FILE] PATH…` (design.md A.2): the same
// validation as the language server, over files and directories. Exit 0 no errors, 1 errors,
// 2 usage errors, unreadable paths, a bad --schema file, or a named file that is not a flow.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PluginCatalog } from '../../flow/catalog';
import type { Catalog } from '../../flow/catalog-types';
import { decodeFlowBytes } from '../../language/decode-flow-bytes';
import { sortDiagnostics, validateFlow } from '../../language/validate';
import { type CliCommand, type CliIo, UsageError } from '../command';
import { collectFiles } from './validate-files';
import { formatJson, formatText, type FileResult } from './validate-output';

const USAGE = `Usage: kestra-flow validate [--format text|json] [--schema FILE] PATH…

Checks Kestra flow files: YAML syntax, properties against the plugin schema, and Kestra's own rules
(unique task ids, input defaults, Dag dependencies…). A directory means every *.yml / *.yaml in it,
recursively; YAML files there that are not flows are skipped.

Options:
  --format text|json  text (default): one 'file:line:col: severity code: message' line per problem
                      and a summary; json: [{"file", "diagnostics": [{range, severity, code, message}]}]
                      with 0-based lines and characters
  --schema FILE       a flow schema downloaded from a Kestra server (GET /api/v1/plugins/schemas/flow)
                      instead of the bundled one, to check the plugins installed there

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable input.
`;

interface Options {
  format: 'text' | 'json';
  schema?: string;
  paths: string[];
}

function parseArgs(args: string[]): Options {
  const options: Options = { format: 'text', paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      options.paths.push(...args.slice(i + 1));
      break;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--format' || flag === '--schema') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value.`);
      if (flag === '--schema') options.schema = value;
      else if (value === 'text' || value === 'json') options.format = value;
      else throw new UsageError(`unknown format '${value}': use text or json.`);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'.`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('give at least one flow file or directory.');
  return options;
}

function loadCatalog(schema: string | undefined, io: CliIo): Catalog | undefined {
  if (schema === undefined) return PluginCatalog.bundled();
  try {
    return PluginCatalog.fromSchemaFile(resolve(io.cwd, schema));
  } catch (error) {
    io.stderr(
      `kestra-flow validate: cannot use --schema ${schema}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return undefined;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  const catalog = loadCatalog(options.schema, io);
  if (!catalog) return 2;
  const { files, problems } = collectFiles(options.paths, io.cwd);
  const results: FileResult[] = [];
  let skipped = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolute);
    } catch (error) {
      problems.push(
        `${file.display}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      continue;
    }
    const decoded = decodeFlowBytes(bytes);
    const { flow, diagnostics } = validateFlow(decoded.text, catalog);
    if (!flow.isFlow) {
      if (!file.explicit) {
        skipped++;
        continue;
      }
      problems.push(
        `${file.display}: not a Kestra flow (a flow has top-level \`id\`, \`namespace\` and \`tasks\`); nothing was checked`,
      );
      continue;
    }
    results.push({
      file: file.display,
      diagnostics: sortDiagnostics([...decoded.diagnostics, ...diagnostics]),
    });
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results, skipped));
  for (const problem of problems) io.stderr(`kestra-flow validate: ${problem}\n`);
  if (problems.length > 0) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check flow files (syntax, plugin properties, Kestra rules)',
  usage: USAGE,
  run,
};
