/**
 * Reading a table from a spreadsheet file: the one entry point every import uses.
 *
 *   const { format, sheets, table } = readTable(bytes, 'orders.xlsx', { sheet?, headerRow?, scoreHeaders?, maxRows?, onRows? });
 *
 * - `bytes` is the whole file (.xlsx/.xlsm from any writer, .xls, .ods, .csv/.tsv/.txt in UTF-8 with or
 *   without BOM, UTF-16 or GB18030/GBK); the format is recognised from the content, not the name.
 * - The sheet is the one named by `sheet` (exact name, then ignoring case and surrounding spaces, then a
 *   1-based number), or else the first sheet holding a recognisable table; `scoreHeaders(headerTexts)`
 *   says how many of the caller's fields a candidate header row names, which both picks the sheet and
 *   the header row (below title rows; two-row headers with merged group cells are joined).
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
export const MAX_ROWS = 300_000;

export interface ReadTableOptions extends DetectOptions {
  sheet?: string;
  maxRows?: number;
  /** Rows read so far, and the rows the sheet declares (0 when unknown: CSV, or a sheet without a dimension). */
  onRows?: (rowsRead: number, expected: number) => void;
}

export interface ReadTableResult {
  format: 'xlsx' | 'csv' | 'xls';
  sheets: string[];
  table: Table;
}

function findSheet(names: string[], wanted: string): number {
  let i = names.indexOf(wanted);
  if (i < 0) i = names.findIndex((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (i < 0 && /^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) i = Number(wanted) - 1;
  return i;
}

export function readTable(bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): ReadTableResult {
  const wb = openWorkbook(bytes, fileName);
  const names = wb.sheetNames;
  if (names.length === 0) throw new WorkbenchError('import/no-table', { sheet: fileName });
  const full = { maxRows: opts.maxRows ?? MAX_ROWS, onRows: opts.onRows };
  let index: number;
  if (opts.sheet !== undefined) {
    index = findSheet(names, opts.sheet);
    if (index < 0) throw new WorkbenchError('import/sheet-not-found', { sheet: opts.sheet, sheets: names.join(', ') });
  } else if (names.length === 1) {
    index = 0;
  } else {
    // Peek at each sheet's first rows; take the first that names enough fields, else the best.
    index = -1;
    let bestScore = -1;
    for (let i = 0; i < names.length; i++) {
      const peek = detectTable(wb.readSheet(i, { peekRows: 40 }), opts);
      if (!peek) continue;
      const score = opts.scoreHeaders ? opts.scoreHeaders(peek.columns.map((c) => c.header)) : 1;
      if (score > bestScore) {
        bestScore = score;
        index = i;
      }
      if (!opts.scoreHeaders || score >= 2) break;
    }
    if (index < 0) throw new WorkbenchError('import/no-table', { sheet: names.join(', ') });
  }
  const table = detectTable(wb.readSheet(index, full), opts);
  if (!table) throw new WorkbenchError('import/no-table', { sheet: names[index] });
  return { format: wb.format, sheets: names, table };
}
