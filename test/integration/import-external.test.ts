import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src-main/contract/import';
import { readTable } from '../../src-main/excel/read-table';
import { tmpWorkspace } from '../support/workspace';

/**
 * Each real public spreadsheet in ../shared/fixtures/external (SOURCES.md) either imports through an
 * explicit mapping, checked against an independent reading with SheetJS, or is refused with a clear message.
 */
const X = path.resolve(__dirname, '../../../shared/fixtures/external');
const file = (p: string) => ({ path: path.join(X, p) });
const has = fs.existsSync(X);

/** An independent reading of one sheet with SheetJS: rows of raw values under the header row. */
function sheetjsRows(p: string, sheet?: string): Record<string, unknown>[] {
  const wb = XLSX.read(fs.readFileSync(path.join(X, p)), { type: 'buffer' });
  return XLSX.utils.sheet_to_json(wb.Sheets[sheet ?? wb.SheetNames[0]], { defval: null });
}

describe.skipIf(!has)('real public spreadsheets (issue #3 "Tests")', () => {
  it('Superstore Orders (9,994 lines): orders with orderNo=Row ID; amounts and profits equal SheetJS to the fen', async () => {
    const w = tmpWorkspace();
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: file('Arundumala__Sample-Superstore-Power-BI/Sample - Superstore.xlsx'), mapping: { orderNo: 'Row ID' } });
    expect(r).toMatchObject({ sheet: 'Orders', committed: true, rows: { read: 9994, valid: 9994, inserted: 9994 } });
    const src = sheetjsRows('Arundumala__Sample-Superstore-Power-BI/Sample - Superstore.xlsx', 'Orders');
    const sum = (k: string) => src.reduce((s, x) => s + Math.round(Number(x[k]) * 100), 0);
    const db = w.ws.db;
    expect(db.prepare('SELECT sum(amount) FROM orders').pluck().get()).toBe(sum('Sales'));
    expect(db.prepare('SELECT sum(profit) FROM orders').pluck().get()).toBe(sum('Profit'));
    expect(r.created.customers).toBe(new Set(src.map((x) => x['Customer Name'])).size);
    expect(db.prepare("SELECT date FROM orders WHERE order_no = '1'").pluck().get()).toBe('2018-11-08');
  }, 60_000);

  it('销售记录.xlsx (15,092 lines): salespeople by 销售代表ID; one order per 订单编号 with --skip-invalid, the other lines reported', async () => {
    const w = tmpWorkspace('zh-CN');
    for (let i = 201; i <= 214; i++) await w.call('staff/create', { employeeNo: String(i), name: `代表${i}` });
    const p = 'w1449550206__Pandas-Data-analysis-of-bicycle-sales-record-based-on-pandas/销售记录.xlsx';
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: file(p), skipInvalid: true });
    const src = sheetjsRows(p);
    const orders = new Set(src.map((x) => x['订单编号']));
    expect(r.mapping).toMatchObject({ orderNo: '订单编号', date: '下单日期', customer: '客户名称', salesperson: '销售代表ID', amount: '金额' });
    expect(r.rows.inserted).toBe(orders.size);
    expect(r.rows.invalid + r.rows.skipped + r.rows.valid).toBe(15_092);
    expect(r.errors.every((e) => e.code === 'duplicate-key')).toBe(true);
    const first = src.find((x) => x['订单编号'] === 'SO45266')!;
    expect(w.ws.db.prepare("SELECT o.amount, s.employee_no FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE order_no = 'SO45266'").get()).toEqual({ amount: Math.round(Number(first['金额']) * 100), employee_no: String(first['销售代表ID']) });
  }, 60_000);

  it('2020年销售数据.xlsx: orders with product=品牌 and --skip-invalid (Apple Numbers file; amount = 售价 × 销售数量)', async () => {
    const w = tmpWorkspace('zh-CN');
    const p = 'jackfrued__Python-100-Days/2020年销售数据.xlsx';
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: file(p), mapping: { product: '品牌' }, skipInvalid: true });
    expect(r.mapping).toMatchObject({ orderNo: '销售订单', date: '销售日期', unitPrice: '售价', quantity: '销售数量', channel: '销售渠道' });
    expect(r.mapping.salesperson).toBeUndefined();
    const src = sheetjsRows(p);
    // 销售订单 repeats with different lines: the first line of each order is imported, the others reported.
    const firstLines = new Map<unknown, Record<string, unknown>>();
    for (const x of src) if (!firstLines.has(x['销售订单'])) firstLines.set(x['销售订单'], x);
    expect(r.rows.inserted).toBe(firstLines.size);
    expect(w.ws.db.prepare('SELECT sum(amount) FROM orders').pluck().get()).toBe([...firstLines.values()].reduce((s, x) => s + Math.round(Number(x['售价']) * Number(x['销售数量']) * 100), 0));
  }, 60_000);

  it('Employee Sample Data: staff from the Data sheet (EEID, Full Name, Department, Job Title, Hire/Exit Date), duplicate EEIDs reported', async () => {
    const w = tmpWorkspace();
    const p = 'MAHazard11__EmployeeSampleData/Employee Sample Data _ Salary.xlsx';
    const r = await w.call<ImportResult>('import/run', { kind: 'staff', file: file(p), skipInvalid: true });
    expect(r).toMatchObject({ sheet: 'Data', mapping: { employeeNo: 'EEID', name: 'Full Name', team: 'Department', title: 'Job Title', hireDate: 'Hire Date', leftDate: 'Exit Date' } });
    const src = sheetjsRows(p, 'Data');
    expect(r.rows.inserted).toBe(new Set(src.map((x) => String(x.EEID).toLowerCase())).size);
    const emily = w.ws.db.prepare("SELECT s.name, s.status, s.hire_date AS hire, s.left_date AS leftDate, t.name AS team FROM staff s JOIN teams t ON t.id = s.team_id WHERE employee_no = 'E02387'").get();
    expect(emily).toEqual({ name: 'Emily Davis', status: 'inactive', hire: '2016-04-08', leftDate: '2021-10-16', team: 'IT' });
  }, 60_000);

  it('HRDataset_v14.csv (; separated, BOM, dd/mm/yyyy): staff with name=Nom and manager left unmapped', async () => {
    const w = tmpWorkspace();
    const r = await w.call<ImportResult>('import/run', { kind: 'staff', file: file('DestyM__employee-performance-analysis/HRDataset_v14.csv'), mapping: { name: 'Nom', manager: null }, skipInvalid: true });
    expect(r.format).toBe('csv');
    expect(r.mapping).toMatchObject({ employeeNo: 'EmpID', name: 'Nom', hireDate: 'DateofHires', leftDate: 'DateofTerminations' });
    expect(r.rows.read).toBe(311);
    // The data has leaving dates before hiring dates (a modified copy): those rows are reported, not imported.
    expect(r.errors.every((e) => e.code === 'left-before-hire')).toBe(true);
    expect(r.rows.inserted).toBe(311 - r.rows.invalid);
    expect(w.ws.db.prepare("SELECT hire_date FROM staff WHERE employee_no = '10026'").pluck().get()).toBe('1970-04-06');
  });

  it('List of Orders.csv: customers (CustomerName, State, City); identical repeats skipped, conflicting ones reported', async () => {
    const w = tmpWorkspace();
    const r = await w.call<ImportResult>('import/run', { kind: 'customers', file: file('NikkiMittal__E-Commerce-Sales-Analysis/List of Orders.csv'), skipInvalid: true });
    expect(r.mapping).toEqual({ name: 'CustomerName', province: 'State', city: 'City' });
    expect(r.rows.inserted).toBe(332);
    expect(r.rows.skipped).toBe(96);
  });

  it('Final Dataset and Dashboard.xlsx: the Order Details sheet among pivots; dd-mm-yyyy dates read day first', async () => {
    const w = tmpWorkspace();
    const r = await w.call<ImportResult>('import/run', { kind: 'orders', file: file('NikkiMittal__E-Commerce-Sales-Analysis/Final Dataset and Dashboard.xlsx'), dryRun: true });
    expect(r.sheet).toBe('Order Details');
    expect(r.records![0]).toMatchObject({ orderNo: 'B-25602', date: '2018-04-01', amount: 561, profit: 212 });
    expect(r.errors.filter((e) => e.code === 'not-a-date').map((e) => e.value)).toEqual(['17-04-2018000', '12-04-201800']);
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
    const forms = readTable(fs.readFileSync(path.join(X, 'RafahAlghanmi__Customer-Satisfaction-Analysis-PowerBI/استطلاع رضا العملاء Customer Satisfaction Survey.xlsx')), 'f.xlsx');
    expect(forms.table.rows).toHaveLength(50);
    const report = readTable(fs.readFileSync(path.join(X, 'samanatt__A-Data-Cleansing-Journey-with-Microsoft-Power-BI/Report02.xlsx')), 'r.xlsx');
    expect(report.table).toMatchObject({ groupRow: 1, headerRow: 2 });
    expect(report.table.columns.map((c) => c.header)).toContain('سه ماهه');
    const sales = readTable(fs.readFileSync(path.join(X, 'samanatt__A-Data-Cleansing-Journey-with-Microsoft-Power-BI/Sales Report.xlsx')), 's.xlsx');
    expect(sales.table.skipped.filter((s) => s.reason === 'total')).toHaveLength(7);
  });
});
