import {
  columnLetter,
  displayValue,
  isBlank,
  isDate,
  surelyNoSpace,
  type CellValue,
  type Sheet,
  type SheetRow,
} from './cell';
import { summaryRows } from './summary-rows';

/**
 * Finds the table inside a sheet the way a person would: the header row below any title and blank
 * rows (the row of short texts that best names the fields, helped by the import kind's header
 * names), a group row of merged cells above it, then the data rows, leaving out blank rows, totals and
 * subtotals (合计/总计/小计/Total/Grand Total) and repeated header rows, which are reported as skipped.
 */
export interface TableColumn {
  /** 0-based column index in the sheet. */
  index: number;
  letter: string;
  /** The field name in the header row (or the group's name for a column merged over both header rows). */
  header: string;
  /** The merged group cell above, in a two-row header. */
  group: string | null;
  /** The number format of the column's numbers or dates in the source (.xlsx), e.g. '#,##0.00 "元"'. */
  numFmt?: string;
}

export interface TableRow {
  /** The row number the spreadsheet program shows. */
  row: number;
  /** Values aligned with Table.columns. */
  cells: CellValue[];
  /** Columns (indexes into Table.columns) holding a formula over a range of rows (SheetRow.aggregates). */
  aggregates?: number[];
  /**
   * Blank cells that lie inside a merged range below its top-left cell (a CRM export merges a customer's
   * cells down over its contact rows): the column (index into Table.columns) and the value the merged
   * range shows, i.e. its top-left cell's, with that cell's row. The cells themselves stay blank; a kind
   * that reads merged cells as a person sees them (ImportKind.fillFromMerges) takes these values.
   */
  merged?: { col: number; value: CellValue; from: number }[];
}

export interface SkippedRow {
  row: number;
  /** total: a total or subtotal row; summary: a tally or formula block under the data (summary-rows.ts). */
  reason: 'total' | 'blank' | 'header' | 'summary';
}

export interface Table {
  sheet: string;
  headerRow: number;
  /** The row of merged group cells above the header row, when the header has two rows. */
  groupRow: number | null;
  columns: TableColumn[];
  rows: TableRow[];
  skipped: SkippedRow[];
}

export interface DetectOptions {
  /** The header row the user chose (as the spreadsheet shows it). */
  headerRow?: number;
  /** How many of the import kind's fields these header texts name (helps pick among candidate rows). */
  scoreHeaders?: (headers: string[]) => number;
}

const TOTAL = /^(合计|总计|小计|总合计|共计|总和|累计|合計|總計|小計|grandtotal|subtotal|total|totals|sum)(\W.*)?$/i;
const NUMERIC_TEXT = /^[\s¥￥$€%+\-.,0-9０-９]+$/;

// A month header (2024-01-01 shown as "Jan-24") reads as the month it names; another date as the day.
const dateHeader = (iso: string) => (/^\d{4}-\d{2}-01$/.test(iso) ? iso.slice(0, 7) : iso.replace('T', ' '));
const headerText = (v: CellValue): string =>
  (isDate(v) ? dateHeader(v.iso) : displayValue(v)).replace(/[\s\u00a0\u3000]+/g, ' ').trim();

// A header names something: it holds a letter or a CJK character (a bullet or a dash does not).
const isTextLike = (v: CellValue) => typeof v === 'string' && !NUMERIC_TEXT.test(v) && /\p{L}/u.test(v);

/**
 * Cells of a header row that are not text (issue 10 item 6): month headers typed as dates (2024-01-01
 * formatted "Jan-24") and numbers as headers (months 1…12, years 2023, 2024), recognised as a run of at
 * least two ascending dates or three integers rising by one, which data rows do not hold.
 */
function sequenceHeaders(cells: CellValue[]): number {
  const dates = cells.filter(isDate).map((d) => d.serial);
  if (dates.length >= 2 && dates.every((d, i) => i === 0 || d > dates[i - 1])) return dates.length;
  const ints = cells.filter((c): c is number => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 2200);
  if (ints.length >= 3 && ints.every((n, i) => i === 0 || n === ints[i - 1] + 1)) return ints.length;
  return 0;
}

