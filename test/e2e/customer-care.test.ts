import fs from 'node:fs';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { seedCustomers } from '../support/customer-fixture';
import { tmpDir } from '../support/workspace';

// Issue 13: log a visit and see the overdue list shrink; mark a birthday greeting sent from the care list.
const dataDir = tmpDir('wb-e2e-care-');
const today = dayjs().format('YYYY-MM-DD');
const db = readDatabase(dataDir);

const wb = workbenchInBrowser(dataDir, async (ws) => {
  seedCustomers({ ws });
  await dispatch(ws, 'customers/regrade', {}, { lang: 'en', actor: 'tester' });
  // A contact of C1 whose (solar) birthday is today puts C1 on today's care list.
  ws.db
    .prepare(
      "INSERT INTO contacts (customer_id, name, title, mobile, birth_calendar, birth_month, birth_day, created_at) VALUES (1, '孙总', '总经理', '13900001111', 'solar', ?, ?, 'x')",
    )
    .run(dayjs().month() + 1, dayjs().date());
});

describe('customer relations in browser mode (P4.2, P4.3)', () => {
  it('logging a visit shrinks the overdue list; a greeting marked sent is recorded with its channel', async () => {
    const page = await wb.open('#/visits', { width: 1600 });
    const overdue = page.getByTestId('overdue-count').locator('.ant-statistic-content-value');
    await page.getByTestId('log-visit-C1').waitFor({ timeout: 120_000 });
    const before = Number(await overdue.innerText());
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('log-visit-C1').click();
    await page.getByTestId('visit-purpose').fill('年终回访');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => Number(await overdue.innerText()), { timeout: 20_000 }).toBe(before - 1);
    await expect.poll(() => page.getByTestId('log-visit-C1').count()).toBe(0);
    expect(
      db((d) =>
        d
          .prepare(
            "SELECT date, status, purpose FROM interactions WHERE customer_id = 1 AND kind = 'visit' ORDER BY id DESC LIMIT 1",
          )
          .get(),
      ),
    ).toEqual({ date: today, status: 'done', purpose: '年终回访' });

    await page.goto(page.url().replace('#/visits', '#/care'));
    const mark = page.getByTestId('mark-sent-1-birthday');
    await mark.waitFor({ timeout: 60_000 });
    await mark.click();
    await page.getByTestId('mark-sent-form').waitFor();
    // The sent-date picker: today by default, no day after today, the contact's birthday marked on its day.
    await page.getByTestId('sent-date').click();
    const tomorrow = dayjs().add(1, 'day');
    if (tomorrow.month() === dayjs().month())
      await expect
        .poll(() =>
          page.locator(`.ant-picker-dropdown td[title="${tomorrow.format('YYYY-MM-DD')}"]`).getAttribute('class'),
        )
        .toContain('ant-picker-cell-disabled');
    expect(await page.getByTestId(`care-day-${today}`).getAttribute('title')).toContain('孙总');
    await page.keyboard.press('Escape');
    await page.getByTestId('channel-wechat').click();
    await page.getByTestId('sent-note').fill('微信祝福，附电子贺卡');
    await page.getByTestId('mark-sent-ok').click();
    await expect
      .poll(() =>
        db((d) =>
          d
            .prepare(
              "SELECT date, channel, occasion, summary AS note FROM interactions WHERE customer_id = 1 AND kind = 'care'",
            )
            .all(),
        ),
      )
      .toEqual([{ date: today, channel: 'wechat', occasion: 'birthday', note: '微信祝福，附电子贺卡' }]);
    await expect.poll(() => page.getByTestId('mark-sent-1-birthday').count()).toBe(0);
  });
});

