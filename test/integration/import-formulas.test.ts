import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aggregatesRows } from '../../src-main/excel/xlsx-formulas';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue 10 item 5 (P2.6 orders): where the file keeps formulas, a row whose formula sums or counts a
 * range of rows (=SUBTOTAL(9,G2:G3)) is a summary row, even when its values alone look like a record
 * (a group label in the customer column). Per-record formulas (=E2*F2) and a running total on every
 * record (=SUM($G$2:G2)) are no evidence. The workbook is written here by exceljs, as Excel writes
 * formulas: <f> with the cached result in <v>.
 */
type Cell = string | number | { formula: string; result: number } | null;

async function workbook(withFormulas: boolean): Promise<{ path: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  const f = (formula: string, result: number): Cell => (withFormulas ? { formula, result } : result);
  const rows: Cell[][] = [
    ['单号', '日期', '客户', '业务员', '数量', '单价', '金额', '累计'],
    ['FX-001', '2025-03-03', '华东贸易', 'S0001', 2, 100, f('E2*F2', 200), f('SUM($G$2:G2)', 200)],
    ['FX-002', '2025-03-04', '华东贸易', 'S0001', 1, 300, f('E3*F3', 300), f('SUM($G$2:G3)', 500)],
    [null, null, '华东 小组', null, f('SUBTOTAL(9,E2:E3)', 3), null, f('SUBTOTAL(9,G2:G3)', 500), null],
    ['FX-003', '2025-03-05', '南方电子', 'S0001', 4, 50, f('E5*F5', 200), f('SUM($G$2:G5)', 700)],
    ['FX-004', '2025-03-06', '南方电子', 'S0001', 1, 1000, f('E6*F6', 1000), f('SUM($G$2:G6)', 1700)],
    [null, null, '华南 小组', null, f('SUBTOTAL(9,E5:E6)', 5), null, f('SUBTOTAL(9,G5:G6)', 1200), null],
    [null, null, '所有门店', null, null, null, f('SUBTOTAL(9,G2:G7)', 1700), null],
  ];
  for (const r of rows) ws.addRow(r);
  const file = path.join(tmpDir('wb-formulas-'), withFormulas ? 'formulas.xlsx' : 'values.xlsx');
  await wb.xlsx.writeFile(file);
  return { path: file };
}

function company() {
  const w = tmpWorkspace('zh-CN');
  const at = '2025-01-01T00:00:00Z';
  w.ws.db
    .prepare(
      "INSERT INTO staff (employee_no, name, status, created_at, updated_at) VALUES ('S0001', '周杰', 'active', ?, ?)",
    )
    .run(at, at);
  return w;
}

describe('formulas as evidence of summary rows (issue 10 item 5)', () => {
  it('skips the SUBTOTAL rows of a file with formulas and imports the records with their computed amounts', async () => {
    const w = company();
    const r = await w.call('import/run', { kind: 'orders', file: await workbook(true) });
    expect(r.skippedRows).toEqual([
      { row: 4, reason: 'total' },
      { row: 7, reason: 'total' },
      { row: 8, reason: 'total' },
    ]);
    expect(r.rows).toMatchObject({ valid: 4, invalid: 0, inserted: 4 });
    // Independent expectation: quantity × unit price of each record, in fen.
    expect(w.ws.db.prepare('SELECT order_no, amount FROM orders ORDER BY order_no').raw().all()).toEqual([
      ['FX-001', 2 * 100 * 100],
      ['FX-002', 1 * 300 * 100],
      ['FX-003', 4 * 50 * 100],
      ['FX-004', 1 * 1000 * 100],
    ]);
  });

  it('without the formulas the same rows are not taken for totals by their values (the formula is the evidence)', async () => {
    const w = company();
    const r = await w.call('import/run', { kind: 'orders', file: await workbook(false), dryRun: true });
    expect(r.skippedRows).toEqual([]);
    expect(r.errors.map((e) => e.row)).toEqual(expect.arrayContaining([4, 7, 8]));
  });

  it('tells a formula over a range of other rows from one over its own row, a running total or no range', () => {
    expect(aggregatesRows('SUBTOTAL(9,G2:G10)', 11)).toBe(true);
    expect(aggregatesRows('_xlfn.AGGREGATE(9,3,G2:G10)', 11)).toBe(true);
    expect(aggregatesRows('COUNTIF($C$2:$C$90,"华东")', 93)).toBe(true);
    // An unlabelled SUM row right under the header sums the rows below it.
    expect(aggregatesRows('SUM(G3:G90)', 2)).toBe(true);
    expect(aggregatesRows('SUM($G$2:G7)', 7)).toBe(false);
    expect(aggregatesRows('SUM(C5:E5)', 5)).toBe(false);
    expect(aggregatesRows('E2*F2', 2)).toBe(false);
    expect(aggregatesRows('IF(SUM(G2:G9)>0,1,0)', 10)).toBe(false);
  });
});
