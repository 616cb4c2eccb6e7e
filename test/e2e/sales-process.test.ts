import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir } from '../support/workspace';

// Issue 14 in a browser: move a card on the board, approve a contract, see a breached ticket and resolve one.
const dataDir = tmpDir('wb-e2e-sales-');
const db = readDatabase(dataDir);
const one = <T>(sql: string, ...args: unknown[]) =>
  db(
    (d) =>
      d
        .prepare(sql)
        .pluck()
        .get(...args) as T,
  );

const wb = workbenchInBrowser(dataDir, async (ws) => {
  seedSalesCompany(ws.db);
  const call = (name: string, input: unknown) => dispatch(ws, name, input, { lang: 'en', actor: 'tester' });
  await call('opportunities/create', {
    title: '门禁改造',
    customerId: 1,
    staffId: 2,
    amount: 200_000,
    expectedDate: dayjs().add(20, 'day').format('YYYY-MM-DD'),
  });
  await call('contracts/create', {
    contractNo: 'HT-E2E',
    customerId: 1,
    ownerId: 2,
    amount: 600_000,
    instalments: [{ dueDate: '2026-12-31', amount: 600_000 }],
  });
  await call('contracts/checklist', {
    contract: 'HT-E2E',
    items: { price: true, payment: true, delivery: true, penalty: true },
  });
  await call('contracts/submit', { contract: 'HT-E2E' });
  // a critical ticket opened a month ago (9 working hours to resolve): breached; a fresh one still within target
  await call('tickets/create', {
    ticketNo: 'SR-OLD',
    customerId: 1,
    severity: 'critical',
    department: '售后服务部',
    openedAt: `${dayjs().subtract(30, 'day').format('YYYY-MM-DD')}T09:00`,
  });
  await call('tickets/create', { ticketNo: 'SR-NEW', customerId: 1, severity: 'medium', department: '售后服务部' });
  // a contract with its signed scan (P3.3), for the browser's download
  const scan = path.join(tmpDir('wb-e2e-scan-'), 'signed.pdf');
  fs.writeFileSync(scan, '%PDF-1.4 signed HT-SCAN');
  await call('contracts/create', {
    contractNo: 'HT-SCAN',
    customerId: 2,
    ownerId: 5,
    amount: 1_000,
    instalments: [{ dueDate: '2026-12-31', amount: 1_000 }],
  });
  await call('contracts/attach', { contract: 'HT-SCAN', file: { path: scan } });
});
const open = (hash: string): Promise<Page> => wb.open(hash, { downloads: true });

