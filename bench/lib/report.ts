import type { Row } from "./load.ts";

type Column = [header: string, cell: (row: Row) => string];

const fixed = (digits: number) => (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const ms = fixed(2);
const ratio = fixed(2);

const baseColumns: Column[] = [
  ["name", (row) => row.name],
  ["requests", (row) => String(row.requests)],
  ["errors", (row) => String(row.errors)],
  ["rps", (row) => fixed(0)(row.rps)],
  ["p50 ms", (row) => ms(row.p50)],
  ["p99 ms", (row) => ms(row.p99)],
];

/** Prints rows as an aligned table. */
export function printTable(rows: Row[]): void {
  console.log(render(rows, baseColumns));
  printErrors(rows);
}

/**
 * Prints rows with ratios against the row named `baselineName` (ours / baseline): rps × below 1
 * and p50 × / p99 × above 1 mean slower than the baseline.
 */
export function printRatios(rows: Row[], baselineName: string): void {
  const baseline = rows.find((row) => row.name === baselineName);
  if (!baseline) throw new Error(`printRatios: no row named ${baselineName}`);
  const columns: Column[] = [
    ...baseColumns,
    ["rps ×", (row) => ratio(row.rps / baseline.rps)],
    ["p50 ×", (row) => ratio(row.p50 / baseline.p50)],
    ["p99 ×", (row) => ratio(row.p99 / baseline.p99)],
  ];
  console.log(render(rows, columns));
  printErrors(rows);
}

function render(rows: Row[], columns: Column[]): string {
  const cells = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  // First column left-aligned (names), figures right-aligned.
  const line = (values: string[]) =>
    values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function printErrors(rows: Row[]) {
  for (const row of rows) {
    if (row.errors > 0) console.log(`! ${row.name}: ${row.errors} errors, first: ${row.firstError}`);
  }
}
