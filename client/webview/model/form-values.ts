// The inputs form's values: their starting value from `defaults`, the text passed to `--input`, and
// live validation with the engine's own parser (so the form says exactly what the run would say).
import { stringify as stringifyYaml } from 'yaml';
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import { parseInputValue } from '../../../server/src/engine/inputs/parse-input';
import type { FormValue, FormValues } from '../protocol';

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(asText);
    } catch {
      // not a JSON list: one value
    }
  }
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The value the form starts with when nothing was used before: `defaults` in the form's shape. */
export function defaultFormValue(input: InputDefinition): FormValue {
  const defaults = input.defaults;
  switch (input.type) {
    case 'BOOLEAN':
      return defaults === true || (typeof defaults === 'string' && defaults.toLowerCase() === 'true');
    case 'MULTISELECT':
      return asList(defaults);
    case 'JSON':
      return typeof defaults === 'string' || defaults === undefined
        ? asText(defaults)
        : JSON.stringify(defaults, null, 2);
    case 'YAML':
      return typeof defaults === 'string' || defaults === undefined
        ? asText(defaults)
        : stringifyYaml(defaults);
    default:
      return asText(defaults);
  }
}

/** Whether a remembered value still fits the input (its type may have changed since). */
export function fitsInput(input: InputDefinition, value: FormValue): boolean {
  if (input.type === 'BOOLEAN') return typeof value === 'boolean';
  if (input.type === 'MULTISELECT') return Array.isArray(value);
  return typeof value === 'string';
}

/** The form's starting values: `remembered` where it fits, else the defaults. SECRET values are never remembered. */
export function initialFormValues(
  inputs: readonly InputDefinition[],
  remembered: FormValues | undefined,
): FormValues {
  const values: FormValues = {};
  for (const input of inputs) {
    const last = remembered?.[input.id];
    values[input.id] =
      last !== undefined && input.type !== 'SECRET' && fitsInput(input, last)
        ? last
        : defaultFormValue(input);
  }
  return values;
}

/** The raw text for `--input id=…`, as typed in Kestra's form; undefined when the field is empty. */
export function formValueToRaw(input: InputDefinition, value: FormValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.length === 0 ? undefined : JSON.stringify(value);
  return value === '' ? undefined : value;
}

function sameValue(a: FormValue, b: FormValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i])
    );
  }
  return a === b;
}

/** True when the value is the input's own `defaults`: then nothing is passed and the engine applies them. */
export function isDefaultValue(input: InputDefinition, value: FormValue): boolean {
  return input.defaults !== undefined && sameValue(value, defaultFormValue(input));
}

/** What is wrong with a value, in the engine's words; undefined when it is fine. */
export function validateFormValue(input: InputDefinition, value: FormValue | undefined): string | undefined {
  const raw = formValueToRaw(input, value);
  if (raw === undefined) {
    if (input.defaults !== undefined && input.type !== 'FILE') return undefined;
    // An input that depends on others may be disabled at run time: the engine decides.
    if (input.dependsOn !== undefined) return undefined;
    const missing = parseInputValue(input, null);
    return missing.ok ? undefined : missing.message;
  }
  // A FILE value is a local path: the host checks it exists when the run starts.
  if (input.type === 'FILE') return undefined;
  const parsed = parseInputValue(input, raw);
  return parsed.ok ? undefined : parsed.message;
}

/** Every problem of a filled form, by input id. */
export function validateForm(inputs: readonly InputDefinition[], values: FormValues): Map<string, string> {
  const problems = new Map<string, string>();
  for (const input of inputs) {
    const problem = validateFormValue(input, values[input.id]);
    if (problem !== undefined) problems.set(input.id, problem);
  }
  return problems;
}
