// Functions that read the execution context or the host's services: now, secret, kv, read, fileURI,
// fileSize, currentEachOutput, printContext/fetchContext and errorLogs.
import type { CallContext, FunctionSpec, ParamSpec } from '../registry-types';
import { isMap, type PebbleMap, type PebbleValue } from '../values';
import { asBoolean, asString, fail, has } from '../lib/args';
import { formatZoned } from '../lib/date/kestra-date';
import { zoneOf } from '../lib/date/zone';
import { ofInstant } from '../lib/date/zoned';
import { javaToString } from '../lib/java';
import { slugify } from '../lib/slugify';
import { optional, param } from '../lib/spec-helpers';

const KESTRA_SCHEME = 'kestra:///';

function variableMap(ctx: CallContext, name: string): PebbleMap | null {
  const value = ctx.variables[name];
  return isMap(value) ? value : null;
}

function field(map: PebbleMap | null, key: string): string | null {
  const value = map?.[key];
  return typeof value === 'string' ? value : null;
}

function flowNamespace(ctx: CallContext, fn: string): string {
  const namespace = field(variableMap(ctx, 'flow'), 'namespace');
  if (namespace === null) fail(`The '${fn}' function needs the flow namespace (variable 'flow.namespace').`);
  return namespace;
}

function belongsTo(
  path: string,
  namespace: string | null,
  flowId: string | null,
  executionId: string | null,
): boolean {
  if (namespace === null || flowId === null || executionId === null) return false;
  return path.startsWith(
    `${KESTRA_SCHEME}${namespace.replace(/\./g, '/')}/${slugify(flowId)}/executions/${executionId}/`,
  );
}

/** Internal-storage files are readable only from their own execution, or from the triggering one. */
function checkOwnership(ctx: CallContext, path: string): void {
  const flow = variableMap(ctx, 'flow');
  const execution = variableMap(ctx, 'execution');
  if (belongsTo(path, field(flow, 'namespace'), field(flow, 'id'), field(execution, 'id'))) return;
  const trigger = variableMap(ctx, 'trigger');
  if (
    trigger &&
    belongsTo(path, field(trigger, 'namespace'), field(trigger, 'flowId'), field(trigger, 'executionId'))
  ) {
    return;
  }
  fail(`Unable to read the file '${path}' as it didn't belong to the current execution`);
}

const DATE_PARAMS: ParamSpec[] = [
  optional('format', 'string', 'iso', 'A named format (iso, iso_sec, sql, iso_date…) or a Java pattern.'),
  optional(
    'timeZone',
    'string',
    undefined,
    'Zone of the result (IANA id or offset); the server zone by default.',
  ),
  optional('existingFormat', 'string', undefined, 'Accepted for symmetry with the date filter; unused.'),
  optional('locale', 'string', undefined, 'Locale for names of months and days (e.g. fr_FR).'),
];

