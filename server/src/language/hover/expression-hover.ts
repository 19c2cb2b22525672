// Hover inside `{{ }}` / `{% %}`: task outputs (`outputs.t.body`), root variables, filters, functions
// and tests. Task, input and variable names themselves are answered by the symbol hover.
import { walk, type AstNode, type Expression } from '../../expr';
import { filters, functions, tests } from '../../expr/registry';
import type { Catalog } from '../../flow/catalog-types';
import { expressionSitesAt, type FlowDocument } from '../../flow/flow-document';
import { accessChain, parsedSite, type ParsedSite } from '../expression-refs';
import { CONTEXT_VARIABLES } from './context-variables';
import { code, filterMarkdown, functionMarkdown, testMarkdown } from './markdown';

export interface ExpressionHover {
  markdown: string;
  /** Document offsets of the hovered name. */
  start: number;
  end: number;
}

export function expressionHover(
  doc: FlowDocument,
  catalog: Catalog,
  offset: number,
): ExpressionHover | undefined {
  for (const site of expressionSitesAt(doc, offset)) {
    const offsets = site.offsets;
    if (offset < offsets[0] || offset >= offsets[offsets.length - 1]) continue;
    const parsed = parsedSite(site);
    const index = indexAt(offsets, offset);
    const node = innermost(parsed, index);
    if (!node) continue;
    const markdown = describe(doc, catalog, parsed, node);
    if (!markdown) return undefined;
    const [from, to] = node.span;
    return { markdown, start: offsets[from], end: offsets[Math.max(from, to - 1)] + 1 };
  }
  return undefined;
}

/** The template index whose character sits at document offset `offset`. */
function indexAt(offsets: number[], offset: number): number {
  let index = 0;
  while (index + 1 < offsets.length - 1 && offsets[index + 1] <= offset) index++;
  return index;
}

/** The smallest name-like node (identifier, variable, string literal) under template index `index`. */
function innermost(parsed: ParsedSite, index: number): AstNode | undefined {
  let best: AstNode | undefined;
  walk(parsed.ast, (node) => {
    if (node.type !== 'Identifier' && node.type !== 'Variable' && node.type !== 'Literal') return;
    const [start, end] = node.span;
    if (start <= index && index < end && (!best || end - start < best.span[1] - best.span[0])) best = node;
  });
  return best;
}

function describe(
  doc: FlowDocument,
  catalog: Catalog,
  parsed: ParsedSite,
  node: AstNode,
): string | undefined {
  const parent = parsed.parents.get(node);
  if (node.type === 'Variable') {
    const text = Object.hasOwn(CONTEXT_VARIABLES, node.name) ? CONTEXT_VARIABLES[node.name] : undefined;
    return text ? `**${code(node.name)}**\n\n${text}` : undefined;
  }
  if (node.type === 'Identifier' && parent?.type === 'FilterApplication' && parent.name === node) {
    const spec = filters.get(node.name);
    return spec ? filterMarkdown(spec) : undefined;
  }
  if (node.type === 'Identifier' && parent?.type === 'FunctionCall' && parent.callee === node) {
    const spec = functions.get(node.name);
    return spec ? functionMarkdown(spec) : undefined;
  }
  if (node.type === 'Identifier' && parent?.type === 'TestApplication' && parent.name === node) {
    const spec = tests.get(node.name);
    return spec ? testMarkdown(spec) : undefined;
  }
  return outputMarkdown(doc, catalog, parsed, node);
}

/** `outputs.<task>.<output>`: the output's type and description, from the task's type. */
function outputMarkdown(
  doc: FlowDocument,
  catalog: Catalog,
  parsed: ParsedSite,
  node: AstNode,
): string | undefined {
  const root = chainRoot(parsed, node);
  if (root?.type !== 'Variable' || root.name !== 'outputs') return undefined;
  const chain = accessChain(parsed, root);
  const position = chain.findIndex((s) => node.span[0] <= s.span[0] && s.span[1] <= node.span[1]);
  if (position !== 1) return undefined;
  const taskId = chain[0].name;
  const outputName = chain[1].name;
  const typeName = doc.model?.allTasks.find((t) => t.id?.value === taskId)?.type?.value;
  const spec = typeName ? catalog.resolve(typeName)?.spec : undefined;
  const output = spec?.outputs.find((o) => o.name === outputName);
  if (!spec || !output) return undefined;
  return [
    `**Output ${code(output.name)}** · ${output.type}`,
    `Of task ${code(taskId)} (${code(spec.type)}).`,
    output.description,
  ]
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The expression an access chain through `node` starts from. */
function chainRoot(parsed: ParsedSite, node: AstNode): Expression | undefined {
  const access = parsed.parents.get(node);
  if (access?.type !== 'MemberAccess' && access?.type !== 'IndexAccess') return undefined;
  let expression: Expression = access;
  while (expression.type === 'MemberAccess' || expression.type === 'IndexAccess')
    expression = expression.object;
  return expression;
}
