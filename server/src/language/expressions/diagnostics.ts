// Expression diagnostics of a flow: Pebble syntax, unknown functions/filters/tests and argument
// counts, then references to inputs, variables, tasks and outputs where the context is certain.
// The lead calls `expressionDiagnostics` from language/validate.ts.
import type { TemplateNode } from '../../expr/ast';
import { parseTemplate } from '../../expr/parser';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { ExpressionSite } from '../../flow/expression-sites';
import type { FlowDocument } from '../../flow/flow-document';
import type { LineIndex } from '../../flow/range';
import { callableDiagnostics } from './callable-checks';
import { analyseFlow, type FlowAnalysis } from './flow-analysis';
import { defaultRegistry, type CallableRegistry } from './known-callables';
import { REFERENCE_ROOTS, referenceDiagnostics } from './reference-checks';
import { siteContext, type SiteContext } from './site-context';
import { spanRange } from './site-range';
import { templateFacts } from './template-facts';

const NONE: ReadonlySet<string> = new Set();

export function expressionDiagnostics(
  doc: FlowDocument,
  catalog: Catalog,
  registry: CallableRegistry = defaultRegistry,
): FlowDiagnostic[] {
  const analysis = analyseFlow(doc, catalog);
  if (!analysis) return [];
  const found: FlowDiagnostic[] = [];
  for (const site of doc.expressions) found.push(...siteDiagnostics(analysis, site, doc.lines, registry));
  return found;
}

/** The diagnostics of one string. */
export function siteDiagnostics(
  analysis: FlowAnalysis,
  site: ExpressionSite,
  lines: LineIndex,
  registry: CallableRegistry = defaultRegistry,
): FlowDiagnostic[] {
  const context = siteContext(site, analysis.model, analysis.catalog);
  const { ast, errors } = parseTemplate(site.value);
  if (context.kind === 'literal') return context.staticProperty ? staticUse(ast, site, context, lines) : [];
  const found: FlowDiagnostic[] = errors.map((error) => ({
    range: spanRange(site.offsets, lines, error.span),
    severity: 'error',
    code: 'expression-syntax',
    message: error.message,
  }));
  const checksReferences =
    context.kind === 'task' || context.kind === 'flow-output' || context.kind === 'variable';
  const facts = templateFacts(ast, checksReferences ? REFERENCE_ROOTS : NONE);
  found.push(...callableDiagnostics(facts, site, lines, registry));
  if (checksReferences) {
    const current = context.kind === 'task' ? context.task : undefined;
    found.push(
      ...referenceDiagnostics(
        analysis,
        {
          facts,
          current,
          get offsets() {
            return site.offsets;
          },
        },
        lines,
        registry,
      ),
    );
  }
  return found.sort(byStart);
}

function byStart(a: FlowDiagnostic, b: FlowDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** `{{ }}` in a string the catalog says Kestra does not render: it is used as written. */
function staticUse(
  ast: TemplateNode,
  site: ExpressionSite,
  context: SiteContext,
  lines: LineIndex,
): FlowDiagnostic[] {
  const first = ast.body.find((node) => node.type !== 'Text' && node.type !== 'Comment');
  const property = context.staticProperty;
  if (!first || !property) return [];
  const owner = context.task?.type?.value;
  const typeName = owner ? ` of ${owner.slice(owner.lastIndexOf('.') + 1)}` : '';
  return [
    {
      range: spanRange(site.offsets, lines, first.span),
      severity: 'warning',
      code: 'dynamic-expression-in-static-property',
      message: `\`${property.name}\`${typeName} is not rendered: Kestra uses this text as written, expression included. Write the value itself.`,
    },
  ];
}
