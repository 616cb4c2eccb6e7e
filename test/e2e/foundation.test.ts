import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWorkbenchPage, type RunningWeb, startWeb } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 2, item 8: first run → demo → roster edit → language switch → restart keeps the data.
let browser: Browser;
let web: RunningWeb | undefined;
const dataDir = tmpDir('wb-e2e-');
const db = () => new Database(path.join(dataDir, 'workbench.db'), { readonly: true });
const person = (no: string) => {
  const d = db();
  try {
    return d.prepare('SELECT title, email FROM staff WHERE employee_no = ?').get(no) as {
      title: string | null;
      email: string | null;
    };
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const openPage = (hash = ''): Promise<Page> => openWorkbenchPage(browser, web!, hash);

async function editCell(page: Page, row: number, col: string, value: string) {
  const cell = page.locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
  await cell.dblclick();
  const editor = page.locator(`.ag-row[row-index="${row}"] [col-id="${col}"] input`);
  await editor.fill(value);
  await editor.press('Enter');
}

describe('the workbench in a browser, end to end (P1.1, P5.6)', () => {
  it('welcomes a first run and creates the demo company', async () => {
    web = await startWeb(dataDir);
    const page = await openPage();
    await expect(page.getByTestId('welcome').waitFor()).resolves.toBeUndefined();
    // The token has left the address bar.
    expect(page.url()).not.toContain('token=');
    await page.getByTestId('welcome-demo').click();
    await page.getByTestId('kpi-sales-change').waitFor({ timeout: 120_000 });
    const d = db();
    const counts = d
      .prepare('SELECT (SELECT count(*) FROM staff) AS staff, (SELECT count(*) FROM customers) AS customers')
      .get();
    d.close();
    expect(counts).toEqual({ staff: expect.any(Number), customers: 300 });
    await page.context().close();
  });

  it('edits the roster in place, and refuses a bad e-mail without saving it', async () => {
    const page = await openPage('#/team');
    const first = page.locator('.ag-row[row-index="0"] [col-id="employeeNo"]');
    await first.waitFor();
    const employeeNo = (await first.innerText()).trim();
    const before = person(employeeNo);

    await editCell(page, 0, 'title', 'Key Account Manager');
    await expect.poll(() => person(employeeNo).title, { timeout: 10_000 }).toBe('Key Account Manager');

    await editCell(page, 0, 'email', 'not-an-email');
    await page
      .getByText(/E-mail.*not a valid e-mail address/)
      .first()
      .waitFor();
    expect(person(employeeNo).email).toBe(before.email);
    // The grid shows the saved value again, not the refused one.
    await expect
      .poll(async () => (await page.locator('.ag-row[row-index="0"] [col-id="email"]').innerText()).trim())
      .toBe(before.email ?? '');
    await page.context().close();
  });

  it('switches the language and remembers it', async () => {
    const page = await openPage('#/settings');
    await page.getByTestId('settings-lang').getByText('简体中文').click();
    await page.getByTestId('nav-team').getByText('团队').waitFor();
    const d = db();
    expect(d.prepare("SELECT value FROM settings WHERE key = 'lang'").get()).toEqual({ value: 'zh-CN' });
    d.close();
    await page.context().close();
  });

  it('keeps the data, the edit and the language after a restart', async () => {
    expect(await web!.stop()).toBe(0);
    web = await startWeb(dataDir);
    const page = await openPage('#/team');
    await page.getByTestId('nav-team').getByText('团队').waitFor();
    await page.locator('.ag-row[row-index="0"] [col-id="title"]').getByText('Key Account Manager').waitFor();
    await expect(page.getByTestId('welcome').count()).resolves.toBe(0);
    await page.context().close();
  });
});
