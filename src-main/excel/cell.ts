/**
 * Typed cell values shared by every reader (xlsx, csv, xls) and by the table detection.
 * A date cell keeps both its ISO text and the Excel serial it came from; everything here is plain
 * JSON so that values can travel through worker threads and to the renderer unchanged.
 */
export interface DateValue {
  kind: 'date';
  /** 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm:ss' when the cell has a time of day. */
  iso: string;
  serial: number;
}

export type CellValue = string | number | boolean | DateValue | null;

export interface MergedRange {
  /** 1-based, inclusive, as the spreadsheet program shows them. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetRow {
  /** The row number the spreadsheet program shows (1-based). */
  r: number;
  /** Cells by 0-based column index; missing cells are null. */
  cells: CellValue[];
  /**
   * Columns (0-based) whose cell holds a formula aggregating a range of rows (=SUM(F2:F90),
   * =SUBTOTAL(9,F2:F10), =COUNTIF(C2:C90,"华东")…): evidence of a summary row (issue 10 item 5).
   * Only .xlsx files keep formulas; absent when the row has none.
   */
  aggregates?: number[];
}

export interface Sheet {
  name: string;
  /** Only rows holding at least one value, in row order. */
  rows: SheetRow[];
  merges: MergedRange[];
  /** Number of columns of the widest row. */
  width: number;
  /** By 0-based column: the number format code of the column's first formatted number or date (.xlsx only). */
  formats?: (string | undefined)[];
}

export const isDate = (v: CellValue): v is DateValue => typeof v === 'object' && v !== null && v.kind === 'date';

/**
 * A character that is surely no space of any kind (\s, U+200B, U+FEFF) and that trim() never removes:
 * printable ASCII, or CJK ideographs and kana. Lets the hot paths skip a regular expression for most texts.
 */
export const surelyNoSpace = (c: number) => (c > 32 && c < 127) || (c >= 0x3040 && c < 0xfe00);

const NOT_SPACE = /[^\s\u00a0\u3000]/;
export function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  // Most texts start with a visible character: decided without a regular expression or a new string.
  const c = v.charCodeAt(0);
  if ((c > 32 && c < 0x80) || (c > 0x3000 && c < 0xfeff)) return false;
  return !NOT_SPACE.test(v);
}

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 for every serial after its fictitious 1900-02-29 (serial 60).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date (1900 or 1904 system) as a DateValue; the time part is kept only when present. */
const dayCache = new Map<number, DateValue>();

export function serialToDate(serial: number, date1904 = false): DateValue {
  // Whole days repeat a lot in a sheet (a year has 365): one shared, immutable value per day.
  if (Number.isInteger(serial) && !date1904) {
    let v = dayCache.get(serial);
    if (!v) {
      v = computeDate(serial, false);
      if (dayCache.size < 100_000) dayCache.set(serial, v);
    }
    return v;
  }
  return computeDate(serial, date1904);
}

function computeDate(serial: number, date1904: boolean): DateValue {
  const base = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const ms = Math.round((base + serial * DAY_MS) / 1000) * 1000;
  const d = new Date(ms);
  const day = d.toISOString().slice(0, 10);
  const hasTime = Math.abs(serial - Math.floor(serial)) > 1e-9;
  return { kind: 'date', iso: hasTime ? d.toISOString().slice(0, 19) : day, serial };
}

/** The Excel (1900 system) serial of an ISO date 'YYYY-MM-DD'. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const days = (Date.UTC(y, m - 1, d) - EPOCH_1900) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'A' → 0, 'AA' → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell as the user sees it in a message or a preview. */
export function displayValue(v: CellValue): string {
  if (v === null) return '';
  if (isDate(v)) return v.iso.replace('T', ' ');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