// The first characters a total label can start with, after spaces: a cell starting otherwise is no total.
const TOTAL_START = /^[\s\u00a0\u3000:：]*[合总小共累總gstGST]/;
/** Whether a text's first character can begin a total label (or the spaces and colons before one): most cannot. */
function mayStartTotal(c: number): boolean {
  if (c < 128) return c <= 32 || c === 58 || c === 103 || c === 115 || c === 116 || c === 71 || c === 83 || c === 84;
  // 合 总 小 共 累 總, ： and the spaces of \s beyond ASCII (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
  return (
    c === 0x5408 ||
    c === 0x603b ||
    c === 0x5c0f ||
    c === 0x5171 ||
    c === 0x7d2f ||
    c === 0x7e3d ||
    c === 0xff1a ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
function isTotalLabel(v: CellValue): boolean {
  return (
    typeof v === 'string' &&
    mayStartTotal(v.charCodeAt(0)) &&
    TOTAL_START.test(v) &&
    TOTAL.test(v.replace(/[\s\u00a0\u3000:：]+/g, '').trim())
  );
}

/** Whether trim() may remove something from a text: it does not start and end with a surely-no-space character. */
const mayTrim = (v: string) => !surelyNoSpace(v.charCodeAt(0)) || !surelyNoSpace(v.charCodeAt(v.length - 1));

/** The value a merged cell shows at (row, col): its top-left cell's value. */
function mergedValue(
  sheet: Sheet,
  byRow: Map<number, SheetRow>,
  row: number,
  col: number,
): { value: CellValue; horizontal: boolean } {
  const own = byRow.get(row)?.cells[col] ?? null;
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col + 1 >= m.left && col + 1 <= m.right) {
      return { value: byRow.get(m.top)?.cells[m.left - 1] ?? null, horizontal: m.right > m.left };
    }
  }
  return { value: own, horizontal: false };
}

function headerCandidate(sheet: Sheet, at: number, opts: DetectOptions): { score: number; fit: boolean } {
  const row = sheet.rows[at];
  const nonBlank = row.cells.filter((c) => !isBlank(c));
  const texts = nonBlank.filter(isTextLike).length + sequenceHeaders(nonBlank);
  const after = sheet.rows.slice(at + 1, at + 11);
  const widths = after.map((r) => r.cells.filter((c) => !isBlank(c)).length).sort((a, b) => a - b);
  const typical = widths.length ? widths[Math.floor(widths.length / 2)] : 0;
  const fit = texts >= 2 && texts >= nonBlank.length * 0.7 && texts >= Math.min(typical, 3) * 0.6 && after.length > 0;
  const score = opts.scoreHeaders ? opts.scoreHeaders(row.cells.map(headerText)) : 0;
  return { score, fit };
}

/** Picks the header row; returns the index into sheet.rows, or -1 when the sheet holds no table. */
function findHeader(sheet: Sheet, opts: DetectOptions): number {
  if (opts.headerRow !== undefined) return sheet.rows.findIndex((r) => r.r === opts.headerRow);
  const limit = Math.min(sheet.rows.length, 30);
  let best = -1;
  let bestScore = 0;
  let firstFit = -1;
  for (let i = 0; i < limit; i++) {
    const c = headerCandidate(sheet, i, opts);
    if (c.fit && firstFit < 0) firstFit = i;
    // A list of one column (customer names only) is a table when its header names a field.
    if (c.score > bestScore && (c.fit || c.score >= 2 || sheet.width === 1)) {
      best = i;
      bestScore = c.score;
    }
  }
  return best >= 0 ? best : firstFit;
}

/**
 * A header written over two rows without merged cells (issue 10 item 6), as NPOI exports and hand-made
 * sheets have it: a group row over some columns ("客户" over 编号 | 名称), or each name split in two
 * ("订单" over "编号"). Taken only when the joined names name more of the import's fields than either
 * row alone. Returns the two rows and each column's upper text.
 */
