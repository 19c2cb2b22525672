// Markdown for hovers: plugin types, properties, inputs, filters and functions.
import type { InputTypeSpec, PluginProperty, PluginSpec } from '../../flow/catalog-types';
import type { FilterSpec, FunctionSpec, ParamSpec, TestSpec } from '../../expr/registry-types';

/** Inline code that survives backticks in the value. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function firstSentence(text: string): string {
  const paragraph = text
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^(.+?[.!?])(\s|$)/.exec(paragraph);
  return match ? match[1] : paragraph;
}

export function pluginMarkdown(spec: PluginSpec, common: Set<PluginProperty>, writtenAs?: string): string {
  const parts = [`**${spec.title}** ${code(spec.type)}`];
  if (writtenAs && writtenAs !== spec.type) {
    parts.push(`${code(writtenAs)} is a deprecated name of this type: write ${code(spec.type)}.`);
  }
  if (spec.deprecated) parts.push('**Deprecated.**');
  if (spec.description) parts.push(spec.description);
  const own = spec.properties.filter((p) => !common.has(p) && p.name !== 'id' && p.name !== 'type');
  if (own.length) {
    const rows = own.map(
      (p) =>
        `| ${code(p.name)}${p.deprecated ? ' (deprecated)' : ''} | ${cell(p.type)} | ${
          p.default === undefined ? '' : cell(code(JSON.stringify(p.default)))
        } | ${p.required ? 'yes' : ''} | ${cell(firstSentence(p.description))} |`,
    );
    parts.push(['| Property | Type | Default | Required | |', '|---|---|---|---|---|', ...rows].join('\n'));
  }
  if (spec.outputs.length) {
    const rows = spec.outputs.map(
      (o) => `| ${code(o.name)} | ${cell(o.type)} | ${cell(firstSentence(o.description))} |`,
    );
    parts.push(['| Output | Type | |', '|---|---|---|', ...rows].join('\n'));
  } else if (spec.outputsKnown) {
    parts.push('No outputs.');
  }
  const example = spec.examples[0];
  if (example) {
    parts.push(
      `${example.title ? `Example: ${example.title}` : 'Example'}\n\n\`\`\`yaml\n${example.code.trimEnd()}\n\`\`\``,
    );
  }
  return parts.join('\n\n');
}

export function propertyMarkdown(property: PluginProperty, owner?: string): string {
  const facts = [property.type, property.required ? 'required' : 'optional'];
  if (property.default !== undefined) facts.push(`default ${code(JSON.stringify(property.default))}`);
  facts.push(property.dynamic ? 'dynamic: rendered with Pebble' : 'not dynamic: used as written');
  if (property.deprecated) facts.push('**deprecated**');
  const parts = [`**${code(property.name)}**${owner ? ` of ${code(owner)}` : ''}`, facts.join(' · ')];
  if (property.description) parts.push(property.description);
  if (property.enum?.length) parts.push(`Values: ${property.enum.map(code).join(', ')}`);
  return parts.join('\n\n');
}

export function inputTypeMarkdown(input: InputTypeSpec): string {
  const parts = [`**Input type ${code(input.type)}**${input.deprecated ? ' (deprecated)' : ''}`];
  if (input.description) parts.push(input.description);
  const own = input.properties.map((p) => code(p.name));
  if (own.length) parts.push(`Own properties: ${own.join(', ')}`);
  return parts.join('\n\n');
}

function params(list: ParamSpec[]): string {
  return list
    .map((p) => {
      const name = p.variadic ? `...${p.name}` : p.name;
      const optional = p.optional || p.default !== undefined ? '?' : '';
      const fallback = p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : '';
      return `${name}${optional}: ${p.type}${fallback}`;
    })
    .join(', ');
}

function paramList(list: ParamSpec[]): string | undefined {
  const described = list.filter((p) => p.description);
  return described.length
    ? described.map((p) => `- ${code(p.name)}: ${p.description}`).join('\n')
    : undefined;
}

export function filterMarkdown(spec: FilterSpec): string {
  const signature = `value | ${spec.name}${spec.params.length ? `(${params(spec.params)})` : ''} → ${spec.returns}`;
  return callable(signature, spec, 'filter');
}

export function functionMarkdown(spec: FunctionSpec): string {
  return callable(`${spec.name}(${params(spec.params)}) → ${spec.returns}`, spec, 'function');
}

export function testMarkdown(spec: TestSpec): string {
  const signature = `value is ${spec.name}${spec.params.length ? `(${params(spec.params)})` : ''}`;
  return callable(signature, { ...spec, deprecated: undefined }, 'test');
}

function callable(
  signature: string,
  spec: { description: string; kestra: boolean; deprecated?: string; params: ParamSpec[] },
  what: string,
): string {
  const parts = [`\`\`\`pebble\n${signature}\n\`\`\``, `${spec.kestra ? 'Kestra' : 'Pebble'} ${what}.`];
  if (spec.deprecated) parts.push(`**Deprecated:** ${spec.deprecated}`);
  if (spec.description) parts.push(spec.description);
  const described = paramList(spec.params);
  if (described) parts.push(described);
  return parts.join('\n\n');
}
