// render() and renderOnce(): render a string, or every string (and map key) of a map or list, with the
// current variables, as Kestra's VariableRenderer.renderObject does. Recursive rendering repeats until the
// text stops changing (at most 100 extra passes). `{% raw %}` blocks survive every pass and lose their
// tags only at the end.
import { randomUUID } from 'node:crypto';
import type { CallContext, FunctionSpec } from '../registry-types';
import { isMap, type PebbleMap, type PebbleValue } from '../values';
import { fail, has } from '../lib/args';
import { optional, param } from '../lib/spec-helpers';

const RAW_PATTERN = /(\{%-*\s*raw\s*-*%}(.*?)\{%-*\s*endraw\s*-*%})/g;
const MAX_RENDERING_AMOUNT = 100;

function renderPass(text: string, ctx: CallContext): string {
  const blocks = new Map<string, string>();
  const protectedText = text.replace(RAW_PATTERN, (block) => {
    const token = `__raw_${randomUUID()}__`;
    blocks.set(token, block);
    return token;
  });
  let result = ctx.render(protectedText);
  for (const [token, block] of blocks) result = result.split(token).join(block);
  return result;
}

function renderString(text: string, ctx: CallContext, recursive: boolean): string {
  if (!text.includes('{')) return text;
  let current = text;
  if (recursive) {
    for (let count = 0; ; count++) {
      if (count > MAX_RENDERING_AMOUNT) fail('Too many rendering attempts');
      const next = renderPass(current, ctx);
      if (next === current) break;
      current = next;
    }
  } else current = renderPass(current, ctx);
  return current.replace(RAW_PATTERN, '$2');
}

function renderValue(value: PebbleValue, ctx: CallContext, recursive: boolean): PebbleValue {
  if (typeof value === 'string') return renderString(value, ctx, recursive);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, ctx, recursive));
  if (isMap(value)) {
    const out: PebbleMap = {};
    for (const [key, item] of Object.entries(value)) {
      const renderedKey = renderString(key, ctx, false);
      if (!(renderedKey in out)) out[renderedKey] = renderValue(item, ctx, recursive);
    }
    return out;
  }
  return value;
}

export const renderFunctions: FunctionSpec[] = [
  {
    name: 'render',
    params: [
      param('toRender', 'any', 'A string, or a map or list whose strings are rendered.'),
      optional('recursive', 'boolean', true, 'Render again until the result stops changing.'),
    ],
    returns: 'any',
    description:
      'Renders a value holding expressions with the current variables, by default until it is stable.',
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'toRender')) fail("The 'render' function expects an argument 'toRender'.");
      const recursive = args.recursive ?? true;
      if (typeof recursive !== 'boolean') {
        fail("The 'render' function expects an optional argument 'recursive' with type boolean.");
      }
      return renderValue(args.toRender ?? null, ctx, recursive);
    },
  },
  {
    name: 'renderOnce',
    params: [param('toRender', 'any', 'A string, or a map or list whose strings are rendered.')],
    returns: 'any',
    description: 'Renders a value holding expressions with the current variables, one pass only.',
    kestra: true,
    call(args, ctx) {
      if (!has(args, 'toRender')) fail("The 'renderOnce' function expects an argument 'toRender'.");
      return renderValue(args.toRender ?? null, ctx, false);
    },
  },
];