/** Picks an option of an antd select by typing part of its label. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('the sales process screens (P3.1, P3.3, P4.6)', () => {
  it('P3.1 moves a card by keyboard and by drag and drop; the stage history records both', async () => {
    const page = await open('#/pipeline');
    const card = page.getByTestId('card-1');
    await card.waitFor({ timeout: 120_000 });
    await card.focus();
    await card.press('ArrowRight');
    await expect.poll(() => one('SELECT stage FROM opportunities WHERE id = 1')).toBe('proposal');
    await page.getByTestId('stage-proposal').getByTestId('card-1').dragTo(page.getByTestId('stage-negotiation'));
    await expect.poll(() => one('SELECT stage FROM opportunities WHERE id = 1')).toBe('negotiation');
    expect(one('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = 1')).toBe(3);
  });

  it('P3.3 completes the checklist and approves as the owner’s manager', async () => {
    const page = await open('#/contracts');
    await page.getByTestId('contract-HT-E2E').click();
    const drawer = page.getByTestId('contract-drawer');
    await drawer.getByTestId('approve').click();
    // the checklist is not complete yet: refused, nothing written
    await page.getByText('is not complete').waitFor();
    expect(one("SELECT status FROM contracts WHERE contract_no = 'HT-E2E'")).toBe('in_review');
    await drawer.getByTestId('check-legal').click();
    await expect.poll(() => one("SELECT checklist_by FROM contracts WHERE contract_no = 'HT-E2E'")).not.toBeNull();
    await drawer.getByTestId('approve').click();
    await expect.poll(() => one("SELECT status FROM contracts WHERE contract_no = 'HT-E2E'")).toBe('approved');
    expect(
      one("SELECT count(*) FROM contract_approvals a JOIN staff s ON s.id = a.approver_id WHERE s.employee_no = 'M1'"),
    ).toBe(1);
  });

  it('P4.6 shows the breached ticket and, after resolving the fresh one, the share within target rises', async () => {
    const page = await open('#/service');
    const old = page.getByTestId('ticket-SR-OLD');
    await old.waitFor({ timeout: 60_000 });
    expect(await old.getByTestId('sla-tag').textContent()).toBe('Breached');
    expect(await old.getAttribute('class')).toContain('wb-sla-breached');
    // due: only the breached one (0 of 1 within target)
    await expect.poll(() => page.getByTestId('kpi-within').locator('.ant-statistic-content').textContent()).toBe('0%');
    await page.getByTestId('ticket-SR-NEW').getByTestId('do-resolve').click();
    await expect.poll(() => one("SELECT status FROM tickets WHERE ticket_no = 'SR-NEW'")).toBe('resolved');
    // resolved within its 27 working hours: 1 of 2 due tickets within target
    await expect.poll(() => page.getByTestId('kpi-within').locator('.ant-statistic-content').textContent()).toBe('50%');
    expect(await page.getByTestId('ticket-SR-NEW').getByTestId('sla-tag').textContent()).toBe('Met');
    expect(one("SELECT followup_due FROM tickets WHERE ticket_no = 'SR-NEW'")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('P4.4 the ticket form: refuses what is missing in the window’s words, then opens the ticket with every field', async () => {
    const page = await open('#/service');
    await page.getByTestId('new-ticket').click();
    const before = one<number>('SELECT count(*) FROM tickets');
    await page.getByTestId('ticket-form-ok').click();
    await page.getByText('Customer is required.').waitFor();
    await page.getByText('Department responsible is required.').waitFor();
    await page.getByText('Description is required.').waitFor();
    expect(one('SELECT count(*) FROM tickets')).toBe(before);
    await choose(page, 'ticket-customer', '客户甲');
    await choose(page, 'ticket-department', '技术支持部');
    await page.getByTestId('ticket-order').fill('O4'); // 客户乙's order: the service refuses it
    await page.getByTestId('ticket-description').fill('门禁无法开门');
    await page.getByTestId('ticket-complaint').check();
    await page.getByTestId('ticket-form-ok').click();
    await page.getByText('Order O4 belongs to another customer').waitFor();
    expect(one('SELECT count(*) FROM tickets')).toBe(before);
    await page.getByTestId('ticket-order').fill('O1');
    await page.getByTestId('ticket-form-ok').click();
    await expect.poll(() => one('SELECT count(*) FROM tickets')).toBe(before + 1);
    expect(
      db((d) =>
        d
          .prepare(
            "SELECT t.complaint, t.department, t.description, o.order_no AS orderNo FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.description = '门禁无法开门'",
          )
          .get(),
      ),
    ).toEqual({ complaint: 1, department: '技术支持部', description: '门禁无法开门', orderNo: 'O1' });
  });

  it('exports the tickets list as .xlsx with a frozen header, filters and hours as numbers', async () => {
    const page = await open('#/service');
    await page.getByTestId('ticket-SR-OLD').waitFor({ timeout: 60_000 });
    await page.getByTestId('tickets-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('tickets-export-xlsx').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const no = headers.indexOf('Ticket') + 1;
    const target = headers.indexOf('Target hours') + 1;
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    expect(rows.length).toBe(one('SELECT count(*) FROM tickets'));
    const old = rows.find((r) => r.getCell(no).value === 'SR-OLD')!;
    expect(old.getCell(target).value).toBe(9);
  });

  it('P3.3 browser mode downloads the checked signed scan', async () => {
    const page = await open('#/contracts');
    await page.getByTestId('contract-HT-SCAN').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('contract-drawer').getByTestId('open-scan').click(),
    ]);
    expect(download.suggestedFilename()).toBe('signed.pdf');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe('%PDF-1.4 signed HT-SCAN');
  });

  it('Settings → sales process: refuses a falling probability in place, saves the threshold and audits it', async () => {
    const page = await open('#/settings');
    const card = page.getByTestId('settings-sales');
    await card.waitFor({ timeout: 60_000 });
    await card.getByTestId('prob-demo').fill('20');
    await card.getByTestId('save-pipeline').click();
    await card.getByText('A later stage cannot imply a lower probability than the stage before it.').waitFor();
    await card.getByTestId('prob-demo').fill('45');
    await card.getByTestId('coverage-threshold').fill('2.5');
    await card.getByTestId('save-pipeline').click();
    await expect
      .poll(() => one<number>("SELECT count(*) FROM audit_log WHERE entity_id = 'pipeline.settings'"))
      .toBe(1);
    const saved = JSON.parse(one<string>("SELECT value FROM settings WHERE key = 'pipeline.settings'")) as {
      coverageThreshold: number;
      probabilities: { demo: number };
    };
    expect(saved).toMatchObject({ coverageThreshold: 2.5, probabilities: { demo: 45 } });
  });

  it('exports the contracts grid with amounts as numbers in a money format', async () => {
    const page = await open('#/contracts');
    await page.getByTestId('contract-HT-SCAN').waitFor({ timeout: 60_000 });
    await page.getByTestId('contracts-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('contracts-export-xlsx').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const no = headers.indexOf('Contract') + 1;
    const amount = headers.indexOf('Amount') + 1;
    expect(sheet.rowCount - 1).toBe(one('SELECT count(*) FROM contracts'));
    const row = (sheet.getRows(2, sheet.rowCount - 1) ?? []).find((r) => r.getCell(no).value === 'HT-E2E')!;
    expect(row.getCell(amount).value).toBe(600_000);
    expect(row.getCell(amount).numFmt).toMatch(/0\.00/);
  });
});