describe('the relations grids export what they show (issue 13 item 13)', () => {
  it('customers and the due list: .xlsx with a bold frozen header, filters, money and dates as numbers', async () => {
    const page = await wb.open('#/relations', { width: 1600, downloads: true });
    await page.locator('.ag-row[row-index="0"]').waitFor({ timeout: 120_000 });
    const rows = db((d) => d.prepare('SELECT count(*) FROM customers').pluck().get()) as number;
    const read = async (testId: string) => {
      await page.getByTestId(testId).click();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId(`${testId}-xlsx`).click(),
      ]);
      const wbk = new ExcelJS.Workbook();
      await wbk.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
      return wbk.worksheets[0];
    };
    const customers = await read('relations-export');
    expect(customers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(customers.autoFilter).toBeTruthy();
    expect(customers.getCell(1, 1).font?.bold).toBe(true);
    expect(customers.actualRowCount - 1).toBe(rows);
    const header = (customers.getRow(1).values as unknown[]).slice(1).map(String);
    const sales = header.indexOf('Sales, last 12 months') + 1;
    // C1's sales in the 12 months to today, summed here from the orders table.
    const c1Row = (customers.getColumn(1).values as unknown[]).indexOf('C1');
    const c1Sales = db((d) =>
      d
        .prepare(
          "SELECT coalesce(sum(amount), 0) / 100.0 FROM orders WHERE customer_id = 1 AND date > date('now', '-12 months')",
        )
        .pluck()
        .get(),
    );
    expect(customers.getCell(c1Row, sales).value).toBe(c1Sales);
    expect(customers.getCell(c1Row, sales).numFmt).toContain('#,##0.00');

    await page.goto(page.url().replace('#/relations', '#/visits'));
    await page.getByTestId('due-export').waitFor({ timeout: 60_000 });
    await page.locator('.ag-row[row-index="0"]').waitFor({ timeout: 60_000 });
    const due = await read('due-export');
    expect(due.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dueHeader = (due.getRow(1).values as unknown[]).slice(1).map(String);
    expect(dueHeader).toContain('Due on');
    expect(due.getCell(2, dueHeader.indexOf('Due on') + 1).value).toBeInstanceOf(Date);
  });
});

describe('the care screen’s greetings and company events (P4.3, issue 13 items 10 and 11)', () => {
  it('a company event added in the window is stored; a greeting with an unknown placeholder is refused in place, then saved', async () => {
    const page = await wb.open('#/care', { width: 1600 });
    const settings = page.getByTestId('care-settings');
    await settings.waitFor({ timeout: 60_000 });
    await settings.getByRole('tab', { name: 'Company events' }).click();
    await page.getByTestId('event-date').click();
    await page.keyboard.type('2019-05-18');
    await page.keyboard.press('Enter');
    await page.getByTestId('event-name').fill('公司成立纪念日');
    await page.getByTestId('event-add').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT date, name, yearly FROM company_events').all()))
      .toEqual([{ date: '2019-05-18', name: '公司成立纪念日', yearly: 1 }]);

    await settings.getByRole('tab', { name: 'Greetings' }).click();
    await page.getByTestId('edit-template-birthday-en').click();
    await page.getByTestId('template-body').fill('Happy birthday, {name}!');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('template-error').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('template-error').innerText()).toContain('{name}');
    expect(db((d) => d.prepare('SELECT count(*) FROM care_templates').pluck().get())).toBe(0);
    await page.getByTestId('template-body').fill('Happy birthday, {contact}!');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT occasion, lang, body FROM care_templates').all()))
      .toEqual([{ occasion: 'birthday', lang: 'en', body: 'Happy birthday, {contact}!' }]);
  });
});

describe('the relations screens, served from the build: no console error or warning', () => {
  it.each(['#/relations', '#/relations/1', '#/visits', '#/care'])('%s', async (hash) => {
    const logged: string[] = [];
    const listen = (page: Page) => {
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
    };
    const page = await wb.open(hash, { beforeLoad: listen, width: 1600 });
    await page.waitForFunction(
      () => document.querySelector('.wb-page') && !document.querySelector('.ant-spin-spinning'),
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1500);
    await page.context().close();
    expect(logged).toEqual([]);
  });
});
