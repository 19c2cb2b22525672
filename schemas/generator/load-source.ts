// Reads schemas/catalog/*.yaml into a CatalogSource, checking everything it can; all problems are
// reported together (SourceErrors), each naming the file and the plugin or section.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PluginKind, TaskCategory } from '../../server/src/flow/catalog-types';
import { readProperties } from './read-properties';
import { Reader, SourceErrors, type Json } from './source-reader';
import type { CatalogSource, SourceExample, SourcePlugin, SourceProperty, SourceUnion } from './source-types';
import { checkReferences } from './check-references';

const FILE_KEYS = [
  'shared',
  'plugins',
  'enums',
  'models',
  'flow',
  'task',
  'trigger',
  'inputs',
  'retry',
  'sla',
];
const SINGLETONS = ['flow', 'task', 'trigger', 'inputs', 'retry', 'sla'] as const;
const PLUGIN_KEYS = [
  'type',
  'kind',
  'category',
  'aliases',
  'title',
  'description',
  'deprecated',
  'beta',
  'schedule',
  'properties',
  'outputs',
  'examples',
];
const KINDS: PluginKind[] = ['task', 'trigger', 'condition', 'taskRunner'];
const CATEGORIES: TaskCategory[] = ['runnable', 'flowable', 'executable'];
const CLASS_NAME = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)+$/;

export interface LoadedFile {
  /** Path shown in messages. */
  name: string;
  text: string;
}

export function readSourceFiles(dir: string, root = process.cwd()): LoadedFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ name: relative(root, join(dir, file)), text: readFileSync(join(dir, file), 'utf8') }));
}

export function loadCatalogSource(files: LoadedFile[]): CatalogSource {
  const errors: string[] = [];
  const plugins: SourcePlugin[] = [];
  const singles: Partial<Record<(typeof SINGLETONS)[number], Reader>> = {};
  const source: CatalogSource = {
    plugins,
    flow: [],
    task: [],
    trigger: [],
    inputs: { key: '', common: [], members: [] },
    retry: { key: '', common: [], members: [] },
    sla: { key: '', common: [], members: [] },
    models: new Map(),
    enums: new Map(),
  };
  for (const file of files) {
    let parsed: Json;
    try {
      parsed = parseYaml(file.text, { merge: true, prettyErrors: true }) as Json;
    } catch (error) {
      errors.push(`${file.name}: invalid YAML: ${(error as Error).message}`);
      continue;
    }
    const top = new Reader(parsed, file.name, errors);
    const keys = top.map(FILE_KEYS);
    for (const item of top.at('plugins', keys.get('plugins')).list()) {
      const plugin = readPlugin(file.name, item, errors);
      if (plugin) plugins.push(plugin);
    }
    for (const [name, values] of top.at('enums', keys.get('enums')).map()) {
      const reader = top.at(`enum '${name}'`, { values });
      if (source.enums.has(name)) reader.error('defined twice');
      source.enums.set(name, reader.strings('values'));
    }
    for (const [name, spec] of top.at('models', keys.get('models')).map()) {
      const reader = top.at(`model '${name}'`, spec);
      reader.map(['class', 'description', 'properties']);
      if (source.models.has(name)) reader.error('defined twice');
      source.models.set(name, {
        name,
        class: className(reader),
        description: reader.string('description', false),
        properties: readProperties(reader.with(reader.field('properties'))),
      });
    }
    for (const key of SINGLETONS) {
      if (!keys.has(key)) continue;
      if (singles[key]) top.error(`'${key}' is already defined in ${singles[key].where}`);
      singles[key] = top.at(key, keys.get(key));
    }
  }
  for (const key of SINGLETONS) {
    const reader = singles[key];
    if (!reader) {
      errors.push(`catalog source: no file defines '${key}'`);
      continue;
    }
    if (key === 'flow' || key === 'task' || key === 'trigger') {
      reader.map(['properties']);
      source[key] = readProperties(reader.with(reader.field('properties')));
    } else {
      source[key] = readUnion(reader);
    }
  }
  checkReferences(source, errors);
  if (errors.length > 0) throw new SourceErrors(errors);
  return source;
}

