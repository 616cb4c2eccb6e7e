import dayjs from 'dayjs';
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
});
const open = (hash: string): Promise<Page> => wb.open(hash);

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
});