function unmergedSplit(
  rows: (SheetRow | undefined)[],
  opts: DetectOptions,
): { upper: SheetRow; lower: SheetRow; groups: string[] } | null {
  if (!opts.scoreHeaders) return null;
  const score = opts.scoreHeaders;
  const texts = (r: SheetRow) => r.cells.map(headerText);
  const allText = (r: SheetRow, min: number) => {
    const filled = r.cells.filter((c) => !isBlank(c));
    return filled.length >= min && filled.every(isTextLike);
  };
  let best: { upper: SheetRow; lower: SheetRow; groups: string[]; score: number } | null = null;
  for (let k = 0; k + 1 < rows.length; k++) {
    const upper = rows[k];
    const lower = rows[k + 1];
    if (!upper || !lower || lower.r !== upper.r + 1 || !allText(upper, 1) || !allText(lower, 2)) continue;
    const u = texts(upper);
    const l = texts(lower);
    const width = Math.max(u.length, l.length);
    const alone = Math.max(score(u), score(l));
    for (const carry of [false, true]) {
      const groups: string[] = [];
      let last = '';
      for (let c = 0; c < width; c++) {
        if (u[c]) last = u[c];
        groups.push(u[c] || (carry && l[c] ? last : ''));
      }
      const joined = Array.from({ length: width }, (_, c) => [groups[c], l[c]].filter(Boolean).join(' '));
      const sc = score(joined);
      if (sc > alone && (!best || sc > best.score)) best = { upper, lower, groups, score: sc };
    }
  }
  return best;
}

function padded(cells: CellValue[], n: number): CellValue[] {
  if (cells.length > n) cells.length = n;
  while (cells.length < n) cells.push(null);
  return cells;
}

