import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppraisalShow } from '../../src-main/contract/appraisal';
import { dispatch } from '../../src-main/runtime/dispatch';
import { invokeInPage, readDatabase, workbenchInBrowser } from '../support/browser';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpDir } from '../support/workspace';

// Issue 6: the appraisal screen in a browser — rate in the grid, decide an outcome, preview, lock.
const dataDir = tmpDir('wb-e2e-review-');
const db = readDatabase(dataDir);
const rating = (no: string, kpi: string) =>
  db(
    (d) =>
      (
        d
          .prepare(
            'SELECT r.score FROM review_ratings r JOIN staff s ON s.id = r.staff_id WHERE s.employee_no = ? AND r.kpi_key = ?',
          )
          .get(no, kpi) as { score: number } | undefined
      )?.score,
  );

const wb = workbenchInBrowser(dataDir, async (ws) => {
  seedAppraisalCompany(ws.db);
  await dispatch(ws, 'appraisal/compute', { quarter: '2026Q3' }, { lang: 'en', actor: 'tester' });
  // everything rated except A's teamwork, which the test types in the grid
  await dispatch(
    ws,
    'appraisal/rate-many',
    { quarter: '2026Q3', ratings: HAND_RATINGS.filter((r) => !(r.person === 'S1' && r.kpi === 'teamwork')) },
    { lang: 'en', actor: 'tester' },
  );
});
const openPage = (hash: string): Promise<Page> => wb.open(hash, { downloads: true });

const api = <T>(page: Page, name: string, input: unknown) => invokeInPage<T>(page, wb.web.token, name, input);

const peerCount = () =>
  db((d) => (d.prepare('SELECT COUNT(*) AS n FROM review_peer_ratings').get() as { n: number }).n);

/** Opens the person drawer of A (S1, 张伟) from the grid. */
async function openA(page: Page) {
  await page.locator('.ag-cell[col-id="name"]', { hasText: '张伟' }).first().click();
  const section = page.getByTestId('peer-teamwork');
  await section.waitFor();
  return section;
}