function readPlugin(file: string, item: Json, errors: string[]): SourcePlugin | undefined {
  const first = new Reader(item, file, errors);
  const type = first.string('type', true);
  if (type === undefined) return undefined;
  const reader = new Reader(item, `${file}: ${type}`, errors);
  reader.map(PLUGIN_KEYS);
  if (!CLASS_NAME.test(type)) reader.error('type must be a fully qualified class name');
  const kind = reader.string('kind', true) as PluginKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) reader.error(`kind must be one of ${KINDS.join(', ')}`);
  const category = reader.string('category', false) as TaskCategory | undefined;
  if (kind === 'task' && category === undefined)
    reader.error(`a task needs a category (${CATEGORIES.join(', ')})`);
  if (category !== undefined && (kind !== 'task' || !CATEGORIES.includes(category))) {
    reader.error(`category must be one of ${CATEGORIES.join(', ')}, and only on tasks`);
  }
  const schedule = reader.boolean('schedule') ?? false;
  if (schedule && kind !== 'condition') reader.error("'schedule' is only for conditions");
  const aliases = reader.strings('aliases');
  for (const alias of aliases)
    if (!CLASS_NAME.test(alias)) reader.error(`alias '${alias}' is not a class name`);
  const examples = reader
    .at('examples', reader.field('examples'))
    .list()
    .map((example, index) => readExample(reader.at(`example ${index + 1}`, example)));
  if (examples.length === 0) reader.error('needs at least one example');
  return {
    file,
    type,
    kind: kind ?? 'task',
    category,
    aliases,
    title: reader.string('title', true) ?? '',
    description: reader.string('description', true) ?? '',
    deprecated: reader.boolean('deprecated') ?? false,
    beta: reader.boolean('beta') ?? false,
    schedule,
    properties: readProperties(reader.with(reader.field('properties'))),
    outputs: reader
      .at('outputs', reader.field('outputs'))
      .list()
      .map((output, index) => {
        const out = reader.at(`output ${index + 1}`, output);
        out.map(['name', 'type', 'description']);
        return {
          name: out.string('name', true) ?? '',
          type: out.string('type', true) ?? '',
          description: out.string('description', true) ?? '',
        };
      }),
    examples: examples.filter((example): example is SourceExample => example !== undefined),
  };
}

function readExample(reader: Reader): SourceExample | undefined {
  reader.map(['title', 'code', 'lang', 'full']);
  const code = reader.string('code', true);
  if (code === undefined) return undefined;
  const lang = reader.string('lang', false) ?? 'yaml';
  const full = reader.boolean('full') ?? true;
  if (lang === 'yaml') {
    try {
      const parsed = parseYaml(code) as Json;
      const isFlow =
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'tasks' in parsed;
      if (full && !isFlow)
        reader.error("a full example is a whole flow (id, namespace, tasks); else set 'full: false'");
    } catch (error) {
      reader.error(`example is not valid YAML: ${(error as Error).message}`);
    }
  }
  return { title: reader.string('title', false), code: code.replace(/\n+$/, ''), lang, full };
}

function readUnion(reader: Reader): SourceUnion {
  reader.map(['key', 'common', 'members']);
  const members = reader
    .at('members', reader.field('members'))
    .list()
    .map((item) => {
      const value = new Reader(item, reader.where, reader.errors).string('value', true) ?? '';
      const member = reader.at(`member '${value}'`, item);
      member.map(['value', 'class', 'description', 'deprecated', 'properties']);
      return {
        value,
        class: className(member),
        description: member.string('description', true) ?? '',
        deprecated: member.boolean('deprecated') ?? false,
        properties: readProperties(member.with(member.field('properties'))),
      };
    });
  return {
    key: reader.string('key', true) ?? '',
    common: readProperties(reader.with(reader.field('common'))),
    members,
  };
}

function className(reader: Reader): string {
  const name = reader.string('class', true) ?? '';
  if (name && !CLASS_NAME.test(name)) reader.error(`'${name}' is not a class name`);
  return name;
}

/** Every property of a list, nested ones included. */
export function* allProperties(properties: SourceProperty[]): Generator<SourceProperty> {
  for (const property of properties) {
    yield property;
    if (property.properties) yield* allProperties(property.properties);
  }
}
