// V8 lets the heap grow to several times the live data before a full collection. Parsing a flow of
// several MB makes hundreds of MB of short-lived objects, so with the default a 5 MB flow took the
// server to 650 MB; growing by 80 % at most kept it under 500 MB (test/robustness hostile documents)
// for a little more collection time. Set once, before any document arrives.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 80;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
