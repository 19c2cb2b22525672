// Prints a bench table with aligned columns (numbers right-aligned).
import type { BenchTable, Cell } from './bench-types';

function text(cell: Cell | undefined): string {
  return cell === undefined ? '' : String(cell);
}

export function formatTable(title: string, table: BenchTable): string {
  const widths = table.columns.map((column) =>
    Math.max(column.length, ...table.rows.map((row) => text(row[column]).length)),
  );
  const line = (cells: string[], numeric: boolean[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const numericColumns = table.columns.map((column) =>
    table.rows.every(
      (row) => typeof row[column] === 'number' || /^[\d.,]+( ?[a-z%×]+)?$/i.test(text(row[column])),
    ),
  );
  const out = [
    `## ${title}`,
    '',
    line(
      table.columns,
      numericColumns.map(() => false),
    ),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const row of table.rows)
    out.push(
      line(
        table.columns.map((c) => text(row[c])),
        numericColumns,
      ),
    );
  for (const note of table.notes ?? []) out.push(note);
  return `${out.join('\n')}\n`;
}
