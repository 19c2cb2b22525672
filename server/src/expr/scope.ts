// Pebble's ScopeChain: a stack of scopes; a "local" scope (a macro call) hides everything below it.
// `set` writes to the nearest scope that already has the name (or is local), else to the top scope.
import type { PebbleMap, PebbleValue } from './values';

interface Scope {
  vars: Map<string, PebbleValue>;
  local: boolean;
  /**
   * The render's variables, read in place: copying every root variable into a Map cost more than
   * most renders. `vars` then holds only what `set` writes over them.
   */
  root?: PebbleMap;
}

const hasOwn = (object: PebbleMap, name: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, name);

function scopeHas(scope: Scope, name: string): boolean {
  return scope.vars.has(name) || (scope.root !== undefined && hasOwn(scope.root, name));
}

function scopeGet(scope: Scope, name: string): PebbleValue {
  if (scope.vars.has(name)) return scope.vars.get(name) ?? null;
  return scope.root?.[name] ?? null;
}

export class ScopeChain {
  private readonly scopes: Scope[] = [];

  /** Pushes the render's variables, then an empty scope for top-level `set`, as Pebble does. */
  static forRoot(variables: PebbleMap): ScopeChain {
    const chain = new ScopeChain();
    chain.scopes.push({ vars: new Map(), local: false, root: variables });
    chain.push();
    return chain;
  }

  push(vars: Map<string, PebbleValue> = new Map(), local = false): void {
    this.scopes.push({ vars, local });
  }

  pop(): void {
    this.scopes.pop();
  }

  /** `found` is false for a name no visible scope defines (a null value is found). */
  lookup(name: string): { found: boolean; value: PebbleValue } {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scopeHas(scope, name)) return { found: true, value: scopeGet(scope, name) };
      if (scope.local) break;
    }
    return { found: false, value: null };
  }

  /** Defines a name in the top scope (loop variables, macro arguments). */
  put(name: string, value: PebbleValue): void {
    this.scopes[this.scopes.length - 1].vars.set(name, value);
  }

  /** The `set` tag. */
  set(name: string, value: PebbleValue): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope.local || scopeHas(scope, name)) {
        scope.vars.set(name, value);
        return;
      }
    }
    this.put(name, value);
  }

  /** Every name visible outside macro scopes, as `render()` and `printContext()` see them. */
  visibleVariables(): PebbleMap {
    let first = 0;
    for (let i = 0; i < this.scopes.length; i++) if (this.scopes[i].local) first = i + 1;
    const names = new Set<string>();
    for (let i = first; i < this.scopes.length; i++) {
      const root = this.scopes[i].root;
      if (root) for (const name of Object.keys(root)) names.add(name);
      for (const name of this.scopes[i].vars.keys()) names.add(name);
    }
    const result: PebbleMap = {};
    for (const name of names) result[name] = this.lookup(name).value;
    return result;
  }
}
