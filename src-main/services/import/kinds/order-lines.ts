import { nameKey } from './lookups';
import type { ImportRecord, RowProblem } from './types';

/**
 * The lines of each order in a sheet (P2.6), checked together: one row is one order line.
 *
 * - The lines of one order share its date, customer and salesperson. A line that gives another value
 *   is a problem (`order-header-conflict`, naming the row that gave the order's value first); a line
 *   that leaves the customer or the salesperson blank takes the order's.
 * - Without a line column, the valid lines of each order are numbered 1, 2, 3… in sheet order. A row
 *   identical to an earlier line of its order gets that line's number: the pipeline then sees the same
 *   key with the same values and skips it as a repeat instead of importing the line twice.
 *
 * Records are completed in place; problems are returned by index into `records`. Rows are compared
 * only within orders that have several of them, so a sheet of one-line orders costs one Map entry a row.
 */
const HEADER = ['date', 'customer', 'salesperson'] as const;
type HeaderField = (typeof HEADER)[number];

interface Order {
  /** Index of the order's first row (never a conflict: there is nothing yet to differ from). */
  first: number;
  /** For each header field, the index of the row that gave the order's value first; -1 while none has. */
  given: [number, number, number];
  /** Lines numbered so far. */
  lines: number;
  /** Line number by the line's values, made when the order gets a second unnumbered row. */
  bySignature?: Map<string, number>;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';
const compareKey = (field: HeaderField, v: unknown): string => (field === 'customer' ? nameKey(String(v)) : String(v));

/** Everything a line holds but its line number, for recognising a repeated row. */
function signature(r: ImportRecord): string {
  const { line: _line, ...rest } = r;
  return JSON.stringify(rest);
}

export function orderLines(records: ImportRecord[], rows: readonly number[]): Map<number, RowProblem[]> {
  const problems = new Map<number, RowProblem[]>();
  // Each order number's first row; an Order is made only when the number comes again (one-line orders,
  // nearly every row of a large sheet, cost one Map entry and no object).
  const firstRow = new Map<string, number>();
  const orderOf: (Order | undefined)[] = new Array<Order | undefined>(records.length);
  const newOrder = (i: number): Order => {
    const r = records[i];
    return {
      first: i,
      given: [blank(r.date) ? -1 : i, blank(r.customer) ? -1 : i, blank(r.salesperson) ? -1 : i],
      lines: 0,
    };
  };

  // 1. Each order's shared values, in sheet order; a line that disagrees is a problem on that line.
  //    (Values are compared only when an order number comes again.)
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const no = String(r.orderNo);
    const first = firstRow.get(no);
    if (first === undefined) {
      firstRow.set(no, i);
      continue;
    }
    const o = (orderOf[first] ??= newOrder(first));
    orderOf[i] = o;
    let found: RowProblem[] | undefined;
    for (let k = 0; k < HEADER.length; k++) {
      const field = HEADER[k];
      const v = r[field];
      const at = o.given[k];
      if (blank(v) || at < 0) continue;
      if (compareKey(field, records[at][field]) !== compareKey(field, v))
        (found ??= []).push({ field, code: 'order-header-conflict', params: { order: no, first: rows[at] } });
    }
    if (found) problems.set(i, found);
    else for (let k = 0; k < HEADER.length; k++) if (o.given[k] < 0 && !blank(r[HEADER[k]])) o.given[k] = i;
  }

  // 2. Blanks take the order's values; lines without a number get the next one, repeats their twin's.
  for (let i = 0; i < records.length; i++) {
    if (problems.size && problems.has(i)) continue;
    const r = records[i];
    const o = orderOf[i];
    if (!o) {
      // The order's only line: nothing to take from another line, and line 1 when the sheet gives none.
      if (r.line === null || r.line === undefined) r.line = 1;
      continue;
    }
    for (let k = 0; k < HEADER.length; k++) {
      const at = o.given[k];
      if (at >= 0 && at !== i && blank(r[HEADER[k]])) r[HEADER[k]] = records[at][HEADER[k]];
    }
    if (r.line !== null && r.line !== undefined) continue;
    if (o.lines === 0) {
      o.lines = 1;
      r.line = 1;
      continue;
    }
    o.bySignature ??= new Map([[signature(records[o.first]), 1]]);
    const sig = signature(r);
    const twin = o.bySignature.get(sig);
    if (twin !== undefined) r.line = twin;
    else {
      r.line = ++o.lines;
      o.bySignature.set(sig, r.line as number);
    }
  }
  return problems;
}
