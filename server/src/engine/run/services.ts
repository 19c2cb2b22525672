// The services Pebble functions call during a run: `secret()` (env `SECRET_<NAME>`, base64, masked in
// logs), `kv()` (the local KV store), `read()` / `fileSize()` (the run's storage), the clock.
import type { EvalServices } from '../../expr/registry-types';
import { PebbleError } from '../../expr/errors';
import type { KvStore } from './kv-store';
import type { SecretMasker } from './log-masking';
import type { RunStorage } from './storage';

export interface ServiceDeps {
  env: NodeJS.ProcessEnv;
  kv: KvStore;
  storage: RunStorage;
  masker: SecretMasker;
  now?: () => Date;
}

/** Reads `SECRET_<NAME>` (base64) as Kestra's OSS secret backend does; undefined when absent. */
export function readSecret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const encoded = env[`SECRET_${name.toUpperCase()}`];
  if (encoded === undefined) return undefined;
  return Buffer.from(encoded.trim(), 'base64').toString('utf8');
}

export function createServices(deps: ServiceDeps): EvalServices {
  const wrap = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof PebbleError) throw error;
      throw new PebbleError(error instanceof Error ? error.message : String(error), 'runtime');
    }
  };
  return {
    now: deps.now,
    secret: (name) => {
      const value = readSecret(deps.env, name);
      if (value === undefined) throw new PebbleError(`Cannot find secret for key '${name}'.`, 'runtime');
      deps.masker.add(value);
      return value;
    },
    onSecret: (value) => deps.masker.add(value),
    kv: (namespace, key) => wrap(() => deps.kv.get(namespace, key)),
    read: (path) => wrap(() => deps.storage.read(path)),
    fileSize: (path) => wrap(() => deps.storage.size(path)),
  };
}
