import dayjs from 'dayjs';
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
    await mark.hover();
    await page.getByRole('menuitem', { name: 'WeChat' }).click();
    await expect
      .poll(() =>
        db((d) =>
          d.prepare("SELECT date, channel, occasion FROM interactions WHERE customer_id = 1 AND kind = 'care'").all(),
        ),
      )
      .toEqual([{ date: today, channel: 'wechat', occasion: 'birthday' }]);
    await expect.poll(() => page.getByTestId('mark-sent-1-birthday').count()).toBe(0);
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
