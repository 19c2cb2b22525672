// Hover of a task id, an input id or a variable, at its declaration or at any use: what it is and
// where the flow uses it.
import { isScalar, type Node } from 'yaml';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { getValueNode } from '../../flow/yaml-nodes';
import { sameSymbol, type Occurrence } from '../navigation/occurrences';
import { code } from './markdown';

const MAX_USES = 8;
const MAX_VALUE = 120;

export function symbolMarkdown(doc: FlowDocument, catalog: Catalog, at: Occurrence): string | undefined {
  const all = sameSymbol(doc, at);
  const declaration = all.find((o) => o.declaration);
  if (!declaration) return undefined;
  const uses = usesText(all.filter((o) => !o.declaration));
  const line = `Declared on line ${declaration.range.start.line + 1}.`;
  if (at.kind === 'task') return [taskText(doc, catalog, at.name), uses, line].join('\n\n');
  if (at.kind === 'input') return [inputText(doc, at.name), uses, line].join('\n\n');
  return [variableText(doc, at.name), uses, line].join('\n\n');
}

function taskText(doc: FlowDocument, catalog: Catalog, id: string): string {
  const task = doc.model?.allTasks.find((t) => t.id?.value === id);
  const typeName = task?.type?.value;
  const spec = typeName ? catalog.resolve(typeName)?.spec : undefined;
  const head = `**Task ${code(id)}**${typeName ? ` · ${code(typeName)}` : ''}${spec ? ` — ${spec.title}` : ''}`;
  if (!spec) return head;
  const outputs = spec.outputs.map((o) => code(o.name));
  if (outputs.length) return `${head}\n\nOutputs: ${outputs.join(', ')}`;
  return spec.outputsKnown ? `${head}\n\nNo outputs.` : head;
}

function inputText(doc: FlowDocument, id: string): string {
  const input = doc.model?.inputs.find((i) => i.id?.value === id);
  if (!input) return `**Input ${code(id)}**`;
  const required = getValueNode(input.node, 'required');
  const isRequired = !(isScalar(required) && required.value === false);
  const facts = [input.type ? code(input.type.value) : 'no type', isRequired ? 'required' : 'optional'];
  const defaults = getValueNode(input.node, 'defaults');
  if (defaults) facts.push(`default ${code(sourceOf(doc, defaults))}`);
  const parts = [`**Input ${code(id)}** · ${facts.join(' · ')}`];
  const description = getValueNode(input.node, 'description');
  if (isScalar(description) && typeof description.value === 'string') parts.push(description.value);
  if (input.usesDeprecatedName) parts.push('Declared with the deprecated `name:`: write `id:` instead.');
  return parts.join('\n\n');
}

function variableText(doc: FlowDocument, name: string): string {
  const entry = doc.model?.variables.find((v) => v.key.value === name);
  const value = entry?.value ? ` = ${code(sourceOf(doc, entry.value))}` : '';
  return (
    `**Variable ${code(name)}**${value}\n\n` +
    'Read as `vars.' +
    name +
    '`. Its value is inserted as written: a `{{ }}` inside it is not rendered unless you use `render(vars.' +
    name +
    ')`.'
  );
}

function usesText(uses: Occurrence[]): string {
  if (uses.length === 0) return 'Not used anywhere in this flow.';
  const lines = uses.slice(0, MAX_USES).map((u) => `- line ${u.range.start.line + 1}: ${u.where}`);
  if (uses.length > MAX_USES) lines.push(`- … and ${uses.length - MAX_USES} more`);
  return `Used ${uses.length === 1 ? 'once' : `${uses.length} times`}:\n${lines.join('\n')}`;
}

/** A value on one line, shortened: a string as YAML reads it, anything else as written. */
function sourceOf(doc: FlowDocument, node: Node): string {
  const [start, end] = node.range ?? [0, 0];
  const raw = isScalar(node) && typeof node.value === 'string' ? node.value : doc.text.slice(start, end);
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}
