// The requests the fuzzer makes after an edit, as an editor does while the user types: completion,
// hover, outline and definition every time; code actions, rename, references now and then; some
// cancelled straight away. Each planned request knows which error answers are legitimate.
import type { Diagnostic, Position } from 'vscode-languageserver/node';
import { INVALID_REQUEST, REQUEST_CANCELLED } from '../server-harness';
import {
  codeActionProblems,
  completionProblems,
  locationProblems,
  prepareRenameProblems,
  rangeProblems,
  symbolProblems,
  workspaceEditProblems,
} from './answer-checks';
import type { Prng } from './prng';
import { orderedRange, type TextBuffer } from './text-buffer';

export interface PlannedRequest {
  method: string;
  params: unknown;
  /** Error codes that are answers, not faults. */
  allowed: number[];
  cancel: boolean;
  /** Problems in a successful answer. */
  check(result: unknown): string[];
}

const NEW_NAMES = ['renamed', 'x', '', 'two words', 'über_task', '{{ a }}', 'log-2'];

/** Where requests go: mostly where the user just typed, sometimes anywhere. */
function pickPosition(rng: Prng, text: TextBuffer, cursor: Position): Position {
  const roll = rng.next();
  if (roll < 0.5) {
    const line = Math.min(cursor.line, text.lineCount - 1);
    const character = Math.min(cursor.character, text.lineText(line).length);
    return { line, character: text.safeCharacter(line, character) };
  }
  return roll < 0.75 ? text.nearPosition(rng, cursor) : text.randomPosition(rng);
}

/**
 * Plans this edit's requests. The random choices depend only on `rng` and the text, never on what the
 * server said before, so that a seed replays the same run; `diagnostics` (the latest published) only
 * fills the code-action context, as the editor does.
 */
export function planRequests(
  rng: Prng,
  text: TextBuffer,
  uri: string,
  cursor: Position,
  diagnostics: readonly Diagnostic[],
): PlannedRequest[] {
  const textDocument = { uri };
  const at = (): Position => pickPosition(rng, text, cursor);
  const plans: PlannedRequest[] = [];

  const completionAt = at();
  plans.push({
    method: 'textDocument/completion',
    params: { textDocument, position: completionAt },
    allowed: [],
    cancel: false,
    check: (result) => completionProblems(result as never, completionAt, text),
  });
  plans.push({
    method: 'textDocument/hover',
    params: { textDocument, position: at() },
    allowed: [],
    cancel: false,
    // Hover may come from the last good version of the text: ranges are checked for shape only.
    check: (result) => {
      const range = (result as { range?: never } | null)?.range;
      return range ? rangeProblems(range, 'hover') : [];
    },
  });
  plans.push({
    method: 'textDocument/documentSymbol',
    params: { textDocument },
    allowed: [],
    cancel: false,
    check: (result) => symbolProblems(result as never),
  });
  plans.push({
    method: 'textDocument/definition',
    params: { textDocument, position: at() },
    allowed: [],
    cancel: false,
    check: (result) => locationProblems(result as never, uri, text),
  });
  if (rng.chance(0.3)) {
    const range = orderedRange(at(), at());
    const context = diagnostics.filter((d) => rangeProblems(d.range, 'diagnostic', text).length === 0);
    plans.push({
      method: 'textDocument/codeAction',
      params: { textDocument, range, context: { diagnostics: context } },
      allowed: [],
      cancel: false,
      check: (result) => codeActionProblems(result as never, uri, text),
    });
  }
  if (rng.chance(0.3)) {
    const position = at();
    plans.push({
      method: 'textDocument/prepareRename',
      params: { textDocument, position },
      allowed: [INVALID_REQUEST],
      cancel: false,
      check: (result) => prepareRenameProblems(result as never, position, text),
    });
  }
  if (rng.chance(0.15)) {
    plans.push({
      method: 'textDocument/references',
      params: { textDocument, position: at(), context: { includeDeclaration: rng.chance(0.5) } },
      allowed: [],
      cancel: false,
      check: (result) => locationProblems(result as never, uri, text),
    });
  }
  if (rng.chance(0.1)) {
    plans.push({
      method: 'textDocument/rename',
      params: { textDocument, position: at(), newName: rng.pick(NEW_NAMES) },
      allowed: [INVALID_REQUEST],
      cancel: false,
      check: (result) => workspaceEditProblems(result as never, uri, text),
    });
  }
  if (rng.chance(0.05)) {
    const position = at();
    plans.push({
      method: 'textDocument/completion',
      params: { textDocument, position },
      allowed: [REQUEST_CANCELLED],
      cancel: true,
      check: (result) => completionProblems(result as never, position, text),
    });
  }
  return plans;
}
