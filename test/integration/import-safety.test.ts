import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src-main/contract/import';
import { readTable } from '../../src-main/excel/read-table';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { makeContext } from '../../src-main/services/context';
import { runImport } from '../../src-main/services/import/run';
import { tmpDir, tmpWorkspace } from '../support/workspace';

const FIX = path.resolve(__dirname, '../fixtures/import');
const file = (name: string) => ({ path: path.join(FIX, name) });
type WS = ReturnType<typeof tmpWorkspace>;

async function withStaff(lang: 'en' | 'zh-CN' = 'en'): Promise<WS> {
  const w = tmpWorkspace(lang);
  for (const [employeeNo, name] of [['S0001', '周杰'], ['S0002', '吴芳'], ['S0003', '张伟'], ['S0004', '李娜']]) await w.call('staff/create', { employeeNo, name });
  return w;
}
const count = (w: WS, table: string) => (w.ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function sheetFile(rows: unknown[][], name = 'orders.xlsx'): { path: string } {
  const p = path.join(tmpDir('wb-imx-'), name);
  const [header, ...data] = rows;
  fs.writeFileSync(p, writeXlsx([{ name: 'Sheet1', columns: (header as string[]).map((h) => ({ header: h, format: 'text' })), rows: data as never }]));
  return { path: p };
}

describe('bad input: a clear message, a stable code, nothing written (issue #3 "Bad input")', () => {
  const cases: [string, string][] = [
    ['bad-empty.xlsx', 'import/empty-file'],
    ['bad-random.xlsx', 'import/not-a-workbook'],
    ['bad-renamed-pdf.xlsx', 'import/not-a-workbook'],
    ['bad-truncated.xlsx', 'import/truncated'],
    ['bad-password.xlsx', 'import/encrypted'],
    ['bad-no-table.xlsx', 'import/no-table'],
  ];
  for (const [name, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const w = await withStaff('zh-CN');
      const r = await w.attempt('import/run', { kind: 'orders', file: file(name) });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).not.toMatch(/errors\.|\n\s+at /);
        expect(r.error.message).toContain(code === 'import/no-table' ? '说明' : name);
      }
      expect(count(w, 'imports')).toBe(0);
      expect(count(w, 'orders')).toBe(0);
    });
  }

  it('a missing file, an unknown kind, a sheet name that does not exist, an unknown --map field or column', async () => {
    const w = await withStaff();
    const codes = await Promise.all([
      w.attempt('import/run', { kind: 'orders', file: { path: '/nonexistent/x.xlsx' } }),
      w.attempt('import/run', { kind: 'invoices', file: file('orders-exceljs.xlsx') }),
      w.attempt('import/run', { kind: 'orders', file: file('orders-exceljs.xlsx'), sheet: 'Nope' }),
      w.attempt('import/run', { kind: 'orders', file: file('orders-exceljs.xlsx'), mapping: { colour: '业务员' } }),
      w.attempt('import/run', { kind: 'orders', file: file('orders-exceljs.xlsx'), mapping: { salesperson: 'Nope' } }),
      w.attempt('import/run', { kind: 'orders', file: { name: 'x.xlsx' } }),
    ]);
    expect(codes.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'import/file-unreadable',
      'import/unknown-kind',
      'import/sheet-not-found',
      'import/unknown-field',
      'import/unknown-column',
      'request/invalid-input',
    ]);
    expect(count(w, 'imports')).toBe(0);
  });

  it('a sheet without the required columns names them and the columns it has', async () => {
    const w = await withStaff();
    const r = await w.attempt('import/run', { kind: 'orders', file: sheetFile([['客户', '金额'], ['甲', 5]]) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import/missing-columns');
      expect(r.error.message).toContain('Order no.');
      expect(r.error.message).toContain('客户, 金额');
    }
  });

  it('a million-row sheet is refused without reading it all (import/too-many-rows)', async () => {
    const rows: string[][] = Array.from({ length: 1_000_001 }, (_v, i) => [`M${i}`]);
    const p = path.join(tmpDir('wb-big-'), 'million.xlsx');
    fs.writeFileSync(p, writeXlsx([{ name: 'Big', columns: [{ header: 'Order no.', format: 'text' }], rows }]));
    expect(() => readTable(fs.readFileSync(p), 'million.xlsx')).toThrow(expect.objectContaining({ code: 'import/too-many-rows' }));
    const w = await withStaff();
    const r = await w.attempt('import/run', { kind: 'orders', file: { path: p } });
    expect(!r.ok && r.error.code).toBe('import/too-many-rows');
    expect(count(w, 'orders')).toBe(0);
  }, 60_000);
});

