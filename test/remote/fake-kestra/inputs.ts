// Execution inputs as the fake server reads them from multipart parts (§8.3): text parts by part
// name, file parts by *file name*; typed per the flow's declaration; the first error reported in
// Kestra's words (§2.5), like `readExecutionInputs` (which throws the first one).
import type { FakeInput } from './flow-source';
import type { FormPart } from './multipart';

export type InputsResult =
  { ok: true; inputs: Record<string, unknown> } | { ok: false; path: string; message: string };

function invalid(id: string, message: string, value: unknown): InputsResult {
  return {
    ok: false,
    path: id,
    message: `Invalid input for \`${id}\`, ${message}, but received \`${String(value)}\``,
  };
}

export function resolveInputs(declared: FakeInput[], parts: FormPart[], storagePrefix: string): InputsResult {
  const texts = new Map<string, string>();
  const files = new Map<string, FormPart>();
  for (const part of parts) {
    if (part.filename !== undefined) files.set(part.filename, part);
    else texts.set(part.name, part.data.toString('utf8'));
  }
  const inputs: Record<string, unknown> = {};
  for (const input of declared) {
    if (input.type === 'FILE') {
      const file = files.get(input.id);
      if (file && file.data.length === 0)
        return { ok: false, path: input.id, message: `Can't upload file: ${input.id}` };
      if (file) inputs[input.id] = `kestra:///${storagePrefix}/inputs/${input.id}/${input.id}`;
      else if (input.required && input.defaults === undefined)
        return invalid(input.id, 'missing required input', null);
      else inputs[input.id] = input.defaults ?? null;
      continue;
    }
    const raw = texts.get(input.id);
    if (raw === undefined) {
      if (input.required && input.defaults === undefined)
        return invalid(input.id, 'missing required input', null);
      inputs[input.id] = input.defaults ?? null;
      continue;
    }
    switch (input.type) {
      case 'INT':
        if (!/^[-+]?\d+$/.test(raw)) return invalid(input.id, `For input string: "${raw}"`, raw);
        inputs[input.id] = Number(raw);
        break;
      case 'FLOAT':
        if (Number.isNaN(Number(raw)) || raw.trim() === '')
          return invalid(input.id, `For input string: "${raw}"`, raw);
        inputs[input.id] = Number(raw);
        break;
      case 'BOOLEAN':
        inputs[input.id] = raw.toLowerCase() === 'true';
        break;
      case 'JSON':
      case 'ARRAY':
        try {
          inputs[input.id] = JSON.parse(raw) as unknown;
        } catch (error) {
          return invalid(input.id, (error as Error).message, raw);
        }
        break;
      default:
        inputs[input.id] = raw;
    }
  }
  return { ok: true, inputs };
}
