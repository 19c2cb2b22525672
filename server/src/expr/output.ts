// Where rendered output goes. Kestra renders into a JsonWriter (maps and lists printed as JSON) or, for
// typed rendering, a TypedObjectWriter; macros, `{% filter %}` bodies and `block()` capture into a
// plain java.io.StringWriter, which prints maps and lists with Java's toString().
import { PebbleError } from './errors';
import { javaClassName, javaToString } from './java-semantics';
import type { Budget } from './limits';
import { toPebbleString, type PebbleValue } from './values';

export interface Output {
  /** Literal template text. */
  text(text: string): void;
  /** The non-null value of a `{{ }}`. */
  value(value: PebbleValue): void;
}

export class StringOutput implements Output {
  /** Appended to in place: most renders write two or three pieces, which an array then join cost more. */
  private written = '';

  constructor(
    private readonly budget: Budget,
    /** 'json': Kestra's top-level writer; 'java': a nested StringWriter. */
    private readonly style: 'json' | 'java',
  ) {}

  text(text: string): void {
    this.budget.write(text.length);
    this.written += text;
  }

  value(value: PebbleValue): void {
    this.text(this.style === 'json' ? toPebbleString(value) : javaToString(value));
  }

  toString(): string {
    return this.written;
  }
}

/**
 * Kestra's TypedObjectWriter: the first thing written becomes the result; text may be appended to a
 * string result; anything else added to an existing result fails as in Kestra.
 */
export class TypedOutput implements Output {
  private current: PebbleValue | undefined = undefined;

  constructor(private readonly budget: Budget) {}

  text(text: string): void {
    if (text.length === 0) return;
    this.budget.write(text.length);
    if (this.current === undefined || this.current === null) this.current = text;
    else if (typeof this.current === 'string') this.current += text;
    else throw illegalAddition('java.lang.Character', this.current);
  }

  value(value: PebbleValue): void {
    if (this.current === undefined || this.current === null) {
      this.budget.write(typeof value === 'string' ? value.length : 1);
      this.current = value;
    } else {
      throw illegalAddition(javaClassName(value), this.current);
    }
  }

  result(): PebbleValue {
    return this.current ?? null;
  }
}

function illegalAddition(added: string, current: PebbleValue): PebbleError {
  return new PebbleError(`Tried to add ${added} to ${javaClassName(current)}`, 'runtime');
}
