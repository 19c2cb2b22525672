// Objects the evaluator creates itself: the `loop` variable of a for-loop and the entries of a map
// being iterated. Like Java beans, their attributes are read with getters (`loop.index`, `entry.key`).
import { javaToString } from './java-semantics';
import type { PebbleMap, PebbleObject, PebbleValue } from './values';

/** A PebbleObject whose attributes and methods Pebble templates can read. */
export interface PebbleAttributeProvider extends PebbleObject {
  /** `value.name` (args null) or `value.name(args)`; undefined when the object has no such member. */
  getPebbleAttribute(name: string, args: PebbleValue[] | null): PebbleValue | undefined;
}

export function isAttributeProvider(value: unknown): value is PebbleAttributeProvider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PebbleAttributeProvider).getPebbleAttribute === 'function'
  );
}

/** Pebble's ForNode.LoopVariables. */
export class LoopObject implements PebbleAttributeProvider {
  readonly pebbleKind = 'io.pebbletemplates.pebble.node.ForNode$LoopVariables';

  constructor(
    readonly index: number,
    readonly length: number,
  ) {}

  private fields(): PebbleMap {
    const { index, length } = this;
    return { last: index === length - 1, length, index, revindex: length - index - 1, first: index === 0 };
  }

  getPebbleAttribute(name: string, args: PebbleValue[] | null): PebbleValue | undefined {
    if (args && args.length > 0) return undefined;
    const key = name.toLowerCase().replace(/^(get|is)(?=index|revindex|first|last|length)/, '');
    const fields = this.fields();
    return Object.keys(fields).includes(key) ? fields[key] : undefined;
  }

  toPebbleString(): string {
    return javaToString(this.fields());
  }

  toJSON(): unknown {
    return this.fields();
  }
}

/** A `java.util.Map.Entry` produced by iterating a map. */
export class MapEntryObject implements PebbleAttributeProvider {
  readonly pebbleKind = 'java.util.Map$Entry';

  constructor(
    readonly key: string,
    readonly value: PebbleValue,
  ) {}

  getPebbleAttribute(name: string, args: PebbleValue[] | null): PebbleValue | undefined {
    if (args && args.length > 0) return undefined;
    const member = name.toLowerCase();
    if (member === 'key' || member === 'getkey') return this.key;
    if (member === 'value' || member === 'getvalue') return this.value;
    if (member === 'tostring' && args) return this.toPebbleString();
    return undefined;
  }

  toPebbleString(): string {
    return `${this.key}=${javaToString(this.value)}`;
  }

  toJSON(): unknown {
    return { [this.key]: this.value };
  }
}
