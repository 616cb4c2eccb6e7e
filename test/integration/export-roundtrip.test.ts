import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/excel/read-table';
import { tmpDir, tmpWorkspace } from '../support/workspace';

type WS = ReturnType<typeof tmpWorkspace>;

describe('export (issue #3 "Export")', () => {
  let w: WS;
  let dir: string;
  beforeAll(async () => {
    w = tmpWorkspace('zh-CN');
    dir = tmpDir('wb-export-');
    await w.call('demo/create', { size: 'small', seed: 3, today: '2026-05-15' });
  }, 120_000);

  for (const kind of ['staff', 'products', 'customers', 'orders']) {
    for (const ext of ['xlsx', 'csv']) {
      it(`${kind}.${ext} imports back with no change`, async () => {
        const out = path.join(dir, `${kind}.${ext}`);
        const ex = await w.call('export/run', { kind, out: { path: out } });
        const n = w.ws.db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get();
        expect(ex.rows).toBe(n);
        const before = w.ws.db.prepare(`SELECT * FROM ${kind} ORDER BY id`).all();
        const back = await w.call('import/run', { kind, file: { path: out } });
        expect(back.rows).toMatchObject({ read: n, invalid: 0, inserted: 0, updated: 0, unchanged: n });
        expect(w.ws.db.prepare(`SELECT * FROM ${kind} ORDER BY id`).all()).toEqual(before);
      }, 60_000);
    }
  }

  it('P2.6 orders with several lines: the line column beside the order number, rows by date, order number and line; .xlsx and .csv import back unchanged', async () => {
    const o = tmpWorkspace('zh-CN');
    const src = path.join(dir, 'lines-src.csv');
    // Written by hand, out of order: the export sorts by date, then order number, then line.
    fs.writeFileSync(
      src,
      [
        '订单编号,下单日期,客户,产品,数量,单价',
        'L2,2025-04-02,乙公司,门铃,1,80',
        'L1,2025-04-02,甲公司,门锁,2,100',
        'L1,2025-04-02,,网关,1,300',
        'L0,2025-04-03,甲公司,门锁,1,100',
        'L2,2025-04-02,乙公司,摄像头,3,50',
      ].join('\n'),
    );
    const first = await o.call('import/run', { kind: 'orders', file: { path: src } });
    expect(first.rows).toMatchObject({ read: 5, inserted: 5 });
    const before = o.ws.db.prepare('SELECT * FROM orders ORDER BY id').all();
    for (const ext of ['xlsx', 'csv']) {
      const out = path.join(dir, `lines.${ext}`);
      const ex = await o.call('export/run', { kind: 'orders', out: { path: out } });
      expect(ex.rows).toBe(5);
      const t = readTable(fs.readFileSync(out), `lines.${ext}`).table;
      expect(t.columns.map((c) => c.header).slice(0, 3)).toEqual(['订单编号', '行号', '下单日期']);
      expect(t.rows.map((x) => [x.cells[0], Number(x.cells[1])])).toEqual([
        ['L1', 1],
        ['L1', 2],
        ['L2', 1],
        ['L2', 2],
        ['L0', 1],
      ]);
      const back = await o.call('import/run', { kind: 'orders', file: { path: out } });
      expect(back.mapping.line).toBe('行号');
      expect(back.rows).toMatchObject({ read: 5, invalid: 0, inserted: 0, updated: 0, unchanged: 5 });
      expect(o.ws.db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before);
    }
    // The grid's export writes the line beside the order number too.
    const grid = await o.call('export/grid', { source: 'orders', request: { sort: [], filters: {}, search: '' } });
    const g = readTable(Buffer.from(grid.base64!, 'base64'), 'g.xlsx').table;
    expect(g.columns.map((c) => c.header).slice(0, 3)).toEqual(['订单号', '行号', '日期']);
    expect(
      g.rows
        .filter((x) => x.cells[0] === 'L1')
        .map((x) => Number(x.cells[1]))
        .sort(),
    ).toEqual([1, 2]);
    // Counts of orders are of order numbers; sums are over every line (P2.6).
    const customers = await o.call('customers/page', {
      sort: [{ field: 'orders', dir: 'desc' }],
      filters: {},
      search: '',
      limit: 10,
      offset: 0,
    });
    expect(customers.rows.map((c) => [c.name, c.orders, c.revenue])).toEqual([
      ['甲公司', 2, 600],
      ['乙公司', 1, 230],
    ]);
    const info = await o.call('system/info');
    expect(info.counts.orders).toBe(3);
  });

  it('the .xlsx has a bold frozen header, widths, ¥ money, date and number formats, and an autofilter (read with exceljs)', async () => {
    const out = path.join(dir, 'orders-format.xlsx');
    await w.call('export/run', { kind: 'orders', out: { path: out } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('订单编号');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as string[]).slice(1);
    const amountCol = header.indexOf('金额') + 1;
    const dateCol = header.indexOf('下单日期') + 1;
    expect(ws.getRow(2).getCell(amountCol).numFmt).toContain('¥');
    expect(ws.getRow(2).getCell(dateCol).value).toBeInstanceOf(Date);
    expect(ws.getColumn(1).width).toBeGreaterThan(8);
  });

  it('CSV is UTF-8 with BOM; text starting with = + - @ is never a formula, and still imports back as typed', async () => {
    await w.call('staff/create', {
      employeeNo: 'X-1',
      name: '=HYPERLINK("http://evil","点我")',
      title: '+86 销售',
      phone: null,
    });
    const csv = path.join(dir, 'staff-inject.csv');
    await w.call('export/run', { kind: 'staff', out: { path: csv } });
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`X-1,"'=HYPERLINK(""http://evil"",""点我"")"`);
    const xlsx = path.join(dir, 'staff-inject.xlsx');
    await w.call('export/run', { kind: 'staff', out: { path: xlsx } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const row = wb.worksheets[0].getColumn(1).values.findIndex((v) => v === 'X-1');
    const cell = wb.worksheets[0].getRow(row).getCell(2);
    expect(cell.value).toBe('=HYPERLINK("http://evil","点我")');
    expect(cell.formula).toBeUndefined();
    for (const f of [csv, xlsx]) {
      const back = await w.call('import/run', { kind: 'staff', file: { path: f } });
      expect(back.rows.updated, f).toBe(0);
    }
  });

  it('a grid exports what it shows: the same filters, sort and columns as orders/page', async () => {
    const request = {
      sort: [{ field: 'amount', dir: 'desc' as const }],
      filters: { salespersonNo: { type: 'equals' as const, value: 'S0002' } },
      search: '',
    };
    const page = await w.call('orders/page', { ...request, limit: 1000 });
    const r = await w.call('export/grid', {
      source: 'orders',
      request,
      columns: [
        { field: 'orderNo', header: '单号' },
        { field: 'amount', header: '金额' },
      ],
    });
    expect(r.rows).toBe(page.total);
    expect(r.base64).toBeTruthy();
    const t = readTable(Buffer.from(r.base64!, 'base64'), 'g.xlsx').table;
    expect(t.columns.map((c) => c.header)).toEqual(['单号', '金额']);
    expect(t.rows.slice(0, 50).map((x) => [x.cells[0], x.cells[1]])).toEqual(
      page.rows.slice(0, 50).map((x) => [x.orderNo, x.amount]),
    );
    const bad = await w.attempt('export/grid', { source: 'orders', columns: [{ field: 'secret', header: 'x' }] });
    expect(!bad.ok && bad.error.code).toBe('export/unknown-column');
    // Coded values (a customer's stage) are written as the grid shows them, in the user's language.
    const c = await w.call('export/grid', {
      source: 'customers',
      columns: [
        { field: 'code', header: '编号' },
        { field: 'stage', header: '阶段' },
      ],
    });
    const stages = new Set(readTable(Buffer.from(c.base64!, 'base64'), 'c.xlsx').table.rows.map((x) => x.cells[1]));
    expect(stages.size).toBeGreaterThan(1);
    for (const s of stages) expect(['线索', '潜在客户', '客户', '已流失']).toContain(s);
  });

  it('blank templates: headers with * for required fields, one example row, drop-down lists for fixed values; the template imports', async () => {
    const out = path.join(dir, 'staff-template.xlsx');
    await w.call('import/template', { kind: 'staff', out: { path: out } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('工号 *');
    expect(ws.getRow(2).getCell(1).value).toBe('S0101');
    const status = (ws.getRow(1).values as string[]).indexOf('状态');
    const dv = ws.getCell(2, status).dataValidation;
    // A Chinese template speaks Chinese in its cells and its drop-downs too (issue 10 item 14).
    expect(dv).toMatchObject({ type: 'list', formulae: ['"在职,离职"'] });
    expect(ws.getCell(2, status).value).toBe('在职');
    const back = await w.call('import/run', { kind: 'staff', file: { path: out }, dryRun: true });
    expect(back.rows).toMatchObject({ valid: 1, invalid: 0 });
    expect(back.records?.[0]).toMatchObject({ status: 'active' });
  });

  it('every fixed value a template offers, in either language, imports back as that value (issue 10 item 14)', async () => {
    // The customers template's example names salesperson S0101 as the owner.
    await w.attempt('staff/create', { employeeNo: 'S0101', name: '模板示例' });
    for (const lang of ['zh-CN', 'en'] as const) {
      const kinds = await w.attempt('import/kinds', {}, lang);
      if (!kinds.ok) throw new Error(kinds.error.message);
      const labelOf = (kind: string, key: string) =>
        (kinds.value as { kind: string; fields: { key: string; label: string }[] }[])
          .find((k) => k.kind === kind)!
          .fields.find((f) => f.key === key)!.label;
      for (const [kind, key, values] of [
        ['staff', 'status', ['active', 'inactive']],
        ['customers', 'stage', ['lead', 'prospect', 'customer', 'lost']],
      ] as const) {
        const r = await w.attempt('import/template', { kind }, lang);
        if (!r.ok) throw new Error(r.error.message);
        const bytes = Buffer.from((r.value as { base64: string }).base64, 'base64');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const ws = wb.worksheets[0];
        const headers = (ws.getRow(1).values as string[]).map((h) =>
          typeof h === 'string' ? h.replace(/ \*$/, '') : h,
        );
        const col = headers.indexOf(labelOf(kind, key));
        const offered = (ws.getCell(2, col).dataValidation.formulae?.[0] as string).replace(/"/g, '').split(',');
        expect(offered).toHaveLength(values.length);
        if (lang === 'zh-CN') expect(offered.join('')).toMatch(/^[\u4e00-\u9fff]+$/);
        // Each offered word in the example row, read back by the import.
        for (const [i, word] of offered.entries()) {
          ws.getCell(2, col).value = word;
          const file = path.join(dir, `${kind}-${lang}-${i}.xlsx`);
          await wb.xlsx.writeFile(file);
          const back = await w.call('import/run', { kind, file: { path: file }, dryRun: true });
          expect(back.errors, `${lang} ${kind} ${word}`).toEqual([]);
          expect(back.records?.[0]).toMatchObject({ [key]: values[i] });
        }
      }
    }
    // An export from a Chinese window writes the same words.
    const exported = await w.call('export/run', { kind: 'staff', format: 'csv' });
    // Read back by the workbench's own CSV reader: a name with a comma is quoted, so no split(',').
    const table = readTable(Buffer.from(exported.base64!, 'base64'), 'staff.csv', {}).table;
    const at = table.columns.findIndex((c) => c.header === '状态');
    const statuses = new Set(table.rows.map((r) => String(r.cells[at] ?? '')));
    expect(statuses.size).toBeGreaterThan(0);
    expect([...statuses].filter((x) => x !== '在职' && x !== '离职')).toEqual([]);
  });

  it('refuses an output that is not .xlsx/.csv, or a folder it cannot write, and an unknown kind', async () => {
    const results = await Promise.all([
      w.attempt('export/run', { kind: 'orders', out: { path: path.join(dir, 'x.pdf') } }),
      w.attempt('export/run', { kind: 'orders', out: { path: path.join(dir, 'staff.csv', 'x.xlsx') } }),
      w.attempt('export/run', { kind: 'secrets', out: { path: path.join(dir, 'x.xlsx') } }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'file/bad-extension',
      'file/out-dir-missing',
      'export/unknown-kind',
    ]);
  });
});
