// Rename of a task id, input id or variable: checks the new name against Kestra's id patterns and the
// ids already taken, then edits the declaration and every use (expressions in plain, quoted and block
// scalars, Dag `dependsOn`, input `dependsOn.inputs`).
import { Scalar } from 'yaml';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Position, Range } from '../../flow/range';
import type { RefKind } from '../expression-refs';
import { declarationOf, occurrenceAt, sameSymbol, type Occurrence } from './occurrences';

export type PrepareRenameResult = { range: Range; placeholder: string } | { message: string };
export type RenameResult = { edit: WorkspaceEdit } | { message: string };

const PATTERNS: Record<RefKind, { pattern: RegExp; rule: string; noun: string }> = {
  task: {
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
    rule: 'start with a letter or digit and hold only letters, digits, `_` and `-`',
    noun: 'task id',
  },
  input: {
    pattern: /^[a-zA-Z0-9][.a-zA-Z0-9_-]*$/,
    rule: 'start with a letter or digit and hold only letters, digits, `.`, `_` and `-`',
    noun: 'input id',
  },
  variable: {
    pattern: /^[a-zA-Z_][a-zA-Z0-9_-]*$/,
    rule: 'start with a letter or `_` and hold only letters, digits, `_` and `-`',
    noun: 'variable name',
  },
};

/** A name Pebble reads after a dot; anything else needs `['name']`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function prepareRename(doc: FlowDocument, position: Position): PrepareRenameResult {
  const at = occurrenceAt(doc, position);
  if (!at) return { message: 'Only a task id, an input id or a variable name can be renamed.' };
  if (!declarationOf(doc, at)) {
    return { message: `\`${at.name}\` is not declared in this flow, so there is nothing to rename.` };
  }
  return { range: at.range, placeholder: at.name };
}

export function renameAt(doc: FlowDocument, uri: string, position: Position, newName: string): RenameResult {
  const prepared = prepareRename(doc, position);
  if ('message' in prepared) return prepared;
  const at = occurrenceAt(doc, position)!;
  const { pattern, rule, noun } = PATTERNS[at.kind];
  if (!pattern.test(newName)) {
    return { message: `\`${newName}\` is not a valid ${noun}: it must ${rule}.` };
  }
  if (newName === at.name) return { edit: { changes: { [uri]: [] } } };
  const taken = declarationOf(doc, { kind: at.kind, name: newName });
  if (taken) {
    return {
      message: `The flow already has a ${noun} \`${newName}\` (line ${taken.range.start.line + 1}): choose another name.`,
    };
  }
  const edits = sameSymbol(doc, at).map((o) => editFor(doc, o, newName));
  return { edit: { changes: { [uri]: edits } } };
}

function editFor(doc: FlowDocument, occurrence: Occurrence, newName: string): TextEdit {
  const ref = occurrence.ref;
  // Input ids nest on dots (`inputs.a.b`); other names are one segment.
  const segments = occurrence.kind === 'input' ? newName.split('.') : [newName];
  if (ref?.dotted && ref.dotStart !== undefined && !segments.every((s) => IDENTIFIER.test(s))) {
    // `outputs.old` → `outputs['new-name']`: a dash after a dot would read as a subtraction.
    const quote = ref.site.node.type === Scalar.QUOTE_SINGLE ? '"' : "'";
    const access = segments.map((s) => (IDENTIFIER.test(s) ? `.${s}` : `[${quote}${s}${quote}]`)).join('');
    return { range: doc.lines.range(ref.dotStart, occurrence.end), newText: access };
  }
  return { range: occurrence.range, newText: newName };
}
