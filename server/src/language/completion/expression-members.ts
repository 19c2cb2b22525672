// After `root.` (or inside `root['`): what the root holds at this place — declared inputs, variables
// (nested maps too), task ids and outputs, the fields of `flow`, `execution`, `task`, `taskrun`,
// `parent`, `trigger` (per declared trigger type), `labels`, and `loop` inside `{% for %}`.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { AccessChain } from '../expressions/access-chain';
import {
  EXECUTION_FIELDS,
  FLOW_FIELDS,
  LOOP_FIELDS,
  PARENT_FIELDS,
  PARENT_TASKRUN_FIELDS,
  SUBFLOW_TRIGGER_FIELDS,
  TASK_FIELDS,
  TASKRUN_FIELDS,
  TASKRUN_ITEMS,
  TASKRUN_ITERATION,
  TASKRUN_VALUE,
  triggerFields,
  type ContextField,
} from '../expressions/context-fields';
import type { ExpressionScope } from '../expressions/scope';
import type { BindingsAt } from '../expressions/template-bindings';
import { Kind, rank, shortType } from './expression-items';
import { nameItem, outputMemberItems, taskIdItems, type MemberPlace } from './expression-task-members';

export function memberItems(
  scope: ExpressionScope,
  catalog: Catalog,
  chain: AccessChain | undefined,
  bindings: BindingsAt,
  place: MemberPlace,
): CompletionItem[] {
  if (!chain) return [];
  const root = chain.root.name;
  const segments = chain.segments;
  const local = bindings.locals.find((l) => l.name === root);
  if (local) return local.kind === 'loop' && segments.length === 0 ? fieldItems(place, LOOP_FIELDS) : [];
  if (bindings.inMacro) return [];
  const names = segments.map((s) => (s.kind === 'name' ? s.name : undefined));
  switch (root) {
    case 'inputs':
      return names.includes(undefined) ? [] : inputItems(scope, place, names as string[]);
    case 'vars':
      return names.includes(undefined) ? [] : variableItems(scope, place, names as string[]);
    case 'outputs':
      return segments.length === 0
        ? taskIdItems(scope, place, 'outputs')
        : outputMemberItems(scope, place, segments);
    case 'tasks':
      if (segments.length === 0) return taskIdItems(scope, place, 'tasks');
      return segments.length === 1
        ? fieldItems(place, [{ name: 'state', type: 'string', description: 'State of the task run.' }])
        : [];
    case 'flow':
      return segments.length === 0 ? fieldItems(place, FLOW_FIELDS) : [];
    case 'execution':
      return segments.length === 0 ? fieldItems(place, EXECUTION_FIELDS) : [];
    case 'task':
      return segments.length === 0 && scope.task ? fieldItems(place, TASK_FIELDS) : [];
    case 'taskrun':
    case 'workerTaskrun':
      return segments.length === 0 && scope.task ? fieldItems(place, taskrunFields(scope)) : [];
    case 'parent':
      return parentItems(place, names);
    case 'parents':
      return segments[0]?.kind === 'computed' ? parentItems(place, names.slice(1)) : [];
    case 'trigger':
      return segments.length === 0 ? fieldItems(place, triggerFieldsOf(scope, catalog)) : [];
    case 'labels':
      return segments.length === 0 ? labelItems(scope, place) : [];
    default:
      return [];
  }
}

function fieldItems(place: MemberPlace, fields: ContextField[]): CompletionItem[] {
  return fields.map((field, i) =>
    nameItem(place, field.name, {
      kind: Kind.Field,
      detail: field.type,
      documentation: field.description,
      sortText: rank(0, i),
    }),
  );
}

function taskrunFields(scope: ExpressionScope): ContextField[] {
  const fields = [...TASKRUN_FIELDS];
  if (scope.taskrunValue) fields.push(TASKRUN_VALUE);
  if (scope.waitForIteration) fields.push(TASKRUN_ITERATION);
  if (scope.forEachItemBatch) fields.push(TASKRUN_ITEMS, TASKRUN_ITERATION);
  return fields;
}

