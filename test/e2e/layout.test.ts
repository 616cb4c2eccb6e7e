import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { invokeInPage, workbenchInBrowser } from '../support/browser';
import { cli } from '../support/cli';
import { tmpDir } from '../support/workspace';

// Issue 12 item 6: at a laptop's 1280×720 and at 1920×1080, every main screen keeps its grids, tables and
// charts inside their cards, nothing runs out of the window sideways, and no filled input is cut.
const dataDir = tmpDir('wb-e2e-layout-');
const wb = workbenchInBrowser(dataDir, () => {
  const demo = cli(['--data-dir', dataDir, 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const SCREENS = [
  '#/dashboard',
  '#/team',
  '#/targets',
  '#/targets?tab=tracking',
  '#/customers',
  '#/orders',
  '#/surveys',
  '#/surveys/1',
  '#/appraisals',
  '#/import-export',
  '#/settings',
];

/** What spills: a grid, table or chart past its card's edge (unless a scrolling box holds it), the page wider than the window, a filled input narrower than its text. */
function spills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`;
    if (document.documentElement.scrollWidth > vw + 1)
      out.push(`page ${document.documentElement.scrollWidth}px wide in a ${vw}px window`);
    for (const card of document.querySelectorAll('.ant-card')) {
      if (!shown(card)) continue;
      const c = card.getBoundingClientRect();
      if (c.right > vw + 1)
        out.push(
          `card "${card.querySelector('.ant-card-head-title')?.textContent ?? ''}" ends at ${Math.round(c.right)} > ${vw}`,
        );
      for (const el of card.querySelectorAll('.ag-root-wrapper, canvas, .ant-table-wrapper')) {
        if (!shown(el) || el.closest('.ant-card') !== card) continue;
        let scrolled = false;
        for (let a = el.parentElement; a && a !== card; a = a.parentElement)
          if (/(auto|scroll)/.test(getComputedStyle(a).overflowY + getComputedStyle(a).overflowX)) scrolled = true;
        if (scrolled) continue;
        const r = el.getBoundingClientRect();
        if (r.right > c.right + 1 || r.bottom > c.bottom + 1 || r.left < c.left - 1) {
          out.push(
            `${name(el)} [${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}] outside its card [${Math.round(c.left)}–${Math.round(c.right)} × ${Math.round(c.top)}–${Math.round(c.bottom)}]`,
          );
        }
      }
    }
    for (const input of document.querySelectorAll('input')) {
      if (!shown(input) || !input.value || input.type === 'checkbox' || input.type === 'radio') continue;
      if (input.scrollWidth > input.clientWidth + 1)
        out.push(`input "${input.value}" cut (${input.scrollWidth} > ${input.clientWidth})`);
    }
    return out;
  });
}

async function settle(page: Page): Promise<void> {
  await page.locator('.wb-page, [data-testid="welcome"]').first().waitFor({ timeout: 60_000 });
  await page
    .waitForFunction(() => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0, undefined, {
      timeout: 60_000,
    })
    .catch(() => {});
  await page.waitForTimeout(800);
}

describe('layout at 1280×720 and 1920×1080 (issue 12 item 6)', () => {
  it('every main screen keeps its grids, tables and charts inside their cards', async () => {
    const found: string[] = [];
    for (const size of SIZES) {
      const page = await wb.open('#/dashboard');
      await page.setViewportSize(size);
      for (const hash of SCREENS) {
        await page.goto(`${wb.web.url.split('/?')[0]}/${hash}`);
        await settle(page);
        for (const p of await spills(page)) found.push(`${size.width}×${size.height} ${hash}: ${p}`);
      }
      await page.goto(`${wb.web.url.split('/?')[0]}/#/targets`);
      await settle(page);
      await page.screenshot({ path: path.join(dataDir, `targets-${size.width}.png`) });
      await page.goto(`${wb.web.url.split('/?')[0]}/#/appraisals`);
      await settle(page);
      await page.screenshot({ path: path.join(dataDir, `appraisals-${size.width}.png`) });
      await page.context().close();
    }
    expect(found).toEqual([]);
  });

  it('the survey plan form shows its whole date range; a 15-option multiple choice chart lays its labels out one a line', async () => {
    for (const size of SIZES) {
      const page = await wb.open('#/surveys');
      await page.setViewportSize(size);
      await page.getByTestId('survey-new').click();
      const start = page.locator('.ant-modal .ant-picker-range input').first();
      await start.click();
      await start.fill('2026-12-01');
      await start.press('Enter');
      const end = page.locator('.ant-modal .ant-picker-range input').nth(1);
      await end.fill('2027-01-01');
      await end.press('Enter');
      await page.locator('.ant-modal-title').click();
      expect(
        await page
          .locator('.ant-modal .ant-picker-range input')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      ).toEqual(['2026-12-01', '2027-01-01']);
      expect(await spills(page)).toEqual([]);
      await page.screenshot({ path: path.join(dataDir, `plan-form-${size.width}.png`) });
      await page.context().close();
    }

    const page = await wb.open('#/surveys');
    await page.getByTestId('survey-list').waitFor();
    const api = <T>(name: string, input: unknown) => invokeInPage<T>(page, wb.web.token, name, input);
    const plan = await api<{ id: number }>('survey/save-plan', {
      name: 'Channels',
      method: 'phone',
      status: 'running',
    });
    const choices = Array.from({ length: 15 }, (_, i) => `Channel number ${i + 1} with a long name`);
    const [q] = await api<{ id: number }[]>('survey/save-questions', {
      surveyId: plan.id,
      questions: [{ text: 'How did you hear of us?', type: 'multi', options: { choices } }],
    });
    for (let i = 0; i < 15; i++)
      await api('survey/enter-response', {
        surveyId: plan.id,
        customerId: null,
        channel: 'phone',
        answers: [{ questionId: q.id, value: [choices[i], choices[(i * 7) % 15]] }],
      });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${wb.web.url.split('/?')[0]}/#/surveys/${plan.id}?tab=analysis`);
      const chart = page.getByTestId('distribution-card').locator('canvas').first();
      await chart.waitFor({ timeout: 60_000 });
      // One option a line: at least 20 px a label, so fifteen labels cannot overlap.
      expect((await chart.boundingBox())!.height).toBeGreaterThanOrEqual(15 * 20);
      expect(await spills(page)).toEqual([]);
      await page
        .getByTestId('distribution-card')
        .screenshot({ path: path.join(dataDir, `multi-chart-${size.width}.png`) });
    }
    await page.context().close();
  });
});
