// Kestra's id patterns (§1.5): flow id, namespace (lower-case), task and trigger ids (no dots),
// input and flow output ids (dots allowed: they nest). Reported on the offending value.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { Located } from '../../flow/model';
import { diagnostic, resolveSpec, taskAnchor, type FlowRule } from './rule-context';

interface IdPattern {
  /** What the id names, for messages ("Task id"). */
  what: string;
  code: string;
  /** What the first character may be. */
  first: RegExp;
  /** Characters allowed after the first one. */
  allowed: RegExp;
  allowedText: string;
  maxLength?: number;
  /** A likely fix for a rejected id. */
  suggest?: (id: string) => string;
}

const FLOW_ID: IdPattern = {
  what: 'Flow id',
  code: 'invalid-id',
  first: /[a-zA-Z0-9]/,
  allowed: /[a-zA-Z0-9._-]/,
  allowedText: "letters, digits, '.', '_' and '-'",
  maxLength: 100,
  suggest: (id) => id.replace(/[^a-zA-Z0-9._-]/g, '_'),
};
const NAMESPACE: IdPattern = {
  what: 'Namespace',
  code: 'invalid-namespace',
  first: /[a-z0-9]/,
  allowed: /[a-z0-9._-]/,
  allowedText: "lower-case letters, digits, '.', '_' and '-'",
  maxLength: 150,
  suggest: (id) => id.toLowerCase().replace(/[^a-z0-9._-]/g, '_'),
};
const TASK_ID: IdPattern = {
  what: 'Task id',
  code: 'invalid-id',
  first: /[a-zA-Z0-9]/,
  allowed: /[a-zA-Z0-9_-]/,
  allowedText: "letters, digits, '_' and '-' (no dots)",
  suggest: (id) => id.replace(/[^a-zA-Z0-9_-]/g, '_'),
};
const TRIGGER_ID: IdPattern = { ...TASK_ID, what: 'Trigger id' };
const INPUT_ID: IdPattern = {
  what: 'Input id',
  code: 'invalid-id',
  first: /[a-zA-Z0-9]/,
  allowed: /[.a-zA-Z0-9_-]/,
  allowedText: "letters, digits, '.', '_' and '-'",
  suggest: (id) => id.replace(/[^.a-zA-Z0-9_-]/g, '_'),
};
const OUTPUT_ID: IdPattern = { ...INPUT_ID, what: 'Flow output id' };

export function checkId(id: Located<string>, pattern: IdPattern): FlowDiagnostic | undefined {
  const value = id.value;
  if (value === '') return diagnostic(id.range, 'error', pattern.code, `${pattern.what} must not be empty.`);
  if (pattern.maxLength !== undefined && value.length > pattern.maxLength) {
    return diagnostic(
      id.range,
      'error',
      pattern.code,
      `${pattern.what} is ${value.length} characters long: the maximum is ${pattern.maxLength}.`,
    );
  }
  const chars = [...value];
  const firstBad = !pattern.first.test(chars[0])
    ? 0
    : chars.findIndex((c, i) => i > 0 && !pattern.allowed.test(c));
  if (firstBad < 0) return undefined;
  const bad = chars[firstBad];
  const upperCase = pattern === NAMESPACE && /[A-Z]/.test(value);
  const where = upperCase
    ? 'must be lower-case'
    : firstBad === 0
      ? `must start with a ${pattern === NAMESPACE ? 'lower-case ' : ''}letter or a digit`
      : `contains '${bad}'`;
  const suggestion = pattern.suggest?.(value);
  const valid = suggestion !== undefined && suggestion !== value && pattern.first.test(suggestion[0] ?? '');
  return diagnostic(
    id.range,
    'error',
    pattern.code,
    `${pattern.what} '${value}' ${where}: use only ${pattern.allowedText}, starting with ${pattern === NAMESPACE ? 'a lower-case letter' : 'a letter'} or a digit.` +
      (valid ? ` For example '${suggestion}'.` : ''),
    valid ? { suggestion } : undefined,
  );
}

export const idPatterns: FlowRule = ({ model, catalog, lines }) => {
  const found: (FlowDiagnostic | undefined)[] = [];
  if (model.id) found.push(checkId(model.id, FLOW_ID));
  if (model.namespace) found.push(checkId(model.namespace, NAMESPACE));
  for (const task of model.allTasks) {
    if (task.id) found.push(checkId(task.id, TASK_ID));
    // Tasks of a known type get `Missing required property 'id'` from schema validation.
    else if (!resolveSpec(catalog, task.type?.value)) {
      found.push(
        diagnostic(
          taskAnchor(lines, task),
          'error',
          'missing-id',
          'This task has no `id`: add one, unique in the flow.',
        ),
      );
    }
  }
  for (const trigger of model.triggers) if (trigger.id) found.push(checkId(trigger.id, TRIGGER_ID));
  for (const input of model.inputs) if (input.id) found.push(checkId(input.id, INPUT_ID));
  for (const output of model.outputs) if (output.id) found.push(checkId(output.id, OUTPUT_ID));
  return found.filter((d): d is FlowDiagnostic => d !== undefined);
};
