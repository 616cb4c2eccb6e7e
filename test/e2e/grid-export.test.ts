import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 3, item 9: every grid exports what it shows (filters, sort, search) as .xlsx / CSV.
const dataDir = tmpDir('wb-e2e-export-');
const TODAY = /^\d{4}-\d{2}-\d{2}$/;

const db = readDatabase(dataDir);

const wb = workbenchInBrowser(dataDir, async (ws) => {
  const r = await dispatch(ws, 'demo/create', { size: 'small' }, { lang: 'en', actor: 'tester' });
  expect(r.ok).toBe(true);
});
const openPage = (hash: string): Promise<Page> => wb.open(hash, { downloads: true });

/** Opens "Export ▾", picks a format and waits for the file the browser downloads. */
async function exportAs(
  page: Page,
  testId: string,
  format: 'xlsx' | 'csv',
): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId(testId).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(`${testId}-${format}`).click(),
  ]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

async function readSheet(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);
const column = (sheet: ExcelJS.Worksheet, header: string) => headers(sheet).indexOf(header) + 1;
const plainFormat = (f: string | undefined) => (f ?? '').replace(/"/g, '');

describe('export what the grid shows', () => {
  it('exports the filtered, sorted orders grid: exactly the matching rows, bold frozen header, money as money', async () => {
    const top = db(
      (d) =>
        d
          .prepare(
            'SELECT s.name FROM orders o JOIN staff s ON s.id = o.salesperson_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1',
          )
          .get() as { name: string },
    );
    const expected = db(
      (d) =>
        d
          .prepare(
            "SELECT count(*) AS n FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE s.name LIKE '%' || ? || '%'",
          )
          .get(top.name) as { n: number },
    ).n;
    const all = db((d) => (d.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);

    const page = await openPage('#/orders');
    await page
      .getByTestId('orders-grid-total')
      .getByText(/order lines?$/)
      .waitFor({ timeout: 120_000 });
    // The salesperson column's floating filter (text contains; after order no., line, date and customer), then sort by amount, ascending.
    const filterInput = page.locator('.ag-floating-filter[aria-colindex]').nth(4).locator('input');
    await filterInput.fill(top.name);
    await page
      .getByTestId('orders-grid-total')
      .getByText(`${expected.toLocaleString('en')} order`)
      .waitFor();
    // Amount sits beyond the window's width (AG Grid renders only the columns in view): scroll to it first.
    await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.locator('.ag-header-cell[col-id="amount"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="amount"][aria-sort="ascending"]').waitFor();

    const { download, bytes } = await exportAs(page, 'orders-grid-export', 'xlsx');
    const name = download.suggestedFilename();
    expect(name.startsWith('orders-')).toBe(true);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name.slice('orders-'.length, -'.xlsx'.length)).toMatch(TODAY);

    const sheet = await readSheet(bytes);
    expect(sheet.actualRowCount - 1).toBe(expected);
    expect(headers(sheet)).toEqual([
      'Order no.',
      'Line',
      'Date',
      'Customer',
      'Salesperson',
      'Team',
      'Product',
      'Category',
      'Channel',
      'Qty',
      'Unit price',
      'Amount',
      'Profit',
    ]);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const amount = column(sheet, 'Amount');
    expect(plainFormat(sheet.getCell(2, amount).numFmt)).toBe('¥#,##0.00');
    expect(plainFormat(sheet.getCell(2, column(sheet, 'Profit')).numFmt)).toBe('¥#,##0.00');
    expect(sheet.getCell(2, column(sheet, 'Date')).value).toBeInstanceOf(Date);

    // Every row is the filtered salesperson's, in ascending amount, and the order numbers are exactly the database's.
    const rows: { orderNo: string; who: string; amount: number }[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1)
        rows.push({
          orderNo: String(row.getCell(1).value),
          who: String(row.getCell(column(sheet, 'Salesperson')).value),
          amount: Number(row.getCell(amount).value),
        });
    });
    expect(rows.every((r) => r.who.includes(top.name))).toBe(true);
    expect(rows.every((r, i) => i === 0 || rows[i - 1].amount <= r.amount)).toBe(true);
    const dbOrders = db(
      (d) =>
        d
          .prepare(
            "SELECT o.order_no AS no, o.amount / 100.0 AS amount FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE s.name LIKE '%' || ? || '%'",
          )
          .all(top.name) as { no: string; amount: number }[],
    );
    expect(new Set(rows.map((r) => r.orderNo))).toEqual(new Set(dbOrders.map((r) => r.no)));
    const byNo = new Map(dbOrders.map((r) => [r.no, r.amount]));
    expect(rows.every((r) => Math.abs(byNo.get(r.orderNo)! - r.amount) < 0.005)).toBe(true);
    await page.context().close();
  });

  it('exports every order as CSV, UTF-8 with BOM (the long-job path)', async () => {
    const all = db((d) => (d.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n);
    const page = await openPage('#/orders');
    await page
      .getByTestId('orders-grid-total')
      .getByText(`${all.toLocaleString('en')} order lines`)
      .waitFor({ timeout: 120_000 });
    const { download, bytes } = await exportAs(page, 'orders-grid-export', 'csv');
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    expect(lines.length - 1).toBe(all);
    await page.context().close();
  });

  it('exports the roster as displayed after a quick search and a sort, in its visible columns', async () => {
    const term = '华东区';
    // Independently of the grid: the people whose team is that region (no other roster field holds a region's name).
    const expected = db(
      (d) =>
        d
          .prepare(
            'SELECT s.employee_no AS no, s.hire_date AS hired FROM staff s JOIN teams t ON t.id = s.team_id WHERE t.name = ? ORDER BY s.hire_date, s.employee_no',
          )
          .all(term) as { no: string; hired: string | null }[],
    );
    const total = db((d) => (d.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(total);

    const page = await openPage('#/team');
    await page.locator('.ag-row[row-index="0"] [col-id="employeeNo"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('staff-search').fill(term);
    await page.locator('.ag-header-cell[col-id="hireDate"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="hireDate"][aria-sort="ascending"]').waitFor();

    const { download, bytes } = await exportAs(page, 'staff-export', 'xlsx');
    expect(download.suggestedFilename()).toMatch(/^salespeople-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(bytes);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The grid's own headers, without the actions column.
    expect(headers(sheet)).toEqual([
      'Employee no.',
      'Name',
      'Team',
      'Title',
      'Manager',
      'Hire date',
      'Phone',
      'E-mail',
      'Status',
    ]);
    expect(sheet.actualRowCount - 1).toBe(expected.length);
    const nos: string[] = [];
    const hired: (string | null)[] = [];
    const hireCol = column(sheet, 'Hire date');
    sheet.eachRow((row, i) => {
      if (i === 1) return;
      nos.push(String(row.getCell(1).value));
      const v = row.getCell(hireCol).value;
      hired.push(v instanceof Date ? v.toISOString().slice(0, 10) : null);
      expect(row.getCell(column(sheet, 'Team')).value).toBe(term);
    });
    expect(new Set(nos)).toEqual(new Set(expected.map((e) => e.no)));
    // Sorted by hire date as the grid shows it, and written as real dates.
    expect(hired.filter((h) => h != null)).toEqual(
      expected
        .map((e) => e.hired)
        .filter((h) => h != null)
        .sort(),
    );
    expect(plainFormat(sheet.getCell(2, hireCol).numFmt)).toMatch(/yyyy/);
    await page.context().close();
  });
});
