// Parsed templates with their macros and blocks, cached (LRU) because the engine renders the same
// strings over and over.
import type { BlockNode, MacroNode } from './ast';
import { walk } from './ast-walk';
import { parseTemplate, type ParseResult } from './parser';

export interface CompiledTemplate extends ParseResult {
  source: string;
  macros: Map<string, MacroNode>;
  blocks: Map<string, BlockNode>;
}

const CACHE_SIZE = 1000;
const cache = new Map<string, CompiledTemplate>();

export function compileTemplate(source: string): CompiledTemplate {
  const cached = cache.get(source);
  if (cached) {
    // Refresh its position: Map iteration order is insertion order, the oldest entry goes first.
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }
  const parsed = parseTemplate(source);
  const macros = new Map<string, MacroNode>();
  const blocks = new Map<string, BlockNode>();
  walk(parsed.ast, (node) => {
    if (node.type === 'Macro' && !macros.has(node.name.name)) macros.set(node.name.name, node);
    if (node.type === 'Block' && !blocks.has(node.name.name)) blocks.set(node.name.name, node);
  });
  const compiled: CompiledTemplate = { ...parsed, source, macros, blocks };
  cache.set(source, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}
