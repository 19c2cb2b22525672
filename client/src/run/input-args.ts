// Form values → `--input ID=VALUE` arguments for `kestra-flow run` (design.md A.2). Pure: the file
// writer is injected. The CLI reads `ID=@PATH` as "the content of PATH" (the path itself for FILE
// inputs), so a typed value that starts with `@` travels through a temporary file instead, and so
// do SECRET values (command lines are visible to other local processes; files are private).
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import { formValueToRaw, isDefaultValue } from '../../webview/model/form-values';
import type { FormValues } from '../../webview/protocol';

/** Writes `text` to a new private temporary file and returns its absolute path. */
export type WriteTempFile = (text: string) => string;

export function inputArgs(
  inputs: readonly InputDefinition[],
  values: FormValues,
  writeTempFile: WriteTempFile,
): string[] {
  const args: string[] = [];
  for (const input of inputs) {
    const value = values[input.id];
    // Untouched defaults are left to the engine, which applies them exactly as Kestra does.
    if (value === undefined || isDefaultValue(input, value)) continue;
    const raw = formValueToRaw(input, value);
    if (raw === undefined) continue;
    let argument: string;
    if (input.type === 'FILE') argument = `${input.id}=@${raw}`;
    else if (input.type === 'SECRET' || raw.startsWith('@')) argument = `${input.id}=@${writeTempFile(raw)}`;
    else argument = `${input.id}=${raw}`;
    args.push('--input', argument);
  }
  return args;
}

/** The values worth remembering for the next run of the flow: everything but SECRET inputs. */
export function rememberedValues(inputs: readonly InputDefinition[], values: FormValues): FormValues {
  const kept: FormValues = {};
  for (const input of inputs) {
    const value = values[input.id];
    if (value !== undefined && input.type !== 'SECRET') kept[input.id] = value;
  }
  return kept;
}
