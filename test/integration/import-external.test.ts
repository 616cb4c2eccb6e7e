import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/excel/read-table';
import { tmpWorkspace } from '../support/workspace';

/**
 * Each real public spreadsheet in test/fixtures/external (SOURCES.md) either imports through an
 * explicit mapping, checked against an independent reading with SheetJS, or is refused with a clear message.
 */
const X = path.resolve(__dirname, '../fixtures/external');
const file = (p: string) => ({ path: path.join(X, p) });

/** An independent reading of one sheet with SheetJS: rows of raw values under the header row. */
function sheetjsRows(p: string, sheet?: string): Record<string, unknown>[] {
  const wb = XLSX.read(fs.readFileSync(path.join(X, p)), { type: 'buffer' });
  return XLSX.utils.sheet_to_json(wb.Sheets[sheet ?? wb.SheetNames[0]], { defval: null });
}

describe('real public spreadsheets (issue #3 "Tests")', () => {
  it('P2.6 Superstore Orders (9,994 lines): every order line imported by Order ID, one identical repeat skipped; sums to the fen and order count equal SheetJS', async () => {
    const w = tmpWorkspace();
    const p = 'Arundumala__Sample-Superstore-Power-BI/Sample - Superstore.xlsx';
    const r = await w.call('import/run', { kind: 'orders', file: file(p) });
    // Row ID numbers the sheet's rows, not the lines of an order: it is left unmapped.
    expect(r.mapping).toEqual({
      orderNo: 'Order ID',
      date: 'Order Date',
      customer: 'Customer Name',
      product: 'Product Name',
      quantity: 'Quantity',
      amount: 'Sales',
      profit: 'Profit',
    });
    const src = sheetjsRows(p, 'Orders');
    // Independently: a line identical in every mapped column to an earlier line of its order is a repeat.
    const mapped = Object.values(r.mapping) as string[];
    const seen = new Set<string>();
    const repeats: number[] = [];
    src.forEach((x, i) => {
      const sig = JSON.stringify(mapped.map((h) => x[h]));
      if (seen.has(sig)) repeats.push(i);
      seen.add(sig);
    });
    expect(repeats).toHaveLength(1);
    expect(r).toMatchObject({
      sheet: 'Orders',
      committed: true,
      rows: {
        read: 9994,
        valid: 9994 - repeats.length,
        invalid: 0,
        skipped: repeats.length,
        inserted: 9994 - repeats.length,
      },
    });
    expect(r.skippedRows).toEqual(repeats.map((i) => ({ row: i + 2, reason: 'duplicate' })));
    const fen = (v: unknown) => Math.round(Number(v) * 100);
    const sum = (k: string) => src.reduce((s, x) => s + fen(x[k]), 0) - repeats.reduce((s, i) => s + fen(src[i][k]), 0);
    const db = w.ws.db;
    expect(db.prepare('SELECT sum(amount) FROM orders').pluck().get()).toBe(sum('Sales'));
    expect(db.prepare('SELECT sum(profit) FROM orders').pluck().get()).toBe(sum('Profit'));
    expect(db.prepare('SELECT count(DISTINCT order_no) FROM orders').pluck().get()).toBe(
      new Set(src.map((x) => x['Order ID'])).size,
    );
    expect(r.created.customers).toBe(new Set(src.map((x) => x['Customer Name'])).size);
    // The lines of an order, in sheet order.
    const lines = src
      .filter((x) => x['Order ID'] === 'CA-2018-152156')
      .map((x, i) => ({ line: i + 1, amount: fen(x.Sales) }));
    expect(lines.length).toBeGreaterThan(1);
    expect(db.prepare("SELECT line, amount FROM orders WHERE order_no = 'CA-2018-152156' ORDER BY line").all()).toEqual(
      lines,
    );
    expect(db.prepare("SELECT DISTINCT date FROM orders WHERE order_no = 'CA-2018-152156'").pluck().all()).toEqual([
      '2018-11-08',
    ]);
  }, 60_000);

  it('P2.6 销售记录.xlsx (15,092 lines): salespeople by 销售代表ID; every line of every 订单编号 imported, sum and order count equal SheetJS', async () => {
    const w = tmpWorkspace('zh-CN');
    for (let i = 201; i <= 214; i++) await w.call('staff/create', { employeeNo: String(i), name: `代表${i}` });
    const p = 'w1449550206__Pandas-Data-analysis-of-bicycle-sales-record-based-on-pandas/销售记录.xlsx';
    const r = await w.call('import/run', { kind: 'orders', file: file(p) });
    const src = sheetjsRows(p);
    expect(r.mapping).toMatchObject({
      orderNo: '订单编号',
      date: '下单日期',
      customer: '客户名称',
      salesperson: '销售代表ID',
      amount: '金额',
    });
    expect(r.mapping.line).toBeUndefined();
    expect(r).toMatchObject({
      committed: true,
      rows: { read: 15_092, valid: 15_092, invalid: 0, skipped: 0, inserted: 15_092 },
    });
    const db = w.ws.db;
    expect(db.prepare('SELECT sum(amount) FROM orders').pluck().get()).toBe(
      src.reduce((s, x) => s + Math.round(Number(x['金额']) * 100), 0),
    );
    expect(db.prepare('SELECT count(DISTINCT order_no) FROM orders').pluck().get()).toBe(
      new Set(src.map((x) => x['订单编号'])).size,
    );
    const lines = src
      .filter((x) => x['订单编号'] === 'SO45266')
      .map((x, i) => ({
        line: i + 1,
        amount: Math.round(Number(x['金额']) * 100),
        employee_no: String(x['销售代表ID']),
      }));
    expect(
      db
        .prepare(
          "SELECT o.line, o.amount, s.employee_no FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE order_no = 'SO45266' ORDER BY o.line",
        )
        .all(),
    ).toEqual(lines);
    // Re-importing the same file changes nothing.
    const again = await w.call('import/run', { kind: 'orders', file: file(p) });
    expect(again.rows).toMatchObject({ inserted: 0, updated: 0, unchanged: 15_092 });
  }, 120_000);

  it('P2.6 2020年销售数据.xlsx: product=品牌; a 销售订单 recurring on other dates is reported (lines share the order date), the rest imported with --skip-invalid', async () => {
    const w = tmpWorkspace('zh-CN');
    const p = 'jackfrued__Python-100-Days/2020年销售数据.xlsx';
    const r = await w.call('import/run', {
      kind: 'orders',
      file: file(p),
      mapping: { product: '品牌' },
      skipInvalid: true,
    });
    expect(r.mapping).toMatchObject({
      orderNo: '销售订单',
      date: '销售日期',
      unitPrice: '售价',
      quantity: '销售数量',
      channel: '销售渠道',
    });
    expect(r.mapping.salesperson).toBeUndefined();
    const src = sheetjsRows(p);
    // Independently: an order's date is that of its first row; a row on another date is a problem.
    const orderDate = new Map<unknown, unknown>();
    const kept: Record<string, unknown>[] = [];
    let conflicts = 0;
    for (const x of src) {
      if (!orderDate.has(x['销售订单'])) orderDate.set(x['销售订单'], x['销售日期']);
      if (orderDate.get(x['销售订单']) === x['销售日期']) kept.push(x);
      else conflicts++;
    }
    expect(r.rows).toMatchObject({ read: 1945, invalid: conflicts, skipped: 0, inserted: kept.length });
    expect(r.errorsTotal).toBe(conflicts);
    expect(r.errors.every((e) => e.code === 'order-header-conflict' && e.field === 'date')).toBe(true);
    const db = w.ws.db;
    expect(db.prepare('SELECT sum(amount) FROM orders').pluck().get()).toBe(
      kept.reduce((s, x) => s + Math.round(Number(x['售价']) * Number(x['销售数量']) * 100), 0),
    );
    expect(db.prepare('SELECT count(DISTINCT order_no) FROM orders').pluck().get()).toBe(
      new Set(src.map((x) => x['销售订单'])).size,
    );
  }, 60_000);

  it('Employee Sample Data: staff from the Data sheet (EEID, Full Name, Department, Job Title, Hire/Exit Date), duplicate EEIDs reported', async () => {
    const w = tmpWorkspace();
    const p = 'MAHazard11__EmployeeSampleData/Employee Sample Data _ Salary.xlsx';
    const r = await w.call('import/run', { kind: 'staff', file: file(p), skipInvalid: true });
    expect(r).toMatchObject({
      sheet: 'Data',
      mapping: {
        employeeNo: 'EEID',
        name: 'Full Name',
        team: 'Department',
        title: 'Job Title',
        hireDate: 'Hire Date',
        leftDate: 'Exit Date',
      },
    });
    const src = sheetjsRows(p, 'Data');
    expect(r.rows.inserted).toBe(new Set(src.map((x) => String(x.EEID).toLowerCase())).size);
    const emily = w.ws.db
      .prepare(
        "SELECT s.name, s.status, s.hire_date AS hire, s.left_date AS leftDate, t.name AS team FROM staff s JOIN teams t ON t.id = s.team_id WHERE employee_no = 'E02387'",
      )
      .get();
    expect(emily).toEqual({
      name: 'Emily Davis',
      status: 'inactive',
      hire: '2016-04-08',
      leftDate: '2021-10-16',
      team: 'IT',
    });
  }, 60_000);

  it('HRDataset_v14.csv (; separated, BOM, dd/mm/yyyy): staff with name=Nom and manager left unmapped', async () => {
    const w = tmpWorkspace();
    const r = await w.call('import/run', {
      kind: 'staff',
      file: file('DestyM__employee-performance-analysis/HRDataset_v14.csv'),
      mapping: { name: 'Nom', manager: null },
      skipInvalid: true,
    });
    expect(r.format).toBe('csv');
    expect(r.mapping).toMatchObject({
      employeeNo: 'EmpID',
      name: 'Nom',
      hireDate: 'DateofHires',
      leftDate: 'DateofTerminations',
    });
    expect(r.rows.read).toBe(311);
    // The data has leaving dates before hiring dates (a modified copy): those rows are reported, not imported.
    expect(r.errors.every((e) => e.code === 'left-before-hire')).toBe(true);
    expect(r.rows.inserted).toBe(311 - r.rows.invalid);
    expect(w.ws.db.prepare("SELECT hire_date FROM staff WHERE employee_no = '10026'").pluck().get()).toBe('1970-04-06');
  });

  it('List of Orders.csv: customers (CustomerName, State, City); identical repeats skipped, conflicting ones reported', async () => {
    const w = tmpWorkspace();
    const r = await w.call('import/run', {
      kind: 'customers',
      file: file('NikkiMittal__E-Commerce-Sales-Analysis/List of Orders.csv'),
      skipInvalid: true,
    });
    expect(r.mapping).toEqual({ name: 'CustomerName', province: 'State', city: 'City' });
    expect(r.rows.inserted).toBe(332);
    expect(r.rows.skipped).toBe(96);
  });

  it('Final Dataset and Dashboard.xlsx: the Order Details sheet among pivots; dd-mm-yyyy dates read day first', async () => {
    const w = tmpWorkspace();
    const r = await w.call('import/run', {
      kind: 'orders',
      file: file('NikkiMittal__E-Commerce-Sales-Analysis/Final Dataset and Dashboard.xlsx'),
      dryRun: true,
    });
    expect(r.sheet).toBe('Order Details');
    expect(r.records![0]).toMatchObject({ orderNo: 'B-25602', date: '2018-04-01', amount: 561, profit: 212 });
    expect(r.errors.filter((e) => e.code === 'not-a-date').map((e) => e.value)).toEqual([
      '17-04-2018000',
      '12-04-201800',
    ]);
  });

  const refused: [string, string, string, Record<string, unknown>][] = [
    ['nushell__nushell/sample_data.xlsx', 'orders', 'SalesOrders', {}],
    ['jonesteven0504__DataAnaly_ForBeginners/销售数据.xlsx', 'orders', '销售数据', {}],
    ['NikkiMittal__E-Commerce-Sales-Analysis/Order Details.csv', 'orders', 'Order Details', {}],
    ['samanatt__A-Data-Cleansing-Journey-with-Microsoft-Power-BI/Sales Report.xlsx', 'staff', 'Sales', {}],
    ['18335209722__ynk/绩效考核表.xlsx', 'staff', 'Sheet1', {}],
    ['rogerchenfz__office-automation/按部门分页.xlsx', 'orders', '销售部', { sheet: '销售部' }],
    ['rogerchenfz__office-automation/2020-6-14销售部周报.xlsx', 'customers', 'Sheet1', {}],
  ];
  for (const [p, kind, sheet, extra] of refused) {
    it(`${p} as ${kind}: refused, naming the sheet, the missing fields and the columns it has`, async () => {
      const w = tmpWorkspace();
      const r = await w.attempt('import/run', { kind, file: file(p), ...extra });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('import/missing-columns');
        expect(r.error.message).toContain(`"${sheet}"`);
      }
    });
  }

  it('survey and layout-only files open with the reader (the survey engineer imports them): .xls, bilingual, two-row merged header', () => {
    const xls = readTable(fs.readFileSync(path.join(X, 'gasongjian__reportgen/[问卷星数据]800_800_0.xls')), 'a.xls');
    expect(xls).toMatchObject({ format: 'xls', table: { headerRow: 1 } });
    expect(xls.table.rows).toHaveLength(800);
    expect(xls.table.columns[6].header).toBe('1、手机部数');
    const forms = readTable(
      fs.readFileSync(
        path.join(
          X,
          'RafahAlghanmi__Customer-Satisfaction-Analysis-PowerBI/استطلاع رضا العملاء Customer Satisfaction Survey.xlsx',
        ),
      ),
      'f.xlsx',
    );
    expect(forms.table.rows).toHaveLength(50);
    const report = readTable(
      fs.readFileSync(path.join(X, 'samanatt__A-Data-Cleansing-Journey-with-Microsoft-Power-BI/Report02.xlsx')),
      'r.xlsx',
    );
    expect(report.table).toMatchObject({ groupRow: 1, headerRow: 2 });
    expect(report.table.columns.map((c) => c.header)).toContain('سه ماهه');
    const sales = readTable(
      fs.readFileSync(path.join(X, 'samanatt__A-Data-Cleansing-Journey-with-Microsoft-Power-BI/Sales Report.xlsx')),
      's.xlsx',
    );
    expect(sales.table.skipped.filter((s) => s.reason === 'total')).toHaveLength(7);
  });
});
