import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue 10 item 12 (P2.6 orders): the problem-rows file keeps the source's number formats, so that a
 * manager fixing it in Excel sees 1,234.50 元 and 2025年3月5日 as in the original, not bare numbers.
 * The workbook is written here by exceljs with the formats Excel stores in styles.xml (numFmt).
 */
const AMOUNT = '#,##0.00" 元"';
const DATE = 'yyyy"年"m"月"d"日"';

describe('the problem-rows file keeps the number formats (issue 10 item 12)', () => {
  it('writes the invalid rows with the amount and date formats of the source columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['单号', '日期', '客户', '业务员', '金额']);
    ws.addRow(['PF-001', new Date(Date.UTC(2025, 2, 5)), '华东贸易', 'S0001', 1234.5]);
    ws.addRow(['PF-002', new Date(Date.UTC(2025, 2, 6)), '华东贸易', '查无此人', 88]);
    ws.getColumn(2).numFmt = DATE;
    ws.getColumn(5).numFmt = AMOUNT;
    const dir = tmpDir('wb-problem-formats-');
    const file = path.join(dir, 'orders.xlsx');
    await wb.xlsx.writeFile(file);

    const w = tmpWorkspace('zh-CN');
    const at = '2025-01-01T00:00:00Z';
    w.ws.db
      .prepare(
        "INSERT INTO staff (employee_no, name, status, created_at, updated_at) VALUES ('S0001', '周杰', 'active', ?, ?)",
      )
      .run(at, at);
    const out = await w.call('import/problems', {
      kind: 'orders',
      file: { path: file },
      out: { path: path.join(dir, 'problems.xlsx') },
    });
    expect(out.rows).toBe(1);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out.path!);
    const sheet = back.worksheets[0];
    expect(sheet.getCell('A2').value).toBe('PF-002');
    // The values as in the source, with the source's formats.
    expect(sheet.getCell('E2').value).toBe(88);
    expect(sheet.getCell('E2').numFmt).toBe(AMOUNT);
    expect((sheet.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe('2025-03-06');
    expect(sheet.getCell('B2').numFmt).toBe(DATE);
  });
});
