// Expression intelligence shared by validation and completion: what is in scope at a Pebble string,
// which tasks can have run before a task, and the expression diagnostics.
export { expressionDiagnostics, siteDiagnostics } from './diagnostics';
export { analyseFlow, outputsOf, type FlowAnalysis } from './flow-analysis';
export { defaultRegistry, type CallableRegistry } from './known-callables';
export { scopeFor, taskAtOffset, type ExpressionScope } from './scope';
export { siteContext, type SiteContext, type SiteKind } from './site-context';
export { TaskOrder, type OrderMode } from './task-order';