function parentItems(place: MemberPlace, names: (string | undefined)[]): CompletionItem[] {
  if (names.length === 0) return fieldItems(place, PARENT_FIELDS);
  return names.length === 1 && names[0] === 'taskrun' ? fieldItems(place, PARENT_TASKRUN_FIELDS) : [];
}

/** Declared input ids below the dotted path typed so far (`inputs.a.` offers `b` of `a.b`). */
function inputItems(scope: ExpressionScope, place: MemberPlace, path: string[]): CompletionItem[] {
  const prefix = path.length ? `${path.join('.')}.` : '';
  const items: CompletionItem[] = [];
  scope.analysis.model.inputs.forEach((input, i) => {
    const id = input.id?.value;
    if (!id || !id.startsWith(prefix) || id === prefix) return;
    const description = scalarText(input.node.get('description', true) as Node | undefined);
    const required = scalarText(input.node.get('required', true) as Node | undefined) !== 'false';
    const type = input.type?.value ?? 'STRING';
    items.push(
      nameItem(place, id.slice(prefix.length), {
        kind: Kind.Variable,
        detail: type,
        documentation: [`Input of type \`${type}\`${required ? '' : ', optional'}.`, description]
          .filter(Boolean)
          .join('\n\n'),
        sortText: rank(0, i),
      }),
    );
  });
  return items;
}

/** Variable names, or the keys of the nested map reached by the path. */
function variableItems(scope: ExpressionScope, place: MemberPlace, path: string[]): CompletionItem[] {
  let entries: [string, Node | null][] = scope.analysis.model.variables.map((v) => [v.key.value, v.value]);
  for (const name of path) {
    const value = entries.find(([key]) => key === name)?.[1];
    if (!isMap(value)) return [];
    entries = value.items.flatMap((pair) =>
      isScalar(pair.key) ? [[String(pair.key.value), pair.value as Node | null]] : [],
    );
  }
  return entries.map(([name, value], i) =>
    nameItem(place, name, {
      kind: Kind.Variable,
      detail: describeValue(value),
      documentation: isScalar(value) ? `\`\`\`\n${String(value.value)}\n\`\`\`` : undefined,
      sortText: rank(0, i),
    }),
  );
}

function describeValue(value: Node | null): string {
  if (isMap(value)) return 'map';
  if (isSeq(value)) return 'list';
  if (isScalar(value)) return value.value === null ? 'null' : typeof value.value;
  return 'value';
}

function scalarText(node: Node | undefined): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

/** The variables of the triggers at this place, merged; a parent Subflow's when none is declared. */
function triggerFieldsOf(scope: ExpressionScope, catalog: Catalog): ContextField[] {
  if (scope.triggers.length === 0) return SUBFLOW_TRIGGER_FIELDS;
  const merged = new Map<string, ContextField>();
  for (const trigger of scope.triggers) {
    const type = trigger.type?.value;
    for (const field of (type && triggerFields(catalog, type)) || []) {
      if (!merged.has(field.name))
        merged.set(field.name, {
          ...field,
          description: `${field.description}\n\nSet by the ${shortType(type ?? '')} trigger.`,
        });
    }
  }
  return [...merged.values()];
}

/** Keys of the flow's `labels` (a map, or a list of `{key, value}`). */
function labelItems(scope: ExpressionScope, place: MemberPlace): CompletionItem[] {
  const labels = scope.analysis.model.keys.get('labels')?.value as Node | null | undefined;
  const keys: string[] = [];
  if (isMap(labels))
    for (const pair of labels.items) if (isScalar(pair.key)) keys.push(String(pair.key.value));
  if (isSeq(labels)) {
    for (const item of labels.items) {
      const key = isMap(item) ? item.get('key', true) : undefined;
      if (isScalar(key)) keys.push(String(key.value));
    }
  }
  return keys.map((key, i) =>
    nameItem(place, key, { kind: Kind.Field, detail: 'label', sortText: rank(0, i) }),
  );
}
