// The shape of a `kestra-flow` sub-command. Commands write through `io` so tests can capture output.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Current directory, for relative paths. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT / SIGTERM. */
  signal?: AbortSignal;
}

export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Full usage text for `kestra-flow <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
