// The documents the LSP benchmarks open: a generated flow, the edit that stands for a keystroke, and
// (in the probe variant) the three places where completion and hover are asked for.
import { generateFlow } from '../sections/generate-flow';
import type { Position } from './client';

export interface Probe {
  name: string;
  position: Position;
}

export interface BenchFlow {
  tasks: number;
  text: string;
  /** One character inside the message of a Log task in the middle: edit i writes EDIT_LETTERS[i % 10]. */
  editAt: Position;
}

export interface ProbeFlow extends BenchFlow {
  completions: Probe[];
  hovers: Probe[];
}

const EDIT_LETTERS = 'abcdefghij';

export function editLetter(i: number): string {
  return EDIT_LETTERS[i % EDIT_LETTERS.length];
}

/** Index of the first line at or after `from` that matches `pattern`. */
function lineAfter(lines: string[], from: number, pattern: RegExp): number {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i;
  throw new Error(`bench flow: no line matching ${pattern} after line ${from}`);
}

/** The first top-level Log task at or after line `from`: its id and message lines. */
function logAfter(lines: string[], from: number): { idLine: number; messageLine: number } {
  const idLine = lineAfter(lines, from, /^ {2}- id: log_\d+$/);
  return { idLine, messageLine: lineAfter(lines, idLine, /^ {4}message: "Step /) };
}

/** A clean generated flow and the edit position (inside "Step" of a middle Log message). */
export function benchFlow(tasks: number): BenchFlow {
  const text = generateFlow(tasks);
  const lines = text.split('\n');
  const { messageLine } = logAfter(lines, lines.length >> 1);
  return { tasks, text, editAt: { line: messageLine, character: lines[messageLine].indexOf('Step') + 2 } };
}

/**
 * The same flow with two places prepared for completion: a blank line for a new key in a Request
 * task, and a Log message `"{{ outputs. }}"`. Positions are in the prepared text.
 */
export function probeFlow(tasks: number): ProbeFlow {
  const lines = generateFlow(tasks).split('\n');
  const { idLine, messageLine } = logAfter(lines, lines.length >> 1);
  const typeLine = lineAfter(lines, idLine, /^ {4}type: io\.kestra\.plugin\.core\.log\.Log$/);
  // A Request task after the Log: a new line for a key, under `method: POST`.
  const methodLine = lineAfter(lines, messageLine, /^ {4}method: POST$/);
  lines.splice(methodLine + 1, 0, '    ');
  const newKeyLine = methodLine + 1;
  // The next Log task's message becomes an expression being typed.
  const { messageLine: outputsLine } = logAfter(lines, newKeyLine);
  lines[outputsLine] = '    message: "{{ outputs. }}"';
  const outputsAt = lines[outputsLine].indexOf('outputs.');
  const typeAt = lines[typeLine].indexOf('io.kestra');
  return {
    tasks,
    text: lines.join('\n'),
    editAt: { line: messageLine, character: lines[messageLine].indexOf('Step') + 2 },
    completions: [
      { name: 'type value', position: { line: typeLine, character: lines[typeLine].length } },
      { name: 'new key (Request)', position: { line: newKeyLine, character: 4 } },
      { name: '{{ outputs. }}', position: { line: outputsLine, character: outputsAt + 'outputs.'.length } },
    ],
    hovers: [
      { name: 'type value', position: { line: typeLine, character: typeAt + 12 } },
      { name: 'key (Request)', position: { line: methodLine, character: 6 } },
      { name: '{{ outputs. }}', position: { line: outputsLine, character: outputsAt + 3 } },
    ],
  };
}
