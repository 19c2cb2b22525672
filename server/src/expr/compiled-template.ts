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

/**
 * At most CACHE_SIZE templates: two generations of half that size. A hit in the recent one costs a
 * single lookup (no reordering on every hit, as an exact LRU needs); a hit in the older one moves the
 * template to the recent one; when the recent one is full, it becomes the older one and the oldest go.
 */
const CACHE_SIZE = 1000;
let recent = new Map<string, CompiledTemplate>();
let older = new Map<string, CompiledTemplate>();

function remember(source: string, compiled: CompiledTemplate): void {
  if (recent.size >= CACHE_SIZE / 2) {
    older = recent;
    recent = new Map();
  }
  recent.set(source, compiled);
}

export function compileTemplate(source: string): CompiledTemplate {
  const hit = recent.get(source);
  if (hit) return hit;
  const kept = older.get(source);
  if (kept) {
    older.delete(source);
    remember(source, kept);
    return kept;
  }
  const parsed = parseTemplate(source);
  const macros = new Map<string, MacroNode>();
  const blocks = new Map<string, BlockNode>();
  walk(parsed.ast, (node) => {
    if (node.type === 'Macro' && !macros.has(node.name.name)) macros.set(node.name.name, node);
    if (node.type === 'Block' && !blocks.has(node.name.name)) blocks.set(node.name.name, node);
  });
  const compiled: CompiledTemplate = { ...parsed, source, macros, blocks };
  remember(source, compiled);
  return compiled;
}
