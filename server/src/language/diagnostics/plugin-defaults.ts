// Kestra's PluginDefaultValidator: each plugin default has a `type` and `values`, no null value, and
// when `type` names a known plugin every key of `values` is one of its properties. A `type` that is
// a package prefix (`io.kestra.plugin.core.http`) applies to every plugin below it and is not checked.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Catalog, PluginSpec } from '../../flow/catalog-types';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { LineIndex } from '../../flow/range';
import { closestName } from '../../flow/schema-validation-suggest';
import {
  diagnostic,
  getPair,
  getValueNode,
  keyRange,
  nodeRange,
  scalarString,
  type FlowRule,
} from './rule-context';

function propertyNames(catalog: Catalog, spec: PluginSpec): string[] {
  const common =
    spec.kind === 'task'
      ? catalog.commonTaskProperties
      : spec.kind === 'trigger'
        ? catalog.commonTriggerProperties
        : [];
  return [...new Set([...spec.properties, ...common].map((p) => p.name))];
}

function checkDefault(catalog: Catalog, lines: LineIndex, item: YAMLMap, where: string): FlowDiagnostic[] {
  const anchor = keyRange(lines, item.items[0]) ?? nodeRange(lines, item)!;
  const found: FlowDiagnostic[] = [];
  const typePair = getPair(item, 'type');
  const valuesPair = getPair(item, 'values');
  if (!typePair)
    found.push(
      diagnostic(
        anchor,
        'error',
        'invalid-plugin-default',
        `No 'type' provided in this ${where} entry: add the plugin type (or package) it applies to.`,
      ),
    );
  if (!valuesPair)
    found.push(
      diagnostic(
        anchor,
        'error',
        'invalid-plugin-default',
        `No 'values' provided in this ${where} entry: add the properties to inject.`,
      ),
    );
  const values = valuesPair?.value as Node | null | undefined;
  if (!isMap(values)) return found;
  for (const pair of values.items) {
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      const key = scalarString(pair.key as Node) ?? '';
      found.push(
        diagnostic(
          keyRange(lines, pair)!,
          'error',
          'invalid-plugin-default',
          `No value provided for key '${key}': give it a value or remove it.`,
        ),
      );
    }
  }
  const type = scalarString(typePair?.value as Node);
  const spec = type ? catalog.resolve(type)?.spec : undefined;
  if (!spec) return found;
  const names = propertyNames(catalog, spec);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const pair of values.items) {
    const key = scalarString(pair.key as Node);
    if (key === undefined || lower.has(key.toLowerCase())) continue;
    const suggestion = closestName(key, names);
    found.push(
      diagnostic(
        keyRange(lines, pair)!,
        'error',
        'unknown-property',
        `No property '${key}' exists in plugin '${spec.type}'.` +
          (suggestion ? ` Did you mean '${suggestion}'?` : ''),
        suggestion ? { suggestion } : undefined,
      ),
    );
  }
  return found;
}

export const pluginDefaults: FlowRule = ({ model, catalog, lines }) =>
  ['pluginDefaults', 'taskDefaults'].flatMap((key) => {
    const list = getValueNode(model.root, key);
    if (!isSeq(list)) return [];
    return list.items.filter(isMap).flatMap((item) => checkDefault(catalog, lines, item, `\`${key}\``));
  });
