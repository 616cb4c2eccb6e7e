import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src-main/excel/cell';
import { summaryRows } from '../../src-main/excel/summary-rows';

/** Issue 10 item 5: rows that only sum or count the records are found by their values, and records never are. */
const rows = (cells: CellValue[][], start = 2, gaps: number[] = []) => {
  let r = start - 1;
  return cells.map((c, i) => ({ row: (r += gaps.includes(i) ? 2 : 1), cells: c }));
};

describe('summary rows (issue 10 item 5)', () => {
  it('an unlabelled SUM row under the header and subtotals without a word are totals; the records are not', () => {
    const data = rows([
      [null, null, 60],
      ['A', '甲', 10],
      ['B', '乙', 20],
      [null, null, 30],
      ['C', '丙', 5],
      ['D', '丁', 25],
      [null, null, 30],
    ]);
    expect([...summaryRows(data, 3)]).toEqual([
      [0, 'total'],
      [3, 'total'],
      [6, 'total'],
    ]);
  });

  it('a COUNTIF block pasted under the data after a blank row is a summary', () => {
    const data = rows(
      [
        ['A', '甲', 10],
        ['B', '乙', 20],
        ['C', '甲', 30],
        ['D', '丙', 40],
        ['甲', 2],
        ['乙', 1],
      ],
      2,
      [4],
    );
    expect([...summaryRows(data, 3)]).toEqual([
      [4, 'summary'],
      [5, 'summary'],
    ]);
  });

  it('a job site’s count line under its export (“共 4 条”) is a summary when its number counts the records; another number is not', () => {
    const records = [
      ['张三', '销售代表', '13800000001'],
      ['李四', '销售代表', '13912345678'],
      ['王五', '销售代表', '18600001111'],
      ['赵六', '销售代表', '13700002222'],
    ];
    expect([...summaryRows(rows([...records, ['共 4 条']], 4, [4]), 3)]).toEqual([[4, 'summary']]);
    expect([...summaryRows(rows([...records, ['4 records']], 4, [4]), 3)]).toEqual([[4, 'summary']]);
    // the count does not match the records: not evidence, the row stays for the checks to refuse
    expect([...summaryRows(rows([...records, ['共 9 条']], 4, [4]), 3)]).toEqual([]);
  });

  it('records that merely add up are kept: an all-number sheet (survey codes), and rows carrying a name', () => {
    const codes = rows([
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 0],
      [2, 2, 0],
    ]);
    expect(summaryRows(codes, 3).size).toBe(0);
    const named = rows([
      ['A', '甲', 10],
      ['B', '乙', 20],
      ['C', '丙', 30],
    ]);
    expect(summaryRows(named, 3).size).toBe(0);
    // Rows after a gap that are records of the same shape (no count, no sum) stay records.
    const later = rows(
      [
        ['A', '甲', 10],
        ['B', '乙', 20],
        ['C', '丙', 33],
        ['D', '丁', 44],
        ['E', '戊', 7],
      ],
      2,
      [3],
    );
    expect(summaryRows(later, 3).size).toBe(0);
  });
});
