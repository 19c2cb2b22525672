// Argument parsing for `kestra-flow run FILE [--input ID=VALUE]… [--format text|ndjson] [--server URL] [--tenant T]`.
import { UsageError } from '../command';

export type RunFormat = 'text' | 'ndjson';

export interface RunArgs {
  file: string;
  /** `--input` values in order: id and raw text (a leading `@` means "read this file"). */
  inputs: { id: string; value: string }[];
  format: RunFormat;
  /** A Kestra server to run on instead of the embedded engine. */
  server?: string;
  tenant?: string;
}

export function parseRunArgs(args: string[]): RunArgs {
  let file: string | undefined;
  let format: RunFormat = 'text';
  const inputs: { id: string; value: string }[] = [];
  let server: string | undefined;
  let tenant: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--input' || flag === '-i') {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError('--input needs ID=VALUE.');
      const sep = value.indexOf('=');
      if (sep <= 0)
        throw new UsageError(`--input '${value}' is not ID=VALUE (for example --input name=World).`);
      inputs.push({ id: value.slice(0, sep), value: value.slice(sep + 1) });
    } else if (flag === '--format') {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value !== 'text' && value !== 'ndjson')
        throw new UsageError(`--format must be text or ndjson, not '${value ?? ''}'.`);
      format = value;
    } else if (flag === '--server' || flag === '--tenant') {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || value.startsWith('--'))
        throw new UsageError(
          `${flag} needs a value${flag === '--server' ? ' (the Kestra URL, e.g. http://localhost:8080)' : ''}.`,
        );
      if (flag === '--server') server = value;
      else tenant = value;
    } else if (arg === '--') {
      if (file !== undefined || i + 2 !== args.length) throw new UsageError('give exactly one FILE.');
      file = args[i + 1];
      break;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option '${flag}'.`);
    } else {
      if (file !== undefined) throw new UsageError('give exactly one FILE.');
      file = arg;
    }
  }
  if (file === undefined) throw new UsageError('missing FILE (the flow to run).');
  if (tenant !== undefined && server === undefined) throw new UsageError('--tenant goes with --server.');
  return { file, inputs, format, server, tenant };
}
