import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
  for (const [employeeNo, name] of [
    ['S0001', '周杰'],
    ['S0002', '吴芳'],
    ['S0003', '张伟'],
    ['S0004', '李娜'],
  ])
    await w.call('staff/create', { employeeNo, name });
  return w;
}
const count = (w: WS, table: string) =>
  (w.ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function sheetFile(rows: unknown[][], name = 'orders.xlsx'): { path: string } {
  const p = path.join(tmpDir('wb-imx-'), name);
  const [header, ...data] = rows;
  fs.writeFileSync(
    p,
    writeXlsx([
      {
        name: 'Sheet1',
        columns: (header as string[]).map((h) => ({ header: h, format: 'text' })),
        rows: data as never,
      },
    ]),
  );
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
      'file/not-found',
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
    const r = await w.attempt('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['客户', '金额'],
        ['甲', 5],
      ]),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import/missing-columns');
      // Issue 10 item 10: the fields without the abbreviations' full stops before the sentence's own; the sheet described.
      expect(r.error.message).toContain(
        'has no column for Order no, Order date. It has 1 row of data under a header in row 1, with the columns 客户, 金额.',
      );
      expect(r.error.message).not.toMatch(/[.。:：,，]{2}|[.。]\s*[.。]/);
    }
  });

  it('a sheet of another kind is refused with the kind it looks like, in the user’s language', async () => {
    const w = await withStaff();
    const staffSheet = sheetFile([
      ['工号', '姓名', '团队', '职位'],
      ['S0100', '王五', '华东一组', '销售代表'],
    ]);
    const r = await w.attempt('import/run', { kind: 'orders', file: staffSheet });
    expect(!r.ok && r.error.code).toBe('import/missing-columns');
    if (!r.ok) expect(r.error.message).toMatch(/It looks like a sheet of Salespeople: import it as “staff”\.$/);
    const zh = await w.attempt('import/run', { kind: 'orders', file: staffSheet }, 'zh-CN');
    if (!zh.ok) expect(zh.error.message).toMatch(/看起来这是“.+”表：请按“staff”导入。$/);
    // Nothing fits: no hint at all.
    const none = await w.attempt('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['备注', '说明'],
        ['x', 'y'],
      ]),
    });
    if (!none.ok) expect(none.error.message).not.toMatch(/looks like|\{\{/);
    expect(count(w, 'imports')).toBe(0);
  });

  it('a million-row sheet is refused without reading it all (import/too-many-rows)', async () => {
    const rows: string[][] = Array.from({ length: 1_000_001 }, (_v, i) => [`M${i}`]);
    const p = path.join(tmpDir('wb-big-'), 'million.xlsx');
    fs.writeFileSync(p, writeXlsx([{ name: 'Big', columns: [{ header: 'Order no.', format: 'text' }], rows }]));
    expect(() => readTable(fs.readFileSync(p), 'million.xlsx')).toThrow(
      expect.objectContaining({ code: 'import/too-many-rows' }),
    );
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
    const r = await w.call('import/run', { kind: 'orders', file: sheetFile(rows) });
    expect(r.committed).toBe(false);
    expect(r.rows).toMatchObject({ read: 4, valid: 2, invalid: 2 });
    expect(r.errors).toEqual([
      {
        row: 3,
        column: '日期',
        value: '2025-13-45',
        message: '不是日期（例如 2025-03-05）',
        field: 'date',
        code: 'not-a-date',
      },
      { row: 4, column: '金额', value: 'abc', message: '不是数字', field: 'amount', code: 'not-a-number' },
    ]);
    expect(count(w, 'orders')).toBe(0);
    expect(count(w, 'imports')).toBe(0);
  });

  it('--skip-invalid imports the valid rows only; the problem file holds the original rows and a problem column', async () => {
    const w = await withStaff();
    const out = path.join(tmpDir('wb-prob-'), 'problems.xlsx');
    const r = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile(rows),
      skipInvalid: true,
      problemsOut: { path: out },
    });
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

  it('P2.6 a repeated order number is an order line: identical rows skipped, another product is line 2, another date reported', async () => {
    const w = await withStaff('zh-CN');
    const r = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['单号', '日期', '客户', '产品', '金额'],
        ['B1', '2025-01-01', '甲公司', '门锁', '5'],
        ['B1', '2025-01-01', '甲公司', '门锁', '5'],
        ['B1', '2025-01-01', '甲公司', '摄像头', '7'],
        ['B1', '2025-01-02', '甲公司', '门铃', '6'],
        ['B1', '2025-01-01', '乙公司', '门铃', '6'],
        ['B1', '2025-01-01', '', '网关', '8'],
        ['B2', '2025-01-03', '乙公司', '门锁', '9'],
      ]),
      dryRun: true,
    });
    expect(r.rows).toMatchObject({ read: 7, valid: 4, invalid: 2, skipped: 1 });
    expect(r.skippedRows).toEqual([{ row: 3, reason: 'duplicate' }]);
    expect(r.errors.map((e) => [e.row, e.code, e.column, e.value])).toEqual([
      [5, 'order-header-conflict', '日期', '2025-01-02'],
      [6, 'order-header-conflict', '客户', '乙公司'],
    ]);
    expect(r.errors[0].message).toBe('订单 B1 的下单日期与第 2 行不同：同一订单的各行须日期、客户、销售员一致');
    // Lines numbered over the valid rows, in sheet order; a blank customer takes the order's.
    expect(r.records!.map((x) => [x.orderNo, x.line, x.product, x.customer, x.amount])).toEqual([
      ['B1', 1, '门锁', '甲公司', 5],
      ['B1', 2, '摄像头', '甲公司', 7],
      ['B1', 3, '网关', '甲公司', 8],
      ['B2', 1, '门锁', '乙公司', 9],
    ]);
  });

  it('P2.6 an explicit line column: lines as given, the same line twice with other values a duplicate key, a blank line required', async () => {
    const w = await withStaff();
    const header = ['Order ID', 'Line No', 'Order Date', 'Product Line', 'Sales'];
    const r = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        header,
        ['C1', '2', '2025-02-01', 'Locks', '10'],
        ['C1', '1', '2025-02-01', 'Locks', '10'],
        ['C1', '2', '2025-02-01', 'Bells', '11'],
        ['C1', '', '2025-02-01', 'Bells', '12'],
        ['C1', '2', '2025-02-01', 'Locks', '10'],
      ]),
      dryRun: true,
    });
    // "Product Line" is a line of products (a category), not the product: the last word of a header is its head (issue 10 item 8).
    expect(r.mapping).toEqual({ orderNo: 'Order ID', line: 'Line No', date: 'Order Date', amount: 'Sales' });
    expect(r.rows).toMatchObject({ read: 5, valid: 2, invalid: 2, skipped: 1 });
    expect(r.skippedRows).toEqual([{ row: 6, reason: 'duplicate' }]);
    expect(r.errors.map((e) => [e.row, e.code, e.field])).toEqual([
      [4, 'duplicate-key', null],
      [5, 'required', 'line'],
    ]);
    expect(r.records!.map((x) => [x.orderNo, x.line, x.amount])).toEqual([
      ['C1', 2, 10],
      ['C1', 1, 10],
    ]);
    // Only a header equal to a line name maps the line: "Online" merely contains "line".
    const online = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['Order ID', 'Order Date', 'Sales', 'Online'],
        ['C2', '2025-02-01', '10', 'yes'],
      ]),
      dryRun: true,
    });
    expect(online.mapping).toEqual({ orderNo: 'Order ID', date: 'Order Date', amount: 'Sales' });
    expect(online.records![0]).toMatchObject({ orderNo: 'C2', line: 1 });
  });

  it('P2.6 re-importing a sheet of order lines changes nothing; lines are found by order number and line', async () => {
    const w = await withStaff();
    const f = sheetFile([
      ['单号', '日期', '业务员', '产品', '数量', '单价'],
      ['D1', '2025-03-01', 'S0001', '门锁', '2', '100'],
      ['D1', '2025-03-01', '', '门铃', '1', '50'],
      ['D2', '2025-03-02', 'S0002', '门锁', '1', '100'],
    ]);
    const first = await w.call('import/run', { kind: 'orders', file: f });
    expect(first.rows).toMatchObject({ read: 3, valid: 3, inserted: 3 });
    const rows = () =>
      w.ws.db
        .prepare(
          'SELECT o.order_no, o.line, o.amount, s.employee_no FROM orders o LEFT JOIN staff s ON s.id = o.salesperson_id ORDER BY o.order_no, o.line',
        )
        .raw()
        .all();
    const before = rows();
    // Independent: amounts are quantity × unit price in fen; the second line takes the order's salesperson.
    expect(before).toEqual([
      ['D1', 1, 20000, 'S0001'],
      ['D1', 2, 5000, 'S0001'],
      ['D2', 1, 10000, 'S0002'],
    ]);
    const again = await w.call('import/run', { kind: 'orders', file: f });
    expect(again.rows).toMatchObject({ read: 3, valid: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(rows()).toEqual(before);
    // A corrected price on line 2 updates that line alone.
    const fixed = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['单号', '日期', '业务员', '产品', '数量', '单价'],
        ['D1', '2025-03-01', 'S0001', '门锁', '2', '100'],
        ['D1', '2025-03-01', 'S0001', '门铃', '1', '60'],
      ]),
    });
    expect(fixed.rows).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(w.ws.db.prepare("SELECT amount FROM orders WHERE order_no = 'D1' AND line = 2").pluck().get()).toBe(6000);
  });
});

