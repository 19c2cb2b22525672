// The run's secrets never reach the panel, the last-run hovers or the output channel: the values
// `secret()` can read (SECRET_<NAME>, base64, in the run's environment) and the server credentials
// are masked in every event and line the run produces, as Kestra masks them in logs (log-masking.ts).
// The engine masks its logs itself; this also covers outputs, errors and iteration values, which it
// passes through unmasked (as Kestra does), and anything a server run would echo of the credentials.
import type { JsonMap, JsonValue, RunEvent } from '../../../server/src/engine/events';
import { SecretMasker } from '../../../server/src/engine/run/log-masking';
import { SECRET_CREDENTIAL_VARIABLES } from '../credential-env';

/** A masker for the secrets of a run whose child process gets `env`. */
export function runSecretMasker(env: Readonly<Record<string, string | undefined>>): SecretMasker {
  const masker = new SecretMasker();
  for (const [name, encoded] of Object.entries(env)) {
    // Decoded as the engine's secret() decodes them (services.ts readSecret).
    if (name.startsWith('SECRET_') && encoded)
      masker.add(Buffer.from(encoded.trim(), 'base64').toString('utf8'));
  }
  for (const name of SECRET_CREDENTIAL_VARIABLES) masker.add(env[name]?.trim() ?? '');
  return masker;
}

function maskJson(value: JsonValue, masker: SecretMasker): JsonValue {
  if (typeof value === 'string') return masker.mask(value);
  if (Array.isArray(value)) return value.map((item) => maskJson(item, masker));
  if (value !== null && typeof value === 'object') return maskMap(value, masker);
  return value;
}

function maskMap(map: JsonMap, masker: SecretMasker): JsonMap {
  const masked: JsonMap = {};
  for (const [key, item] of Object.entries(map)) masked[masker.mask(key)] = maskJson(item, masker);
  return masked;
}

/** The event with secrets masked in what it carries (messages, values, outputs, errors), not its ids. */
export function maskRunEvent(event: RunEvent, masker: SecretMasker): RunEvent {
  if (masker.size === 0) return event;
  const text = (value: string | undefined) => (value === undefined ? undefined : masker.mask(value));
  switch (event.event) {
    case 'execution.started':
      return { ...event, inputs: maskMap(event.inputs, masker) };
    case 'taskrun.started':
      return event.value === undefined ? event : { ...event, value: masker.mask(event.value) };
    case 'log':
      return { ...event, message: masker.mask(event.message) };
    case 'taskrun.ended':
      return {
        ...event,
        ...(event.outputs ? { outputs: maskMap(event.outputs, masker) } : {}),
        ...(event.error !== undefined ? { error: text(event.error) } : {}),
      };
    case 'execution.ended':
      return {
        ...event,
        outputs: maskMap(event.outputs, masker),
        ...(event.flowOutputs ? { flowOutputs: maskMap(event.flowOutputs, masker) } : {}),
        ...(event.error !== undefined ? { error: text(event.error) } : {}),
      };
  }
}