export const contextFunctions: FunctionSpec[] = [
  {
    name: 'now',
    params: DATE_PARAMS,
    returns: 'string',
    description: 'Returns the current date and time, formatted like the date filter.',
    kestra: true,
    call(args, ctx) {
      const now = ctx.services.now?.() ?? new Date();
      const epochMs = now.getTime();
      const epochSecond = Math.floor(epochMs / 1000);
      const instant = ofInstant(epochSecond, (epochMs - epochSecond * 1000) * 1e6, zoneOf('Z'));
      return formatZoned(instant, args, ctx);
    },
  },
  {
    name: 'secret',
    params: [param('key', 'string', 'Name of the secret.')],
    returns: 'string',
    description: "Returns a secret's value from the secret store; the value is masked in logs.",
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'key')) fail("The 'secret' function expects an argument 'key'.");
      const key = asString(args.key, "The 'secret' function's 'key'");
      if (key === null) fail("The 'secret' function expects a non-null 'key'.");
      if (!ctx.services.secret) fail(`Cannot find secret for key '${key}'.`);
      const value = ctx.services.secret(key);
      ctx.services.onSecret?.(value);
      return value;
    },
  },
  {
    name: 'kv',
    params: [
      param('key', 'string', 'Key in the KV store.'),
      optional('namespace', 'string', undefined, "Namespace of the key; the flow's namespace by default."),
      optional('errorOnMissing', 'boolean', false, 'Fail instead of returning null when the key is missing.'),
    ],
    returns: 'any',
    description: 'Reads a value from the namespace key-value store (null when missing).',
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'key')) fail("The 'kv' function expects an argument 'key'.");
      const key = asString(args.key, "The 'kv' function's 'key'") ?? 'null';
      const namespace =
        asString(args.namespace, "The 'kv' function's 'namespace'") ?? flowNamespace(ctx, 'kv');
      const errorOnMissing = asBoolean(args.errorOnMissing, "The 'kv' function's 'errorOnMissing'") === true;
      if (!ctx.services.kv) fail('The KV store is not available in this context.');
      const { found, value } = ctx.services.kv(namespace, key);
      if (!found && errorOnMissing) fail(`The key '${key}' does not exist in the namespace '${namespace}'.`);
      return found ? value : null;
    },
  },
  {
    name: 'read',
    params: [param('path', 'string', 'A namespace file path, or a kestra:/// URI of this execution.')],
    returns: 'string',
    description: 'Reads a namespace file or an internal-storage file of the execution as UTF-8 text.',
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'path')) {
        fail(
          "The 'read' function expects an argument 'path' that is a path to a namespace file or an internal storage URI.",
        );
      }
      const path = args.path;
      if (typeof path !== 'string') fail(`Unable to read the file ${javaToString(path)}`);
      if (path.startsWith(KESTRA_SCHEME)) checkOwnership(ctx, path);
      if (!ctx.services.read)
        fail(`Unable to read the file ${path}: file storage is not available in this context.`);
      return ctx.services.read(path);
    },
  },
  {
    name: 'fileURI',
    params: [param('path', 'string', 'Path of a namespace file.')],
    returns: 'string',
    description: "Returns the kestra:/// URI of a namespace file of the flow's namespace.",
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'path'))
        fail("The 'fileURI' function expects an argument 'path' that is a path to a namespace file.");
      let path = asString(args.path, "The 'fileURI' function's 'path'");
      if (path === null) fail("The 'fileURI' function expects a non-null 'path'.");
      if (path.startsWith('/')) path = path.slice(1);
      if (path.includes('../')) fail("Path must not contain '../'");
      return `kestra:///${flowNamespace(ctx, 'fileURI').replace(/\./g, '/')}/_files/${path}`;
    },
  },
  {
    name: 'fileSize',
    params: [param('path', 'string', 'A kestra:/// URI of this execution.')],
    returns: 'integer',
    description: 'Returns the size in bytes of an internal-storage file of the execution.',
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'path')) {
        fail(
          "The 'fileSize' function expects an argument 'path' that is a path to the internal storage URI.",
        );
      }
      const path = args.path;
      if (typeof path !== 'string' || !path.startsWith(KESTRA_SCHEME)) {
        fail(`Unable to create the URI from the path ${javaToString(path)}`);
      }
      checkOwnership(ctx, path);
      if (!ctx.services.fileSize)
        fail(`Unable to get the size of ${path}: file storage is not available in this context.`);
      return ctx.services.fileSize(path);
    },
  },
  {
    name: 'currentEachOutput',
    params: [param('outputs', 'map', "A sibling task's outputs inside a ForEach (outputs.<taskId>).")],
    returns: 'any',
    description: "Picks a sibling task's outputs for the current iteration of the enclosing ForEach loops.",
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'outputs')) fail("The 'currentEachOutput' function expects an argument 'outputs'.");
      let outputs: PebbleValue = args.outputs ?? null;
      if (!isMap(outputs))
        fail("The 'currentEachOutput' function expects an argument 'outputs' with type map.");
      const parents = ctx.variables.parents;
      const walk = (taskrun: PebbleValue | undefined) => {
        if (!isMap(taskrun)) return;
        if (!isMap(outputs))
          fail("The 'currentEachOutput' function found no outputs for an enclosing iteration.");
        outputs = outputs[javaToString(taskrun.value ?? null)] ?? null;
      };
      if (Array.isArray(parents)) {
        for (const parent of [...parents].reverse()) if (isMap(parent)) walk(parent.taskrun);
      }
      const taskrun = ctx.variables.taskrun;
      if (!isMap(taskrun))
        fail("The 'currentEachOutput' function can only be used inside a ForEach (no 'taskrun' variable).");
      if (!isMap(outputs))
        fail("The 'currentEachOutput' function found no outputs for an enclosing iteration.");
      return outputs[javaToString(taskrun.value ?? null)] ?? null;
    },
  },
  ...['printContext', 'fetchContext'].map((name): FunctionSpec => ({
    name,
    params: [],
    returns: 'map',
    description: 'Returns every variable of the current rendering as a map.',
    kestra: true,
    call: (_args, ctx) => ({ ...ctx.variables }),
  })),
  {
    name: 'errorLogs',
    params: [],
    returns: 'list',
    description:
      'Lists the ERROR logs of the execution; only works on a Kestra worker, which reads them from its database.',
    kestra: true,
    call() {
      fail("The 'errorLogs' function can only be used in the Worker as it access logs from the database.");
    },
  },
];
