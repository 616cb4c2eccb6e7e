/**
 * Reading a table from a spreadsheet file: the one entry point every import uses.
 *
 *   const { format, sheets, table } = readTable(bytes, 'orders.xlsx', { sheet?, headerRow?, scoreHeaders?, maxRows?, onRows? });
 *
 * - `bytes` is the whole file (.xlsx/.xlsm from any writer, .xls, .ods, .csv/.tsv/.txt in UTF-8 with or
 *   without BOM, UTF-16 or GB18030/GBK); the format is recognised from the content, not the name.
 * - The sheet is the one named by `sheet` (exact name, then ignoring case and surrounding spaces, then a
 *   1-based number), or else the sheet holding the records: `scoreHeaders(headerTexts)` says how many of
 *   the caller's fields a candidate header row names, which both picks the sheet (the most fields, then
 *   more than a tally's few rows, then the first) and the header row (below title rows; two-row headers
 *   are joined). `choice` says why the sheet was taken.
 * - `table.rows` holds the data rows with typed values (string, number, boolean, {kind:'date', iso},
 *   or null) aligned with `table.columns`, each with the row number the spreadsheet shows; blank rows,
 *   totals/subtotals and repeated header rows are in `table.skipped` instead.
 * - Failures are WorkbenchErrors with stable codes: import/empty-file, import/not-a-workbook,
 *   import/truncated, import/encrypted, import/file-too-large, import/sheet-not-found,
 *   import/no-table, import/too-many-rows; and for files beyond the readers' bounds (limits.ts):
 *   import/unpacked-too-large, import/compression-ratio, import/too-many-texts, import/too-many-cells,
 *   import/damaged-sheet, import/damaged-part.
 *
 * Lower levels, for callers that need them: openWorkbook (read-workbook.ts) gives sheet names and
 * whole sheets (rows of typed cells plus merged ranges); detectTable (table-detect.ts) works on one sheet.
 */
import { WorkbenchError } from '../contract/errors';
import { openWorkbook } from './read-workbook';
import { detectTable, type DetectOptions, type Table } from './table-detect';

export type { CellValue, DateValue, MergedRange, Sheet, SheetRow } from './cell';
export type { Table, TableColumn, TableRow, SkippedRow } from './table-detect';
export { openWorkbook } from './read-workbook';
export { detectTable } from './table-detect';

/** More rows than this in one sheet is refused (split the file): keeps an import's memory bounded. */
const MAX_ROWS = 300_000;

interface ReadTableOptions extends DetectOptions {
  sheet?: string;
  maxRows?: number;
  /** Rows read so far, and the rows the sheet declares (0 when unknown: CSV, or a sheet without a dimension). */
  onRows?: (rowsRead: number, expected: number) => void;
}

/**
 * Why the sheet was taken (issue 10 item 4): the one asked for, the only one, the one whose header names
 * the most fields of the import, among those the one with records (more than a tally's few rows), or
 * the first with a table when no sheet names any field. `sheets` gives what was seen in each sheet.
 */
interface SheetChoice {
  reason: 'asked' | 'only' | 'fields' | 'records' | 'alike' | 'first';
  /** The sheets the reason compares the chosen one with. */
  others: string[];
  /** Fields the chosen sheet's header names. */
  fields: number;
  sheets: { name: string; fields: number; rows: number; table: boolean }[];
}

export interface ReadTableResult {
  format: 'xlsx' | 'csv' | 'xls';
  sheets: string[];
  table: Table;
  choice: SheetChoice;
}

function findSheet(names: string[], wanted: string): number {
  let i = names.indexOf(wanted);
  if (i < 0) i = names.findIndex((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (i < 0 && /^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) i = Number(wanted) - 1;
  return i;
}

const PEEK = 60;
// Fewer data rows than this in a peek is a tally, a chart's data or a list of settings, not the records.
const RECORDS = 10;

function chooseSheet(
  wb: ReturnType<typeof openWorkbook>,
  opts: ReadTableOptions,
): { index: number; choice: SheetChoice } {
  const names = wb.sheetNames;
  const seen = names.map((name, i) => {
    const peek = detectTable(wb.readSheet(i, { peekRows: PEEK }), opts);
    const fields =
      peek && opts.scoreHeaders
        ? opts.scoreHeaders(peek.columns.map((c) => (c.group ? `${c.group} ${c.header}` : c.header)))
        : 0;
    return { name, fields, rows: peek ? peek.rows.length : 0, table: peek !== null };
  });
  const rank = (s: (typeof seen)[number]) => [s.table ? 1 : 0, s.fields, Math.min(s.rows, RECORDS)];
  let index = -1;
  for (let i = 0; i < seen.length; i++) {
    if (!seen[i].table) continue;
    if (index < 0) {
      index = i;
      continue;
    }
    const a = rank(seen[i]);
    const b = rank(seen[index]);
    const k = a.findIndex((x, j) => x !== b[j]);
    if (k >= 0 && a[k] > b[k]) index = i;
  }
  if (index < 0) throw new WorkbenchError('import/no-table', { sheet: names.join(', ') });
  const best = seen[index];
  const rest = seen.filter((s) => s.name !== best.name);
  const sameFields = rest.filter((s) => s.table && s.fields === best.fields);
  const alike = sameFields.filter((s) => Math.min(s.rows, RECORDS) === Math.min(best.rows, RECORDS));
  const choice = (reason: SheetChoice['reason'], others: typeof seen): SheetChoice => ({
    reason,
    others: others.map((s) => s.name),
    fields: best.fields,
    sheets: seen,
  });
  if (best.fields === 0) return { index, choice: choice('first', rest) };
  if (alike.length) return { index, choice: choice('alike', alike) };
  return { index, choice: sameFields.length ? choice('records', sameFields) : choice('fields', rest) };
}

export function readTable(bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): ReadTableResult {
  const wb = openWorkbook(bytes, fileName);
  const names = wb.sheetNames;
  if (names.length === 0) throw new WorkbenchError('import/no-table', { sheet: fileName });
  const full = { maxRows: opts.maxRows ?? MAX_ROWS, onRows: opts.onRows };
  let index: number;
  let choice: SheetChoice;
  if (opts.sheet !== undefined) {
    index = findSheet(names, opts.sheet);
    if (index < 0) throw new WorkbenchError('import/sheet-not-found', { sheet: opts.sheet, sheets: names.join(', ') });
    choice = { reason: 'asked', others: [], fields: 0, sheets: [] };
  } else if (names.length === 1) {
    index = 0;
    choice = { reason: 'only', others: [], fields: 0, sheets: [] };
  } else {
    ({ index, choice } = chooseSheet(wb, opts));
  }
  const table = detectTable(wb.readSheet(index, full), opts);
  if (!table) throw new WorkbenchError('import/no-table', { sheet: names[index] });
  if (choice.reason === 'asked' || choice.reason === 'only')
    choice.fields = opts.scoreHeaders
      ? opts.scoreHeaders(table.columns.map((c) => (c.group ? `${c.group} ${c.header}` : c.header)))
      : 0;
  return { format: wb.format, sheets: names, table, choice };
}
