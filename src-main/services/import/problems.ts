import { displayValue, isDate } from '../../excel/cell';
import { writeXlsx, type WriteValue } from '../../excel/xlsx-writer';
import { t, type Lang } from '../../i18n/messages';
import type { Analysis } from './pipeline';

/**
 * The problem file: the invalid rows with their original cells, the row number they had and a problem
 * column, invalid cells highlighted. Fixed in Excel, it imports again like the original (the two extra
 * columns are not mapped to any field).
 */
export function problemWorkbook(a: Analysis, lang: Lang): { bytes: Uint8Array; rows: number } {
  const { table } = a;
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const rows: WriteValue[][] = [];
  const marks: [number, number][] = [];
  const rowNumbers = [...a.problems.keys()].sort((x, y) => x - y);
  for (const n of rowNumbers) {
    const src = byRow.get(n);
    if (!src) continue;
    const list = a.problems.get(n)!;
    const idx = rows.length;
    rows.push([
      ...src.cells.map((c) => (c === null ? null : isDate(c) ? c.iso.slice(0, 10) : typeof c === 'object' ? displayValue(c) : c)),
      n,
      list.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; '),
    ]);
    for (const p of list) {
      const col = table.columns.findIndex((c) => c.header === p.column);
      if (col >= 0) marks.push([idx, col]);
    }
  }
  const columns = [
    ...table.columns.map((c) => ({ header: c.group ? `${c.group} ${c.header}` : c.header, format: table.rows.some((r) => isDate(r.cells[table.columns.indexOf(c)])) ? ('date' as const) : ('text' as const) })),
    { header: t(lang, 'importExport.problemFile.row'), format: 'int' as const },
    { header: t(lang, 'importExport.problemFile.problem'), format: 'text' as const, alert: true, width: 60 },
  ];
  return { bytes: writeXlsx([{ name: table.sheet, columns, rows, marks }]), rows: rows.length };
}
