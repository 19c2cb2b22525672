// Typed access to one parsed YAML value, collecting every mistake with where it was found
// ("schemas/catalog/core-log.yaml: io.kestra.plugin.core.log.Log: property 'level': ...").

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class SourceErrors extends Error {
  constructor(readonly problems: string[]) {
    super(`catalog source has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export class Reader {
  constructor(
    readonly value: Json | undefined,
    readonly where: string,
    readonly errors: string[],
  ) {}

  error(message: string): void {
    this.errors.push(`${this.where}: ${message}`);
  }

  /** Another value reported at the same place (a `properties:` map reads as its owner). */
  with(value: Json | undefined): Reader {
    return new Reader(value, this.where, this.errors);
  }

  at(where: string, value: Json | undefined): Reader {
    return new Reader(value, `${this.where}: ${where}`, this.errors);
  }

  isMap(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  /** The keys of a mapping, reporting keys outside `allowed`. */
  map(allowed?: readonly string[]): Map<string, Json> {
    if (!this.isMap()) {
      if (this.value !== undefined) this.error(`expected a mapping, found ${describe(this.value)}`);
      return new Map();
    }
    const entries = new Map(Object.entries(this.value as Record<string, Json>));
    if (allowed) {
      for (const key of entries.keys()) {
        if (!allowed.includes(key)) this.error(`unknown key '${key}' (allowed: ${allowed.join(', ')})`);
      }
    }
    return entries;
  }

  list(): Json[] {
    if (this.value === undefined || this.value === null) return [];
    if (!Array.isArray(this.value)) {
      this.error(`expected a list, found ${describe(this.value)}`);
      return [];
    }
    return this.value;
  }

  string(key: string, required: boolean): string | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.error(`missing '${key}'`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.error(`'${key}' must be a non-empty string, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.field(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.error(`'${key}' must be true or false, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  strings(key: string): string[] {
    const value = this.field(key);
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.error(`'${key}' must be a list of strings`);
      return [];
    }
    return value as string[];
  }

  field(key: string): Json | undefined {
    return this.isMap() ? (this.value as Record<string, Json>)[key] : undefined;
  }
}

export function describe(value: Json | undefined): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