describe('the appraisal screen (P6.1–P6.4)', () => {
  it('P6.1 teamwork: adds peer ratings in the person drawer; peers alone make no rating', async () => {
    const page = await openPage('#/appraisals?quarter=2026Q3');
    await page.getByTestId('appraisals-page').waitFor();
    // the first load compiles the renderer in Vite: give it time
    await page.locator('.ag-row [col-id="v:teamwork"]').first().waitFor({ timeout: 150_000 });
    const section = await openA(page);
    for (const [rater, level] of [
      ['李娜 · S2', '4 · Exceeds expectations'],
      ['王芳 · S3', '3 · Meets expectations'],
    ]) {
      await section.getByRole('combobox').nth(0).click();
      await page.locator('.ant-select-item-option', { hasText: rater }).click();
      await section.getByRole('combobox').nth(1).click();
      await page.locator('.ant-select-item-option', { hasText: level }).click();
      await section.getByRole('button', { name: 'Add' }).click();
      await section.getByRole('cell', { name: rater }).waitFor();
    }
    await expect.poll(peerCount, { timeout: 15_000 }).toBe(2);
    // A's teamwork is not rated by the manager yet: the peers alone do not make a rating
    await page
      .getByTestId('peer-explain-teamwork')
      .getByText('Not rated until the manager rates; peers alone never make a rating (2 peer ratings so far)')
      .waitFor();
    await page.context().close();
  });

  it('Recompute: the grid shows the new figures of the one person whose sales changed, as the service computes them', async () => {
    // issue 12 item 12: the recompute answers only who changed, and the window updates its copy from that
    const page = await openPage('#/appraisals?quarter=2026Q3');
    await page.getByTestId('appraisals-page').waitFor();
    await page.locator('.ag-row [col-id="v:completion"]').first().waitFor({ timeout: 150_000 });
    const grid = () =>
      page.evaluate(() => {
        const rows: Record<string, Record<string, string>> = {};
        for (const row of document.querySelectorAll('.ag-row')) {
          const i = row.getAttribute('row-index')!;
          rows[i] ??= {};
          for (const cell of row.querySelectorAll('.ag-cell'))
            rows[i][cell.getAttribute('col-id')!] = cell.textContent!;
        }
        return Object.fromEntries(Object.values(rows).map((r) => [r.employeeNo, r]));
      });
    const num = (text: string) => Number(text.replace(/[,%*\s]/g, ''));
    expect(num((await grid()).S3['v:completion'])).toBe(100);
    // C's Q3 order grows behind the window's back (another program): 100,000 → 110,000 yuan of a 100,000 target
    const rw = new Database(path.join(dataDir, 'workbench.db'));
    rw.pragma('busy_timeout = 5000');
    rw.prepare("UPDATE orders SET amount = 11000000 WHERE salesperson_id = 3 AND date = '2026-07-01'").run();
    rw.close();
    await page.getByRole('button', { name: 'Recompute' }).click();
    await page.getByText('Scores computed.').waitFor();
    await expect.poll(async () => num((await grid()).S3['v:completion']), { timeout: 15_000 }).toBe(110);
    const show = await api<AppraisalShow>(page, 'appraisal/show', { quarter: '2026Q3' });
    const shown = await grid();
    expect(Object.keys(shown).sort()).toEqual(show.people.map((p) => p.employeeNo).sort());
    for (const p of show.people) {
      expect(num(shown[p.employeeNo].total), p.employeeNo).toBe(p.total);
      expect(shown[p.employeeNo].grade, p.employeeNo).toBe(p.grade);
      expect(num(shown[p.employeeNo]['s:completion']), p.employeeNo).toBe(p.kpis.completion.score);
    }
    await page.context().close();
  });

  it('rates in the grid from the rubric, then approves, locks and refuses changes', async () => {
    const page = await openPage('#/appraisals?quarter=2026Q3');
    await page.getByTestId('appraisals-page').waitFor();
    // the first load compiles the renderer in Vite: give it time
    await page.locator('.ag-row [col-id="v:teamwork"]').first().waitFor({ timeout: 150_000 });
    // the rows are sorted by team; find A's row (employee number S1) among the pinned cells
    const index = await page
      .locator('.ag-cell[col-id="employeeNo"]', { hasText: 'S1' })
      .first()
      .evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index'));
    const cell = page.locator(`.ag-row[row-index="${index}"] [col-id="v:teamwork"]`);
    await cell.click();
    const editing = page.locator('.ag-cell-inline-editing');
    await editing.waitFor();
    if (!(await page.getByRole('option', { name: '4', exact: true }).isVisible()))
      await editing.locator('.ag-picker-field-wrapper').click();
    await page.getByRole('option', { name: '4', exact: true }).click();
    await expect.poll(() => rating('S1', 'teamwork'), { timeout: 15_000 }).toBe(4);
    await page.screenshot({ path: path.join(dataDir, 'appraisals.png') });

    // P6.2, P6.3: not approved while rewards and penalties are only proposed; the message names them.
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/still has \d+ proposed rewards or penalties: .*张伟 \(S1\): Bonus/).waitFor();
    // A's proposals decided in the drawer, one by one; the others through the same operation.
    await openA(page);
    const drawer = page.locator('.ant-drawer-content');
    const confirm = drawer.getByRole('button', { name: 'Confirm' }).and(drawer.locator(':enabled'));
    while ((await confirm.count()) > 0) {
      await confirm.first().click();
      await page.getByText('Decision saved.').last().waitFor();
    }
    await page.keyboard.press('Escape');
    const open = db(
      (d) => d.prepare("SELECT id FROM review_outcomes WHERE status = 'proposed'").pluck().all() as number[],
    );
    for (const id of open)
      await api(page, 'appraisal/decide-outcome', { quarter: '2026Q3', id, decision: 'confirmed' });
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved.').waitFor();
    await page.getByRole('button', { name: 'Lock' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lock' }).click();
    await page.getByText('The 2026Q3 appraisal is locked').waitFor();
    await expect(page.getByRole('button', { name: 'Recompute' }).isDisabled()).resolves.toBe(true);
    await page.context().close();
  });

  it('opens the print preview of everyone: one A4 page per person in the frame', async () => {
    const page = await openPage('#/appraisals?quarter=2026Q3');
    await page.getByRole('button', { name: 'Print all…' }).click();
    const frame = page.frameLocator('iframe[title="Appraisal report"]');
    await frame.locator('section.page').first().waitFor();
    await expect(frame.locator('section.page').count()).resolves.toBe(3);
    await expect(frame.getByText('Quarterly appraisal report · Q3 2026').first().isVisible()).resolves.toBe(true);
    // browser mode: the server prints the PDF with Chromium and the page downloads it
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('P6.1 teamwork: the drawer explains the blend, and a locked appraisal keeps peer ratings read-only with the reason', async () => {
    const page = await openPage('#/appraisals?quarter=2026Q3');
    await page.locator('.ag-row [col-id="v:teamwork"]').first().waitFor({ timeout: 60_000 });
    const section = await openA(page);
    // the manager's 4 (typed in the grid above) with the peers' 4 and 3: 0.7 × 4 + 0.3 × 3.5 = 3.85
    await section.getByText('manager 4 · peers 3.5 (2) · 30% → 3.85').waitFor();
    await page.getByText('The appraisal is locked: peer ratings can no longer change.').waitFor();
    await expect(section.getByRole('button', { name: 'Add' }).isDisabled()).resolves.toBe(true);
    await expect(section.getByRole('button', { name: 'Delete' }).first().isDisabled()).resolves.toBe(true);
    await page.context().close();
  });
});
