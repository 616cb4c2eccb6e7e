import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 15 items 7–8 (P2.6, P5.6): generate a monthly report, comment on it, print it to PDF and reopen it as it was.
const dataDir = tmpDir('wb-e2e-sales-report-');
const db = readDatabase(dataDir);
const wb = workbenchInBrowser(dataDir, async (ws) => {
  const r = await dispatch(
    ws,
    'demo/create',
    { size: 'small', seed: 5, today: '2026-07-15' },
    { lang: 'en', actor: 'tester' },
  );
  if (!r.ok) throw new Error(r.error.message);
});

describe('the monthly sales report in browser mode', () => {
  it('generates, comments, prints to PDF and reopens the kept report with its comment', async () => {
    const page = await wb.open('#/reports?period=2026-06', { downloads: true });
    await page.getByTestId('report-generate').click({ timeout: 120_000 });
    await page.getByTestId('report-view').waitFor({ timeout: 60_000 });
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect
      .poll(async () => frame.locator('h1').textContent(), { timeout: 30_000 })
      .toContain('Monthly sales report 2026-06');

    await page.getByTestId('comment-summary').fill('Ahead of plan; the east carried the month.');
    await page.getByTestId('comment-save-summary').click();
    await expect
      .poll(
        () => db((d) => d.prepare("SELECT body FROM sales_report_comments WHERE section = 'summary'").pluck().get()),
        { timeout: 20_000 },
      )
      .toBe('Ahead of plan; the east carried the month.');
    await expect
      .poll(async () => frame.locator('.comment').first().textContent(), { timeout: 20_000 })
      .toContain('the east carried the month');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe('sales-report-2026-06.pdf');
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Back to the list and reopen: same report, same comment, figures as they were
    const actual = db(
      (d) => JSON.parse(d.prepare('SELECT data FROM sales_reports').pluck().get() as string).summary.actual as number,
    );
    await page.getByText('All reports').click();
    const id = db((d) => d.prepare('SELECT id FROM sales_reports').pluck().get() as number);
    await page.getByTestId(`open-report-${id}`).click();
    await page.getByTestId('report-view').waitFor();
    await expect
      .poll(() => page.getByTestId('comment-summary').inputValue(), { timeout: 20_000 })
      .toBe('Ahead of plan; the east carried the month.');
    const money = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
    }).format(actual);
    await expect
      .poll(async () => frame.locator('section[data-section="summary"]').textContent(), { timeout: 20_000 })
      .toContain(money);
    await page.context().close();
  }, 240_000);

  it('the home page opens with its tiles, and each tile opens the screen behind it, filtered', async () => {
    // each tile from a fresh home page
    const fromHome = async (tile: string) => {
      const page = await wb.open('#/home');
      await page.getByTestId(tile).waitFor({ timeout: 120_000 });
      const text = (await page.getByTestId(tile).textContent()) ?? '';
      await page.getByTestId(tile).click();
      return { page, text };
    };
    const behind = await fromHome('home-behind');
    await expect.poll(() => behind.page.url()).toContain('#/plans?tab=suggestions&period=2026-06');
    await behind.page.context().close();

    // overdue visits: the Visits screen with only the overdue customers in its list, as many as the tile said
    const visits = await fromHome('home-visits');
    const page = visits.page;
    await expect.poll(() => page.url()).toContain('#/visits?status=overdue');
    const overdue = Number(visits.text.replace(/\D/g, ''));
    await expect
      .poll(async () => Number((await page.getByTestId('overdue-count').textContent())?.replace(/\D/g, '')), {
        timeout: 60_000,
      })
      .toBe(overdue);
    const cells = page.locator('.ag-row [col-id="daysOverdue"]');
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await cells.allTextContents()).every((d) => /^\d+$/.test(d.trim()) && Number(d) > 0)).toBe(true);
    await page.context().close();

    // contracts awaiting approval: the Contracts screen showing those in review only
    const contracts = await fromHome('home-contracts');
    await expect.poll(() => contracts.page.url()).toContain('#/contracts?status=in_review');
    const rows = contracts.page.locator('tr[data-testid^="contract-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const inReview = db(
      (d) => d.prepare("SELECT count(*) FROM contracts WHERE status = 'in_review'").pluck().get() as number,
    );
    expect(await rows.count()).toBe(Math.min(20, inReview));
    for (const text of await rows.allTextContents()) expect(text).toContain('In review');
    await contracts.page.context().close();

    // tickets near breach: the Service screen with the open tickets due soon or breached only
    const tickets = await fromHome('home-tickets');
    await expect.poll(() => tickets.page.url()).toContain('#/service?sla=due-soon&sla=breached');
    await tickets.page.locator('.ant-table').first().waitFor({ timeout: 30_000 });
    const tags = await tickets.page.getByTestId('sla-tag').allTextContents();
    expect(tags.every((x) => x === 'Due soon' || x === 'Breached')).toBe(true);
    await tickets.page.context().close();
  }, 240_000);
});
