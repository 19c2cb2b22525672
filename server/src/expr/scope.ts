// Pebble's ScopeChain: a stack of scopes; a "local" scope (a macro call) hides everything below it.
// `set` writes to the nearest scope that already has the name (or is local), else to the top scope.
import type { PebbleMap, PebbleValue } from './values';

interface Scope {
  /** Made on the first write: most scopes of a render never get one. */
  vars?: Map<string, PebbleValue>;
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
  return scope.vars?.has(name) === true || (scope.root !== undefined && hasOwn(scope.root, name));
}

function scopeGet(scope: Scope, name: string): PebbleValue {
  if (scope.vars?.has(name)) return scope.vars.get(name) ?? null;
  return scope.root?.[name] ?? null;
}

function scopeSet(scope: Scope, name: string, value: PebbleValue): void {
  (scope.vars ??= new Map()).set(name, value);
}

export class ScopeChain {
  private readonly scopes: Scope[] = [];

  /** Pushes the render's variables, then an empty scope for top-level `set`, as Pebble does. */
  static forRoot(variables: PebbleMap): ScopeChain {
    const chain = new ScopeChain();
    chain.scopes.push(
      { vars: undefined, local: false, root: variables },
      { vars: undefined, local: false, root: undefined },
    );
    return chain;
  }

  push(vars?: Map<string, PebbleValue>, local = false): void {
    this.scopes.push({ vars, local, root: undefined });
  }

  pop(): void {
    this.scopes.pop();
  }

  /** The value of `name`; undefined when no visible scope defines it (a null value is defined). */
  lookup(name: string): PebbleValue | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scopeHas(scope, name)) return scopeGet(scope, name);
      if (scope.local) break;
    }
    return undefined;
  }

  /** Defines a name in the top scope (loop variables, macro arguments). */
  put(name: string, value: PebbleValue): void {
    scopeSet(this.scopes[this.scopes.length - 1], name, value);
  }

  /** The `set` tag. */
  set(name: string, value: PebbleValue): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope.local || scopeHas(scope, name)) {
        scopeSet(scope, name, value);
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
      const vars = this.scopes[i].vars;
      if (vars) for (const name of vars.keys()) names.add(name);
    }
    const result: PebbleMap = {};
    for (const name of names) result[name] = this.lookup(name) ?? null;
    return result;
  }
}
