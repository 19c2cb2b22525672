// Errors raised while parsing or evaluating a template. Offsets are indexes into the template string.

export type PebbleErrorKind = 'syntax' | 'undefined' | 'runtime' | 'limit';

export class PebbleError extends Error {
  constructor(
    message: string,
    readonly kind: PebbleErrorKind,
    /** [start, end) in the template source, when known. */
    readonly span?: [number, number],
  ) {
    super(message);
    this.name = 'PebbleError';
  }
}

/** An undefined variable, attribute or key under strict variables (what `??`, `???`, `default` and `is defined` tolerate). */
export class PebbleUndefinedError extends PebbleError {
  constructor(
    message: string,
    /** The attribute or variable name that was not found. */
    readonly attribute: string,
    span?: [number, number],
  ) {
    super(message, 'undefined', span);
    this.name = 'PebbleUndefinedError';
  }
}
