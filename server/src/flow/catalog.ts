// The plugin catalog every feature reads: the bundled core plugins (schemas/catalog.json +
// schemas/flow.schema.json, bundled by esbuild), or the plugins of a server's flow schema.
import bundledCatalogJson from '../../../schemas/catalog.json';
import bundledSchemaJson from '../../../schemas/flow.schema.json';
import { catalogDataFromSchema } from './catalog-from-schema';
import { CATALOG_DATA_VERSION, type CatalogData } from './catalog-data';
import { readJsonFile } from './catalog-json-file';
import type {
  Catalog,
  CatalogSource,
  InputTypeSpec,
  PluginKind,
  PluginProperty,
  PluginSpec,
  ResolvedType,
} from './catalog-types';

interface NameEntry {
  spec: PluginSpec;
  /** The name as registered (canonical type or alias), to tell a case difference. */
  name: string;
  viaAlias: boolean;
}

let bundledInstance: PluginCatalog | undefined;

export class PluginCatalog implements Catalog {
  readonly flowProperties: PluginProperty[];
  readonly commonTaskProperties: PluginProperty[];
  readonly commonTriggerProperties: PluginProperty[];
  readonly inputTypes: InputTypeSpec[];
  readonly commonInputProperties: PluginProperty[];
  private readonly byName = new Map<string, NameEntry>();
  private readonly byKind = new Map<PluginKind, PluginSpec[]>();

  private constructor(
    readonly source: CatalogSource,
    data: CatalogData,
    readonly schema: Record<string, unknown>,
  ) {
    this.flowProperties = data.flowProperties;
    this.commonTaskProperties = data.commonTaskProperties;
    this.commonTriggerProperties = data.commonTriggerProperties;
    this.inputTypes = data.inputTypes;
    this.commonInputProperties = data.commonInputProperties;
    const sorted = [...data.plugins].sort((a, b) => a.type.localeCompare(b.type));
    for (const spec of sorted) {
      this.byName.set(spec.type.toLowerCase(), { spec, name: spec.type, viaAlias: false });
      const list = this.byKind.get(spec.kind) ?? [];
      list.push(spec);
      this.byKind.set(spec.kind, list);
    }
    for (const spec of sorted) {
      for (const alias of spec.aliases) {
        const key = alias.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, { spec, name: alias, viaAlias: true });
      }
    }
  }

  /** The core plugins shipped with the extension; built once. */
  static bundled(): PluginCatalog {
    bundledInstance ??= new PluginCatalog(
      'bundled',
      withCommonProperties(bundledCatalogJson as unknown as CatalogData),
      bundledSchemaJson as unknown as Record<string, unknown>,
    );
    return bundledInstance;
  }

  /**
   * A catalog from a flow schema in the server's shape. Types also in the bundled catalog keep its
   * aliases, category, outputs and examples; the others have `outputsKnown: false` and the examples
   * found in their Markdown.
   * Throws an Error with a readable message when the schema is not a Kestra flow schema.
   */
  static fromSchema(schema: unknown, source: 'server' | 'file'): PluginCatalog {
    const data = catalogDataFromSchema(schema);
    const bundled = PluginCatalog.bundled();
    data.plugins = data.plugins.map((spec) => {
      const known = bundled.byName.get(spec.type.toLowerCase());
      if (!known || known.viaAlias) return spec;
      return {
        ...spec,
        aliases: known.spec.aliases,
        category: known.spec.category ?? spec.category,
        outputs: known.spec.outputs,
        examples: known.spec.examples,
        outputsKnown: true,
      };
    });
    return new PluginCatalog(source, data, schema as Record<string, unknown>);
  }

  /** Reads a schema file (JSON); errors name the file and, for bad JSON, the line and column. */
  static fromSchemaFile(path: string): PluginCatalog {
    const schema = readJsonFile(path, 'flow schema');
    try {
      return PluginCatalog.fromSchema(schema, 'file');
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  }

  resolve(type: string): ResolvedType | undefined {
    const entry = this.byName.get(type.toLowerCase());
    if (!entry) return undefined;
    return { spec: entry.spec, viaAlias: entry.viaAlias, caseDiffers: entry.name !== type };
  }

  plugins(kind: PluginKind): PluginSpec[] {
    return this.byKind.get(kind) ?? [];
  }
}

/** catalog.json stores plugin-specific properties only; the common ones of the kind are appended. */
function withCommonProperties(data: CatalogData): CatalogData {
  if (data.version !== CATALOG_DATA_VERSION) {
    throw new Error(`schemas/catalog.json has version ${data.version}, expected ${CATALOG_DATA_VERSION}`);
  }
  const plugins = data.plugins.map((spec) => {
    const common =
      spec.kind === 'task'
        ? data.commonTaskProperties
        : spec.kind === 'trigger'
          ? data.commonTriggerProperties
          : [];
    const own = new Set(spec.properties.map((p) => p.name));
    const id = common.filter((p) => p.name === 'id');
    const rest = common.filter((p) => !own.has(p.name) && p.name !== 'id' && p.name !== 'type');
    return { ...spec, properties: [...id, typeProperty(spec, common), ...spec.properties, ...rest] };
  });
  return { ...data, plugins };
}

/** `type` as the flow schema has it for this plugin: a const of the canonical name. */
function typeProperty(spec: PluginSpec, common: PluginProperty[]): PluginProperty {
  const base = common.find((p) => p.name === 'type');
  return {
    name: 'type',
    type: 'string',
    required: true,
    dynamic: false,
    description: base?.description ?? 'Fully qualified class name of the plugin.',
    schema: { const: spec.type },
  };
}
