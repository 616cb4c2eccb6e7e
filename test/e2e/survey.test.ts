import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { invokeInPage, readDatabase, workbenchInBrowser } from '../support/browser';
import { cli } from '../support/cli';
import { tmpDir } from '../support/workspace';

// Issue 5 (P4.7): the analysis of the demo survey shows the NPS that SQL computes, and a phone interview
// typed with the keyboard lands in the database.
const dataDir = tmpDir('wb-e2e-survey-');
const db = readDatabase(dataDir);
const query = <T>(sql: string, ...params: unknown[]): T => db((d) => d.prepare(sql).get(...params) as T);

// The demo as users make it, through the command line, into the folder the Workspace has just created.
const wb = workbenchInBrowser(dataDir, () => {
  const demo = cli(['--data-dir', dataDir, 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
});
const openPage = (hash: string): Promise<Page> => wb.open(hash);

const api = <T>(page: Page, name: string, input: unknown) => invokeInPage<T>(page, wb.web.token, name, input);

describe('satisfaction surveys in a browser (P4.7, issue #5)', () => {
  it('shows the demo survey’s NPS and its 95% interval exactly as an independent SQL calculation gives them', async () => {
    // NPS = % of 9–10 minus % of 0–6 over the answers to the survey's first 0–10 question
    const c = query<{ pro: number; det: number; n: number }>(
      `SELECT sum(value_num >= 9) AS pro, sum(value_num <= 6) AS det, count(*) AS n FROM survey_answers
       WHERE value_num IS NOT NULL AND question_id = (SELECT id FROM survey_questions WHERE survey_id = 1 AND type = 'nps' ORDER BY position LIMIT 1)`,
    );
    expect(c.n).toBeGreaterThan(100);
    const p = c.pro / c.n;
    const d = c.det / c.n;
    const nps = 100 * (p - d);
    const half = 1.959963984540054 * 100 * Math.sqrt((p + d - (p - d) ** 2) / c.n);
    const one = (v: number) =>
      new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

    const page = await openPage('#/surveys');
    await page
      .getByTestId('survey-list')
      .getByText(/客户满意度调查/)
      .first()
      .click();
    const kpi = page.getByTestId('kpi-nps');
    await kpi.locator('.wb-kpi-value').waitFor();
    expect((await kpi.locator('.wb-kpi-value').innerText()).trim()).toBe(`${nps > 0 ? '+' : ''}${one(nps)}`);
    expect(await page.getByTestId('kpi-nps-ci').innerText()).toContain(
      `${one(Math.max(-100, nps - half))} … ${one(Math.min(100, nps + half))}`,
    );
    const responses = query<{ n: number }>('SELECT count(*) AS n FROM survey_responses WHERE survey_id = 1').n;
    expect(
      (await page.getByTestId('kpi-responses').locator('.wb-kpi-value').innerText()).replace(/,/g, '').trim(),
    ).toBe(String(responses));
    // the analysis as a workbook: in browser mode it arrives as a download
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('survey-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.context().close();
  });

  it('enters one phone interview with the keyboard and writes it to the database', async () => {
    const page = await openPage('#/surveys');
    await page.getByTestId('survey-list').waitFor();
    const plan = await api<{ id: number }>(page, 'survey/save-plan', {
      name: 'Phone follow-up',
      method: 'phone',
      status: 'running',
    });
    const questions = await api<{ id: number; type: string }[]>(page, 'survey/save-questions', {
      surveyId: plan.id,
      questions: [
        { text: 'Overall satisfaction', type: 'likert5' },
        { text: 'Would you recommend us (0–10)?', type: 'nps' },
        { text: 'How do you reach us?', type: 'choice', options: { choices: ['Salesperson', 'Hotline', 'WeChat'] } },
        { text: 'Anything else?', type: 'text' },
      ],
    });
    await page.goto(`${wb.web.url.split('/?')[0]}/#/surveys/${plan.id}?tab=entry`);
    const name = page.getByTestId('entry-customer-name');
    await name.waitFor();
    const customer = (await name.innerText()).trim();

    // keyboard only: 4 on the scale, "1" "0" for NPS 10, option 2, a comment, Ctrl+Enter saves
    await page.getByTestId('answer-q01').focus();
    await page.keyboard.press('4');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-q02');
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-q03');
    await page.keyboard.press('2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Quick delivery this time');
    await page.keyboard.press('Control+Enter');
    // nothing is saved before the summary is confirmed (issue 12 item 3); Enter confirms it
    await page.getByTestId('entry-summary').waitFor();
    await page.keyboard.press('Enter');
    // the next customer opens
    await expect.poll(async () => (await name.innerText()).trim(), { timeout: 15_000 }).not.toBe(customer);

    const r = query<{ id: number; owner: number | null; salesperson: number | null; channel: string }>(
      `SELECT r.id, c.owner_id AS owner, r.salesperson_id AS salesperson, r.channel FROM survey_responses r JOIN customers c ON c.id = r.customer_id
       WHERE r.survey_id = ? AND c.name = ?`,
      plan.id,
      customer,
    );
    expect(r).toMatchObject({ channel: 'phone' });
    expect(r.salesperson).toBe(r.owner);
    const rows = db((d) =>
      d
        .prepare(
          'SELECT question_id AS q, value_num AS num, value_text AS text FROM survey_answers WHERE response_id = ? ORDER BY question_id',
        )
        .all(r.id),
    );
    expect(rows).toEqual([
      { q: questions[0].id, num: 4, text: null },
      { q: questions[1].id, num: 10, text: null },
      { q: questions[2].id, num: 2, text: 'Hotline' },
      { q: questions[3].id, num: null, text: 'Quick delivery this time' },
    ]);
    await page.context().close();
  });

  it('issue 12 item 3: typing 4, Enter, 1, 0, Enter, a comment saves 4, NPS 10 and the comment, after a summary', async () => {
    const page = await openPage('#/surveys');
    await page.getByTestId('survey-list').waitFor();
    const plan = await api<{ id: number }>(page, 'survey/save-plan', {
      name: 'Phone check',
      method: 'phone',
      status: 'running',
    });
    const questions = await api<{ id: number }[]>(page, 'survey/save-questions', {
      surveyId: plan.id,
      questions: [
        { text: 'Overall satisfaction', type: 'likert5' },
        { text: 'Would you recommend us (0–10)?', type: 'nps' },
        { text: 'Anything else?', type: 'text' },
      ],
    });
    await page.goto(`${wb.web.url.split('/?')[0]}/#/surveys/${plan.id}?tab=entry`);
    const name = page.getByTestId('entry-customer-name');
    await name.waitFor();
    const customer = (await name.innerText()).trim();
    // the cursor is already in the first question: no click, no Tab
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-q01');
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Wants a call about the invoice');
    await page.keyboard.press('Control+Enter');
    const summary = page.getByTestId('entry-summary');
    await summary.waitFor();
    expect(await page.getByTestId('summary-q01').innerText()).toBe('4');
    expect(await page.getByTestId('summary-q02').innerText()).toBe('10');
    expect(await page.getByTestId('summary-q03').innerText()).toBe('Wants a call about the invoice');
    await page.screenshot({ path: path.join(dataDir, 'phone-entry-summary.png') });
    await page.getByTestId('entry-summary-save').click();
    await expect.poll(async () => (await name.innerText()).trim(), { timeout: 15_000 }).not.toBe(customer);
    const rows = db((d) =>
      d
        .prepare(
          `SELECT a.question_id AS q, a.value_num AS num, a.value_text AS text FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
           JOIN customers c ON c.id = r.customer_id WHERE r.survey_id = ? AND c.name = ? ORDER BY a.question_id`,
        )
        .all(plan.id, customer),
    );
    expect(rows).toEqual([
      { q: questions[0].id, num: 4, text: null },
      { q: questions[1].id, num: 10, text: null },
      { q: questions[2].id, num: null, text: 'Wants a call about the invoice' },
    ]);
    await page.context().close();
  });
});