export function detectTable(sheet: Sheet, opts: DetectOptions = {}): Table | null {
  const at = findHeader(sheet, opts);
  if (at < 0) return null;
  const byRow = new Map<number, SheetRow>();
  for (const r of sheet.rows.slice(Math.max(0, at - 2), at + 3)) byRow.set(r.r, r);
  let headerRow = sheet.rows[at].r;
  let groupRow: number | null = null;
  let dataFrom = at + 1;
  const horizontalIn = (row: number) => sheet.merges.some((m) => m.top === row && m.bottom === row && m.right > m.left);
  const verticalOver = (row: number) => sheet.merges.some((m) => m.top === row && m.bottom === row + 1);
  const above = byRow.get(headerRow - 1);
  const below = byRow.get(headerRow + 1);
  const aboveTexts = above ? above.cells.filter((c) => !isBlank(c)).length : 0;
  if (above && aboveTexts >= 2 && horizontalIn(above.r)) {
    groupRow = above.r;
  } else if (
    below &&
    (verticalOver(headerRow) || horizontalIn(headerRow)) &&
    new Set(below.cells.filter((c) => !isBlank(c))).size >= 2 &&
    below.cells.every((c) => isBlank(c) || isTextLike(c))
  ) {
    // The row found is the group row; the field names are in the row below it.
    groupRow = headerRow;
    headerRow = below.r;
    dataFrom = at + 2;
  }
  let groupTexts: string[] | null = null;
  if (groupRow === null) {
    const split = unmergedSplit([above, sheet.rows[at], below], opts);
    if (split) {
      groupRow = split.upper.r;
      headerRow = split.lower.r;
      dataFrom = sheet.rows.indexOf(split.lower) + 1;
      groupTexts = split.groups;
    }
  }

  const width = Math.max(sheet.width, ...[headerRow, groupRow].map((r) => (r ? (byRow.get(r)?.cells.length ?? 0) : 0)));
  const columns: TableColumn[] = [];
  const hasData = (col: number) =>
    sheet.rows.slice(dataFrom, dataFrom + 50).some((r) => !isBlank(r.cells[col] ?? null));
  for (let c = 0; c < width; c++) {
    const field = mergedValue(sheet, byRow, headerRow, c);
    const group = groupRow && !groupTexts ? mergedValue(sheet, byRow, groupRow, c) : null;
    let header = headerText(field.value);
    let groupText = groupTexts ? (groupTexts[c] ?? '') : group ? headerText(group.value) : '';
    if (!header && groupText) {
      header = groupText;
      groupText = '';
    }
    if (groupText === header) groupText = '';
    if (!header && !hasData(c)) continue;
    const numFmt = sheet.formats?.[c];
    columns.push({
      index: c,
      letter: columnLetter(c),
      header: header || columnLetter(c),
      group: groupText || null,
      ...(numFmt ? { numFmt } : {}),
    });
  }
  if (columns.length === 0) return null;

  const headerKeys = columns.map((c) => c.header.toLowerCase());
  const identity = columns.every((c, i) => c.index === i);
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let prev = headerRow;
  for (let i = dataFrom; i < sheet.rows.length; i++) {
    const src = sheet.rows[i];
    // Most tables start in column A with no gaps: the row's own array is used as it is (no copy per row).
    const cells = identity ? padded(src.cells, columns.length) : columns.map((c) => src.cells[c.index] ?? null);
    // One pass over the cells, without arrays or strings made per row (100,000 rows pay for each).
    let filledCells = 0;
    let total = false;
    let same = 0;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (isBlank(c)) continue;
      if (++filledCells <= 3 && isTotalLabel(c)) total = true;
      // A repeated header: compared without making new strings unless the lengths allow a match.
      if (
        typeof c === 'string' &&
        (c.length === headerKeys[k].length || (c.length > headerKeys[k].length && mayTrim(c))) &&
        c.trim().toLowerCase() === headerKeys[k]
      )
        same++;
    }
    if (!filledCells) continue;
    // Blank rows inside the table are reported as skipped; those after its end are not rows at all.
    for (let r = prev + 1; r < src.r && skipped.length < 10_000; r++) skipped.push({ row: r, reason: 'blank' });
    prev = src.r;
    if (total) {
      skipped.push({ row: src.r, reason: 'total' });
      continue;
    }
    if (same >= Math.max(2, columns.length * 0.6)) {
      skipped.push({ row: src.r, reason: 'header' });
      continue;
    }
    if (!src.aggregates) rows.push({ row: src.r, cells });
    else {
      const aggregates = identity
        ? src.aggregates
        : src.aggregates.map((a) => columns.findIndex((c) => c.index === a)).filter((k) => k >= 0);
      rows.push({ row: src.r, cells, aggregates });
    }
  }
  mergedCells(sheet, columns, rows, headerRow);
  const summaries = summaryRows(rows, columns.length);
  if (!summaries.size) return { sheet: sheet.name, headerRow, groupRow, columns, rows, skipped };
  for (const [i, reason] of summaries) skipped.push({ row: rows[i].row, reason });
  skipped.sort((a, b) => a.row - b.row);
  return { sheet: sheet.name, headerRow, groupRow, columns, rows: rows.filter((_, i) => !summaries.has(i)), skipped };
}

/**
 * Marks each data row's blank cells that lie inside a merged range under its top-left cell (TableRow.merged).
 * Only ranges starting below the header and whose top-left cell holds a value count.
 */
function mergedCells(sheet: Sheet, columns: TableColumn[], rows: TableRow[], headerRow: number): void {
  const ranges = sheet.merges.filter((m) => m.bottom > m.top && m.top > headerRow);
  if (!ranges.length) return;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  const sheetRows = new Map<number, SheetRow>();
  for (const r of sheet.rows) if (r.r > headerRow) sheetRows.set(r.r, r);
  const columnOf = new Map(columns.map((c, k) => [c.index, k]));
  for (const m of ranges) {
    const value = sheetRows.get(m.top)?.cells[m.left - 1] ?? null;
    if (isBlank(value)) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = m.left - 1; c < m.right; c++) {
        const k = columnOf.get(c);
        if (k === undefined || (r === m.top && c === m.left - 1) || !isBlank(row.cells[k])) continue;
        (row.merged ??= []).push({ col: k, value, from: m.top });
      }
    }
  }
}