describe('invalid rows (issue #3 "Validation")', () => {
  const rows = [
    ['单号', '日期', '业务员', '金额'],
    ['A1', '2025-03-05', 'S0001', '100'],
    ['A2', '2025-13-45', 'S0001', '200'],
    ['A3', '2025-03-07', '无名氏', 'abc'],
    ['A4', '2025-03-08', 'S0002', '400'],
  ];

  it('reports row number, column, value and a message in the user language; nothing is written by default', async () => {
    const w = await withStaff('zh-CN');
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: sheetFile(rows) });
    expect(r.committed).toBe(false);
    expect(r.rows).toMatchObject({ read: 4, valid: 2, invalid: 2 });
    expect(r.errors).toEqual([
      { row: 3, column: '日期', value: '2025-13-45', message: '不是日期（例如 2025-03-05）', field: 'date', code: 'not-a-date' },
      { row: 4, column: '金额', value: 'abc', message: '不是数字', field: 'amount', code: 'not-a-number' },
    ]);
    expect(count(w, 'orders')).toBe(0);
    expect(count(w, 'imports')).toBe(0);
  });

  it('--skip-invalid imports the valid rows only; the problem file holds the original rows and a problem column', async () => {
    const w = await withStaff();
    const out = path.join(tmpDir('wb-prob-'), 'problems.xlsx');
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: sheetFile(rows), skipInvalid: true, problemsOut: { path: out } });
    expect(r.committed).toBe(true);
    expect(r.rows).toMatchObject({ inserted: 2, invalid: 2 });
    expect(w.ws.db.prepare('SELECT order_no FROM orders ORDER BY 1').pluck().all()).toEqual(['A1', 'A4']);
    const back = readTable(fs.readFileSync(out), 'problems.xlsx').table;
    expect(back.columns.map((c) => c.header)).toEqual(['单号', '日期', '业务员', '金额', 'Row', 'Problem']);
    expect(back.rows.map((x) => x.cells.slice(0, 5))).toEqual([
      ['A2', '2025-13-45', 'S0001', '200', 3],
      ['A3', '2025-03-07', '无名氏', 'abc', 4],
    ]);
    expect(String(back.rows[0].cells[5])).toContain('not a date');
  });

  it('a repeated order number: identical rows are skipped, different ones are problems', async () => {
    const w = await withStaff();
    const r = await w.call<ImportResult>('import/run', {
      kind: 'orders',
      file: sheetFile([['单号', '日期', '金额'], ['B1', '2025-01-01', '5'], ['B1', '2025-01-01', '5'], ['B1', '2025-01-02', '6']]),
      dryRun: true,
    });
    expect(r.rows).toMatchObject({ valid: 1, invalid: 1, skipped: 1 });
    expect(r.skippedRows).toEqual([{ row: 3, reason: 'duplicate' }]);
    expect(r.errors[0]).toMatchObject({ row: 4, code: 'duplicate-key' });
  });
});

describe('mapping, history and undo (issue #3 "Mapping", "Safety")', () => {
  it('--map overrides the automatic mapping and a committed mapping is remembered for the same headers', async () => {
    const w = await withStaff();
    const f = sheetFile([['Ref', 'When', 'Who', 'Value', 'Note'], ['R1', '2025-05-01', 'S0001', '10', 'x']]);
    const missing = await w.attempt('import/run', { kind: 'orders', file: f });
    expect(!missing.ok && missing.error.code).toBe('import/missing-columns');
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: f, mapping: { orderNo: 'Ref', date: 'When', salesperson: 'C', amount: 'Value' } });
    expect(r.mapping).toEqual({ orderNo: 'Ref', date: 'When', salesperson: 'Who', amount: 'Value' });
    expect(r.rows.inserted).toBe(1);
    const again = await w.call<ImportResult>('import/run', { kind: 'orders', file: sheetFile([['Ref', 'When', 'Who', 'Value', 'Note'], ['R2', '2025-05-02', 'S0002', '20', '']]) });
    expect(again.mapping).toEqual(r.mapping);
    expect(again.rows.inserted).toBe(1);
  });

  it('every import is in the history and can be undone as a whole, restoring updated rows', async () => {
    const w = await withStaff();
    const first = await w.call<ImportResult>('import/run', { kind: 'orders', file: sheetFile([['单号', '日期', '金额'], ['U1', '2025-01-01', '5']]) });
    const second = await w.call<ImportResult>('import/run', { kind: 'orders', file: sheetFile([['单号', '日期', '金额', '客户'], ['U1', '2025-01-01', '7', '新客户'], ['U2', '2025-01-02', '8', '']]) });
    expect(second.rows).toMatchObject({ inserted: 1, updated: 1 });
    const history = await w.call<{ id: number; status: string; inserted: number; fileHash: string }[]>('import/history');
    expect(history.map((h) => [h.id, h.status, h.inserted])).toEqual([
      [second.importId, 'committed', 1],
      [first.importId, 'committed', 1],
    ]);
    expect(history[0].fileHash).toMatch(/^[0-9a-f]{64}$/);
    const blocked = await w.attempt('import/undo', { id: first.importId });
    expect(!blocked.ok && blocked.error.code).toBe('import/undo-later-import');
    const undone = await w.call<{ deleted: number; restored: number }>('import/undo', { id: second.importId });
    expect(undone).toMatchObject({ deleted: 2, restored: 1 });
    expect(w.ws.db.prepare('SELECT order_no, amount, customer_id FROM orders').all()).toEqual([{ order_no: 'U1', amount: 500, customer_id: null }]);
    expect(count(w, 'customers')).toBe(0);
    const twice = await w.attempt('import/undo', { id: second.importId });
    expect(!twice.ok && twice.error.code).toBe('import/already-undone');
    await w.call('import/undo', { id: first.importId });
    expect(count(w, 'orders')).toBe(0);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const w = await withStaff();
    const rows = [['单号', '日期', '金额'], ...Array.from({ length: 5000 }, (_v, i) => [`C${i}`, '2025-01-01', '1'])];
    const f = sheetFile(rows);
    let writing = false;
    const ctx = makeContext(w.ws, {
      progress: (_d, _t, phase) => {
        if (phase === 'progress.importWrite') writing = true;
      },
      checkCancelled: () => {
        if (writing) throw Object.assign(new Error('job/cancelled'), { name: 'WorkbenchError', code: 'job/cancelled', params: {} });
      },
    });
    expect(() => runImport(ctx, { kind: 'orders', file: f, skipInvalid: false, dryRun: false })).toThrow();
    expect(count(w, 'orders')).toBe(0);
    expect(count(w, 'imports')).toBe(0);
    expect(count(w, 'import_changes')).toBe(0);
  });
});
