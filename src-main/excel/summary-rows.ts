import { isBlank, type CellValue } from './cell';

/**
 * Rows that sum, count or tally the records instead of being records (issue 10 item 5), recognised by
 * what they hold rather than by a 合计 word: an unlabelled SUM row right under the header or at the end,
 * subtotal rows whose numbers are the sums of the rows above them, and tally or formula blocks pasted
 * under the data (COUNTIF counts of a column's options, SUM/AVERAGE/COUNT of a column), which also have
 * another shape than the records. Returns the index of each such row in `rows` and why.
 */
type SummaryReason = 'total' | 'summary';

interface Row {
  row: number;
  cells: CellValue[];
  /** Columns whose formula aggregates a range of rows (.xlsx only): see formulaTotals. */
  aggregates?: number[];
}

/**
 * Rows whose formulas sum, count or average a range of rows (issue 10 item 5): =SUBTOTAL(9,F2:F10)
 * beside a group's label, =SUM(F2:F90) with a word the values alone would take for a record. A column
 * where most rows aggregate (a running total =SUM($F$2:F7) on every record) is no evidence.
 */
function formulaTotals(rows: Row[]): number[] {
  const perColumn = new Map<number, number>();
  const found: number[] = [];
  rows.forEach((r, i) => {
    if (!r.aggregates) return;
    found.push(i);
    for (const c of r.aggregates) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
  });
  if (!found.length) return found;
  const evidence = new Set([...perColumn].filter(([, n]) => n <= Math.max(3, rows.length * 0.3)).map(([c]) => c));
  return found.filter((i) => rows[i].aggregates!.some((c) => evidence.has(c)));
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(b);
const filled = (cells: CellValue[]) => cells.reduce<number>((n, c) => n + (isBlank(c) ? 0 : 1), 0);
const textCell = (v: CellValue): v is string => typeof v === 'string' && !isBlank(v);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Columns holding text in most rows (names, codes): a record fills them, a total leaves them blank (totals may be many of the rows). */
function keyColumns(rows: Row[], width: number): number[] {
  // Counted in one pass over the rows (not a filtered copy per column: 100,000 rows × 9 columns).
  const texts = new Array<number>(width).fill(0);
  for (const r of rows) {
    const cells = r.cells;
    for (let c = 0; c < width; c++) if (textCell(cells[c])) texts[c]++;
  }
  const out: number[] = [];
  for (let c = 0; c < width; c++) if (texts[c] >= rows.length * 0.5) out.push(c);
  return out;
}

function numericColumns(rows: Row[], width: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const nums = rows.filter((r) => typeof r.cells[c] === 'number').length;
    if (nums >= rows.length * 0.6 && nums >= 2) out.push(c);
  }
  return out;
}

/** A count line job sites and report tools write under an export: "共 4 条", "4 records". */
const COUNT_LINE =
  /^(?:共|合计|总计|total:?)?\s*(\d+)\s*(?:条|行|人|份|个|项|名|条记录|records?|rows?|results?|items?)\s*$/i;

/** A number the row holds equals a count, sum or average of the records (COUNTIF, SUMIF, SUM, AVERAGE, COUNT). */
function tallies(cells: CellValue[], data: Row[], width: number, numeric: number[]): boolean {
  const label = cells.find(textCell)?.trim();
  const numbers = cells.filter((c): c is number => typeof c === 'number');
  // the count in a count line's text counts the records as a COUNT formula would
  for (const c of cells) {
    const m = textCell(c) ? COUNT_LINE.exec(c.trim()) : null;
    if (m) numbers.push(Number(m[1]));
  }
  if (!numbers.length) return false;
  const aggregates: number[] = [data.length];
  for (const c of numeric) {
    const vals = data.map((r) => r.cells[c]).filter((v): v is number => typeof v === 'number');
    const sum = vals.reduce((a, b) => a + b, 0);
    aggregates.push(sum, vals.length ? sum / vals.length : 0, vals.length);
  }
  if (label) {
    for (let c = 0; c < width; c++) {
      const hits = data.filter((r) => typeof r.cells[c] === 'string' && (r.cells[c] as string).trim() === label);
      if (!hits.length) continue;
      aggregates.push(hits.length);
      for (const n of numeric)
        aggregates.push(hits.reduce((s, r) => s + (typeof r.cells[n] === 'number' ? (r.cells[n] as number) : 0), 0));
    }
  }
  return numbers.some((x) => aggregates.some((a) => close(x, a)));
}

/** Sums of each column over a run of records, kept as rows are read (no rescan per row). */
class Sums {
  n = 0;
  private s: number[] = [];
  add(cells: CellValue[]): void {
    this.n++;
    const s = this.s;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'number') s[c] = (s[c] ?? 0) + v;
    }
  }
  /** An unlabelled row (its key columns blank) whose every number is its column's sum here, one of them not 0. */
  totals(cells: CellValue[], keys: number[]): boolean {
    if (this.n < 2 || !keys.length || keys.some((k) => !isBlank(cells[k])) || cells.some(textCell)) return false;
    let nonZero = false;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'number') continue;
      if (!close(v, this.s[c] ?? 0)) return false;
      if (v !== 0) nonZero = true;
    }
    return nonZero;
  }
}

export function summaryRows(rows: Row[], width: number): Map<number, SummaryReason> {
  const out = new Map<number, SummaryReason>();
  if (rows.length < 3) return out;
  // Where the file keeps formulas, a row aggregating other rows is a total whatever its values show.
  for (const i of formulaTotals(rows)) out.set(i, 'total');
  // A tally block pasted under the data: after the last blank gap, rows of another shape that count or sum the records.
  let end = rows.length;
  for (let i = rows.length - 1; i >= 3; i--) {
    if (rows[i].row - rows[i - 1].row <= 1) continue;
    const block = rows.slice(i);
    const data = rows.slice(0, i);
    if (block.length > Math.max(30, data.length * 0.3)) break;
    const typical = median(data.map((r) => filled(r.cells)));
    const numeric = numericColumns(data, width);
    const keys = keyColumns(data, width);
    const odd = block.filter(
      (r) =>
        filled(r.cells) <= typical / 2 ||
        keys.some((k) => isBlank(r.cells[k])) ||
        tallies(r.cells, data, width, numeric),
    ).length;
    const counted = block.some((r) => tallies(r.cells, data, width, numeric));
    if (counted && odd >= block.length * 0.6) {
      for (let k = i; k < rows.length; k++) out.set(k, 'summary');
      end = i;
    }
    break;
  }
  const data = rows.slice(0, end);
  const keys = keyColumns(data, width);
  // Subtotals and a final total: sums of the records since the previous subtotal, or of them all.
  const scan = (from: number) => {
    const found: number[] = [];
    let since = new Sums();
    const all = new Sums();
    for (let i = from; i < end; i++) {
      const cells = data[i].cells;
      // A total its formula gave away ends a group as a total found by its values does.
      if (out.has(i)) {
        since = new Sums();
        continue;
      }
      if (since.totals(cells, keys) || all.totals(cells, keys)) {
        found.push(i);
        since = new Sums();
        continue;
      }
      since.add(cells);
      all.add(cells);
    }
    return { found, all };
  };
  // An unlabelled SUM row right under the header: its numbers are the sums of the records below it.
  const under = scan(1);
  const top = under.all.totals(data[0].cells, keys);
  for (const i of top ? [0, ...under.found] : scan(0).found) out.set(i, 'total');
  return out;
}