describe('mapping, history and undo (issue #3 "Mapping", "Safety")', () => {
  it('--map overrides the automatic mapping and a committed mapping is remembered for the same headers', async () => {
    const w = await withStaff();
    const f = sheetFile([
      ['Ref', 'When', 'Who', 'Value', 'Note'],
      ['R1', '2025-05-01', 'S0001', '10', 'x'],
    ]);
    const missing = await w.attempt('import/run', { kind: 'orders', file: f });
    expect(!missing.ok && missing.error.code).toBe('import/missing-columns');
    const r = await w.call('import/run', {
      kind: 'orders',
      file: f,
      mapping: { orderNo: 'Ref', date: 'When', salesperson: 'C', amount: 'Value' },
    });
    expect(r.mapping).toEqual({ orderNo: 'Ref', date: 'When', salesperson: 'Who', amount: 'Value' });
    expect(r.rows.inserted).toBe(1);
    const again = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['Ref', 'When', 'Who', 'Value', 'Note'],
        ['R2', '2025-05-02', 'S0002', '20', ''],
      ]),
    });
    expect(again.mapping).toEqual(r.mapping);
    expect(again.rows.inserted).toBe(1);
  });

  it('every import is in the history and can be undone as a whole, restoring updated rows', async () => {
    const w = await withStaff();
    const first = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['单号', '日期', '金额'],
        ['U1', '2025-01-01', '5'],
      ]),
    });
    const second = await w.call('import/run', {
      kind: 'orders',
      file: sheetFile([
        ['单号', '日期', '金额', '客户'],
        ['U1', '2025-01-01', '7', '新客户'],
        ['U2', '2025-01-02', '8', ''],
      ]),
    });
    expect(second.rows).toMatchObject({ inserted: 1, updated: 1 });
    const history = await w.call('import/history');
    expect(history.map((h) => [h.id, h.status, h.inserted])).toEqual([
      [second.importId, 'committed', 1],
      [first.importId, 'committed', 1],
    ]);
    expect(history[0].fileHash).toMatch(/^[0-9a-f]{64}$/);
    const blocked = await w.attempt('import/undo', { id: first.importId });
    expect(!blocked.ok && blocked.error.code).toBe('import/undo-later-import');
    const undone = await w.call('import/undo', { id: second.importId! });
    expect(undone).toMatchObject({ deleted: 2, restored: 1 });
    expect(w.ws.db.prepare('SELECT order_no, amount, customer_id FROM orders').all()).toEqual([
      { order_no: 'U1', amount: 500, customer_id: null },
    ]);
    expect(count(w, 'customers')).toBe(0);
    const twice = await w.attempt('import/undo', { id: second.importId });
    expect(!twice.ok && twice.error.code).toBe('import/already-undone');
    await w.call('import/undo', { id: first.importId! });
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
        if (writing)
          throw Object.assign(new Error('job/cancelled'), {
            name: 'WorkbenchError',
            code: 'job/cancelled',
            params: {},
          });
      },
    });
    expect(() => runImport(ctx, { kind: 'orders', file: f, skipInvalid: false, dryRun: false })).toThrow();
    expect(count(w, 'orders')).toBe(0);
    expect(count(w, 'imports')).toBe(0);
    expect(count(w, 'import_changes')).toBe(0);
  });
});
