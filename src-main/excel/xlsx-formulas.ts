/**
 * What a cell's formula (`<f>` in the sheet XML) says about its row (issue 10 item 5): a SUM, SUBTOTAL,
 * AVERAGE, COUNT, COUNTIF… over a range of several rows aggregates the records above or below it, so
 * the row holding it is a summary row. A formula over one row (=SUM(C5:E5), a line total) or without
 * such a function (=C5*D5) says nothing, nor does a running total over the rows down to its own. Only the formula's first function is looked at.
 */
const AGGREGATE =
  /^\s*=?\s*(?:_xlfn\.)?(SUM|SUBTOTAL|AGGREGATE|AVERAGE|AVERAGEA|COUNT|COUNTA|COUNTIF|COUNTIFS|SUMIF|SUMIFS|AVERAGEIF|AVERAGEIFS|MAX|MIN)\s*\(/i;
const RANGE = /\$?[A-Za-z]{1,3}\$?(\d+)\s*:\s*\$?[A-Za-z]{1,3}\$?(\d+)/g;

/**
 * True when the formula text aggregates a range spanning several rows that does not hold the formula's
 * own row `row` (a running total =SUM($G$2:G7) in row 7 includes it; a total never can).
 */
export function aggregatesRows(formula: string, row: number): boolean {
  if (!AGGREGATE.test(formula)) return false;
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(formula); m; m = RANGE.exec(formula)) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y);
    if (a !== b && (row < a || row > b)) return true;
  }
  return false;
}
