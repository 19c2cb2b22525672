// Binding call arguments to names, as Pebble's ArgumentsNode.getArgumentMap does: positional
// arguments take the declared names in order, named arguments must exist, positional ones come first.
import type { Argument } from './ast';
import { PebbleError } from './errors';
import type { Args, ParamSpec } from './registry-types';
import type { PebbleValue } from './values';

function tooMany(position: number, allowed: number): PebbleError {
  return new PebbleError(
    `The argument at position ${position} is not allowed. Only ${allowed} argument(s) are allowed.`,
    'runtime',
  );
}

/**
 * Resolves the arguments of a filter, function or test by its `params`. A variadic parameter takes
 * its own positional argument; the further positional arguments are listed, in order, in `_rest`.
 */
export function bindArguments(
  params: ParamSpec[],
  items: Argument[],
  evaluate: (argument: Argument) => PebbleValue,
  what: string,
): Args {
  const args: Args = {};
  const variadic = params.findIndex((param) => param.variadic);
  const rest: PebbleValue[] = [];
  let position = 0;
  for (const item of items) {
    if (item.name) {
      const name = item.name.name;
      if (!params.some((param) => param.name === name)) {
        throw new PebbleError(`The following named argument does not exist: ${name}`, 'runtime');
      }
      args[name] = evaluate(item);
      continue;
    }
    const value = evaluate(item);
    if (variadic >= 0 && position >= variadic) {
      if (position === variadic) args[params[variadic].name] = value;
      else rest.push(value);
    } else if (position < params.length) {
      args[params[position].name] = value;
    } else {
      throw tooMany(position + 1, params.length);
    }
    position++;
  }
  if (variadic >= 0) args._rest = rest;
  for (const param of params) {
    if (!param.optional && !param.variadic && !(param.name in args)) {
      throw new PebbleError(`Missing required argument "${param.name}" of ${what}.`, 'runtime');
    }
  }
  return args;
}

/** Macro arguments: declared names in order; a missing one is null (its default is applied later). */
export function bindMacroArguments(
  names: string[],
  items: Argument[],
  evaluate: (argument: Argument) => PebbleValue,
): Map<string, PebbleValue> {
  const bound = new Map<string, PebbleValue>();
  let position = 0;
  for (const item of items) {
    if (item.name) {
      if (!names.includes(item.name.name)) {
        throw new PebbleError(`The following named argument does not exist: ${item.name.name}`, 'runtime');
      }
      bound.set(item.name.name, evaluate(item));
      continue;
    }
    if (position >= names.length) throw tooMany(position + 1, names.length);
    bound.set(names[position], evaluate(item));
    position++;
  }
  return bound;
}
