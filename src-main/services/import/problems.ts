import { isDate, isoToSerial, type CellValue, type DateValue } from '../../excel/cell';
import { writeXlsx, type ColumnFormat, type WriteValue } from '../../excel/xlsx-writer';
import { t, type Lang } from '../../i18n/messages';
import type { Analysis } from './pipeline';

/** A date cell as the serial Excel stores (1900 system, whatever system the source used), with its time of day. */
function dateSerial(d: DateValue): number {
  const day = isoToSerial(d.iso);
  const time = /T(\d{2}):(\d{2}):(\d{2})/.exec(d.iso);
  return time ? day + (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3])) / 86400 : day;
}

/**
 * A column's format in the problem file: a date column stays a date column (its cells are written as
 * dates, not as text); any other column is written as the cells are, numbers as numbers without a
 * format of ours (a text format would turn them into text when edited).
 */
function columnFormatOf(cells: CellValue[]): ColumnFormat {
  let dates = 0;
  for (const c of cells) {
    if (isDate(c)) dates++;
    else if (typeof c === 'number') return 'general';
  }
  return dates > 0 ? 'date' : 'general';
}

/**
 * The problem file: the invalid rows with their original cells, the row number they had and a problem
 * column, invalid cells highlighted, headers and messages in the language of the window that asked
 * (issue 10 item 12). Fixed in Excel, it imports again like the original (the two extra columns are
 * not mapped to any field).
 */
export function problemWorkbook(a: Analysis, lang: Lang): { bytes: Uint8Array; rows: number } {
  const { table } = a;
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const sources = [...a.problems.keys()].sort((x, y) => x - y).flatMap((n) => (byRow.has(n) ? [byRow.get(n)!] : []));
  const formats = table.columns.map((_c, i) => columnFormatOf(sources.map((r) => r.cells[i])));
  const rows: WriteValue[][] = [];
  const marks: [number, number][] = [];
  for (const src of sources) {
    const list = a.problems.get(src.row)!;
    const idx = rows.length;
    rows.push([
      ...src.cells.map((c, i): WriteValue => {
        if (c === null) return null;
        if (isDate(c)) return formats[i] === 'date' ? dateSerial(c) : c.iso.replace('T', ' ');
        return c;
      }),
      src.row,
      list.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; '),
    ]);
    for (const p of list) {
      const col = table.columns.findIndex((c) => c.header === p.column);
      if (col >= 0) marks.push([idx, col]);
    }
  }
  const columns = [
    // The source's number formats stay (issue 10 item 12): 1,234.50 元 and 2025年3月5日 read as the user wrote them.
    ...table.columns.map((c, i) => ({
      header: c.group ? `${c.group} ${c.header}` : c.header,
      format: formats[i],
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    })),
    { header: t(lang, 'importExport.problemFile.row'), format: 'int' as const },
    { header: t(lang, 'importExport.problemFile.problem'), format: 'text' as const, alert: true, width: 60 },
  ];
  return { bytes: writeXlsx([{ name: table.sheet, columns, rows, marks }]), rows: rows.length };
}
