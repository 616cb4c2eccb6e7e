import http from 'node:http';
import type { AddressInfo } from 'node:net';
import dayjs from 'dayjs';
import type { Database } from 'better-sqlite3';
import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { ORDERS, ordersPage } from '../../src-main/services/records/lists';
import { dashboardSummary } from '../../src-main/services/records/dashboard';
import { queryPage } from '../../src-main/services/records/paging';
import type { Browser } from 'playwright-core';
import { tracking } from '../../src-main/services/targets/tracking';
import { launchChromium, openWorkbenchPage, startWeb, type RunningWeb } from '../../test/support/browser';

/**
 * Issue 12 items 10–12 on the large demo (1,000,000 order lines, 962 people appraised): the orders'
 * quick search, the dashboard's first opening and recomputing the appraisal from the window, each
 * beside its baseline measured in the same run (the plain queries they replace, the service alone).
 */
const ms = (t: number) => `${t.toFixed(0)} ms`;

function time<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

/** The median of three runs after one warm-up. */
function median(f: () => unknown): number {
  const t = [0, 1, 2, 3].map(() => time(f).ms).slice(1);
  return t.sort((a, b) => a - b)[1];
}

/** The dashboard's queries before migration 009 (services/records/dashboard.ts then), over the lines. */
function dashboardFromLines(db: Database): number {
  const latest = (db.prepare('SELECT max(date) AS d FROM orders').get() as { d: string }).d;
  const year = dayjs(latest).year();
  const ytdEnd = dayjs(latest).format('MM-DD');
  db.prepare(
    `SELECT substr(date, 1, 7) AS m, sum(amount), sum(coalesce(profit, 0)) FROM orders WHERE date >= ? AND date <= ? GROUP BY m`,
  ).all(`${year - 1}-01-01`, `${year}-12-31`);
  const sum = (from: string, to: string, col = 'amount') =>
    db.prepare(`SELECT coalesce(sum(${col}), 0) AS v FROM orders WHERE date BETWEEN ? AND ?`).get(from, to);
  sum(`${year}-01-01`, latest);
  sum(`${year - 1}-01-01`, `${year - 1}-${ytdEnd}`);
  sum(`${year}-01-01`, latest, 'coalesce(profit, 0)');
  db.prepare(
    `SELECT s.id, sum(o.amount) AS sales FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE o.date BETWEEN ? AND ? GROUP BY s.id ORDER BY sales DESC LIMIT 10`,
  ).all(`${year}-01-01`, latest);
  db.prepare(
    `SELECT t.id, sum(o.amount) FROM orders o JOIN staff s ON s.id = o.salesperson_id LEFT JOIN teams t ON t.id = s.team_id WHERE o.date BETWEEN ? AND ? GROUP BY t.id`,
  ).all(`${year}-01-01`, latest);
  return year;
}

interface Searches {
  /** [label, text] for the quick search, the same texts on the database side and in the window. */
  texts: (readonly [string, string, number])[];
}

async function databaseSide(
  dir: string,
): Promise<{ rows: BenchRow[]; quarter: string; computeMs: number; firstComputeMs: number } & Searches> {
  const ws = new Workspace(dir);
  try {
    const db = ws.db;
    const rows: BenchRow[] = [];
    // The dashboard first, on a freshly opened database, as the window's first opening meets it.
    const first = time(() => dashboardSummary(db)).ms;
    rows.push({
      what: 'dashboard: summary from monthly totals, first call after opening',
      value: ms(first),
      goal: '< 1000 ms',
    });
    const year = time(() => tracking(db, dashboardSummary(db).year)).ms;
    rows.push({
      what: "dashboard: the target card's tracking of the year, first call after opening",
      value: ms(year),
      goal: '—',
    });
    rows.push({
      what: '  baseline: the same figures summed over the lines (old queries)',
      value: ms(time(() => dashboardFromLines(db)).ms),
      goal: 'baseline',
    });

    const name = (len: number) =>
      db
        .prepare(
          'SELECT s.name FROM staff s WHERE length(s.name) = ? AND EXISTS (SELECT 1 FROM orders WHERE salesperson_id = s.id) ORDER BY s.id LIMIT 1',
        )
        .pluck()
        .get(len) as string;
    const orderNo = (db.prepare('SELECT order_no FROM orders ORDER BY id DESC LIMIT 1').pluck().get() as string).slice(
      -8,
    );
    const req = (search: string) => ({ offset: 0, limit: 100, sort: [], filters: {}, search });
    const old = { ...ORDERS, searchClause: undefined, countFrom: undefined };
    const texts = [
      ['a 3-character salesperson name', name(3)],
      ['a 2-character salesperson name', name(2)],
      [`an order number's last 8 characters`, orderNo],
      [`an order number's middle, lower case`, orderNo.slice(1, 6).toLowerCase()],
    ] as const;
    const totals: number[] = [];
    for (const [label, q] of texts) {
      let total = 0;
      const now = median(() => (total = ordersPage(db, req(q)).total));
      rows.push({
        what: `orders search: ${label} (${q}, ${total.toLocaleString('en')} lines), median of 3`,
        value: ms(now),
        goal: '< 300 ms',
      });
      totals.push(total);
      rows.push({
        what: '  baseline: LIKE over the four joined columns (old query), once',
        value: ms(time(() => queryPage(db, old, req(q))).ms),
        goal: 'baseline',
      });
    }

    const quarter =
      (db.prepare('SELECT quarter FROM reviews ORDER BY quarter DESC LIMIT 1').pluck().get() as string | undefined) ??
      '2026Q3';
    const computes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      const r = await dispatch(ws, 'appraisal/compute', { quarter }, { lang: 'zh-CN', actor: 'bench' });
      if (!r.ok) throw new Error(r.error.message);
      computes.push(performance.now() - start);
    }
    const computeMs = computes.slice(1).sort((a, b) => a - b)[1];
    return {
      rows,
      quarter,
      computeMs,
      firstComputeMs: computes[0],
      texts: texts.map(([label, q], i) => [label, q, totals[i]] as const),
    };
  } finally {
    ws.close();
  }
}

/**
 * The dashboard's first opening as the manager meets it: from navigation start (the page's time origin,
 * before the HTML is asked for) to the frame where the figures are shown, no card is still loading and
 * every chart has drawn its first frame (EChart's `data-drawn`). A fresh browser context each time, so
 * nothing comes from Chromium's cache.
 */
async function openDashboard(browser: Browser, web: RunningWeb): Promise<{ ms: number; parts: string }> {
  const page = await openWorkbenchPage(browser, web, '#/dashboard');
  try {
    const done = await page.waitForFunction(
      () => {
        const d = document.querySelector('[data-testid="dashboard"]');
        if (!d || d.querySelector('.ant-skeleton')) return false;
        const charts = [...d.querySelectorAll<HTMLElement>('.wb-chart')];
        return charts.length >= 2 && charts.every((c) => c.dataset.drawn === 'true') && performance.now();
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const total = (await done.jsonValue()) as number;
    // Plain data out of the page (no helper functions inside: tsx would name them with a helper the page lacks).
    const res = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name,
        start: r.startTime,
        end: r.responseEnd,
        size: r.decodedBodySize,
        sent: r.transferSize,
      })),
    );
    const load = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    const code = res.filter((r) => /\.(js|css)$/.test(r.name));
    const api = res.filter((r) => r.name.includes('/api/invoke/'));
    const kb = (n: number) => (n / 1024).toFixed(0);
    const last = (list: typeof res) => Math.max(0, ...list.map((r) => r.end)).toFixed(0);
    const parts =
      `${code.length} scripts/styles, ${kb(code.reduce((t, r) => t + r.size, 0))} kB ` +
      `(${kb(code.reduce((t, r) => t + r.sent, 0))} kB sent), in by ${last(code)} ms; ` +
      `${api.length} calls from ${Math.min(...api.map((r) => r.start)).toFixed(0)} to ${last(api)} ms; ` +
      `load event at ${load.toFixed(0)} ms (the earlier measure started there)`;
    return { ms: total, parts };
  } finally {
    await page.context().close();
  }
}

/**
 * The browser's floor: Chromium opening a trivial static page in a fresh context, from navigation start to
 * its first paint, the same way as the dashboard (a page of its own server on 127.0.0.1). What is left
 * of the dashboard's figure above it is the workbench's.
 */
async function openTrivialPage(browser: Browser): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><title>floor</title></head><body><p>Sales Workbench</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        const painted = await page.waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          undefined,
          { timeout: 60_000, polling: 'raf' },
        );
        times.push((await painted.jsonValue()) as number);
      } finally {
        await context.close();
      }
    }
    // The first opening of a context warms Chromium itself: the median of the three after it.
    return times
      .slice(1)
      .sort((a, b) => a - b)
      .at(1)!;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The orders' quick search in the window: from the request (after the box's typing pause) to its rows shown. */
async function searchInWindow(
  browser: Browser,
  web: RunningWeb,
  text: string,
  expected: number,
): Promise<{ request: number; typed: number }> {
  const page = await openWorkbenchPage(browser, web, '#/orders');
  try {
    await page.waitForSelector('[data-testid="orders-grid"] .ag-row[row-index="0"]', { timeout: 120_000 });
    const typedAt = (await page.evaluate(() => performance.now())) as number;
    await page.getByTestId('orders-grid-search').fill(text);
    // Shown: the total is the search's, and the first row (its pinned and centre parts) holds the text.
    const shown = await page.waitForFunction(
      ([q, n]) => {
        const total = document.querySelector('[data-testid="orders-grid-total"]')?.textContent ?? '';
        const line = [...document.querySelectorAll('[data-testid="orders-grid"] .ag-row[row-index="0"]')]
          .map((r) => r.textContent)
          .join(' ')
          .toUpperCase();
        // the search's own total (the database side counted it), not the whole list's
        return total.replace(/\D/g, '') === String(n) && line.includes(q.toUpperCase()) && performance.now();
      },
      [text, expected] as const,
      { timeout: 120_000, polling: 'raf' },
    );
    const at = (await shown.jsonValue()) as number;
    // The search's request: the last orders/page call started before its rows were shown.
    const sentAt = await page.evaluate(
      (shownAt) =>
        Math.max(
          ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((r) => r.name.includes('/api/invoke/orders/page') && r.startTime < shownAt)
            .map((r) => r.startTime),
        ),
      at,
    );
    return { request: at - sentAt, typed: at - typedAt };
  } finally {
    await page.context().close();
  }
}

async function inChromium(dir: string, quarter: string, texts: Searches['texts']): Promise<BenchRow[]> {
  const web = await startWeb(dir, ['--lang', 'zh-CN']);
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    const first = await openDashboard(browser, web);
    const again = [0, 1, 2].map(() => 0);
    for (let i = 0; i < again.length; i++) again[i] = (await openDashboard(browser, web)).ms;
    const warm = again.sort((a, b) => a - b)[1];
    const floor = await openTrivialPage(browser);
    const above = (t: number) => `${ms(t - floor)} above the floor, ${(t / floor).toFixed(1)}× it`;
    rows.push({
      what: `dashboard: first opening in Chromium (navigation start → figures and charts drawn; ${above(first.ms)})`,
      value: ms(first.ms),
      goal: '< 1000 ms',
    });
    rows.push({ what: `  of which: ${first.parts}`, value: '', goal: '' });
    rows.push({
      what: `  the same in a new browser context, server warm: median of 3 (${above(warm)})`,
      value: ms(warm),
      goal: '< 1000 ms',
    });
    rows.push({
      what: '  baseline: Chromium opening a trivial static page (navigation start → first paint), median of 3',
      value: ms(floor),
      goal: 'baseline',
    });

    for (const [label, q, total] of texts) {
      const s = await searchInWindow(browser, web, q, total);
      rows.push({
        what: `orders search in Chromium: ${label}, request → rows shown (typed → shown ${ms(s.typed)}, with the box's 300 ms pause)`,
        value: ms(s.request),
        goal: '< 300 ms',
      });
    }

    const page = await openWorkbenchPage(browser, web, `#/appraisals?quarter=${quarter}`);
    await page.waitForSelector('.ag-row[row-index="0"]', { timeout: 120_000 });
    const calls: string[] = [];
    let bytes = 0;
    page.on('response', async (r) => {
      if (!r.url().includes('/api/invoke/')) return;
      calls.push(r.url().replace(/.*\/api\/invoke\//, ''));
      bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    // Timed in the page, from the click itself to the "done" message: Playwright's finding of the button
    // among the grid's thousands of elements (seconds on a busy machine) is no part of what the manager waits.
    await page.evaluate(() => {
      const w = window as unknown as { benchTimes: Record<string, number> };
      w.benchTimes = {};
      document.addEventListener('click', () => (w.benchTimes.click ??= performance.now()), true);
      new MutationObserver(() => {
        if (document.querySelector('.ant-message-notice')) w.benchTimes.done ??= performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    const start = Date.now();
    await page.getByRole('button', { name: /重新计算|Recompute/ }).click();
    await page.waitForSelector('.ant-message-notice', { timeout: 120_000 });
    const withPlaywright = Date.now() - start;
    await page.waitForTimeout(1000); // an echo of the change would refetch here
    const t = await page.evaluate(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes);
    const shows = calls.filter((c) => c.startsWith('appraisal/show')).length;
    rows.push({
      what: `appraisal: recompute in Chromium (click → done message; ${calls.length} calls: ${[...new Set(calls)].join(', ')}; ${(bytes / 1e6).toFixed(2)} MB, appraisal/show fetched ${shows}×)`,
      value: ms(t.done - t.click),
      goal: 'service + < 0.5 s',
    });
    rows.push({
      what: '  the same from Playwright being asked to click (as measured before: finding the button included)',
      value: ms(withPlaywright),
      goal: '—',
    });
    // A second recompute on the same page: the web server has run the computation once (its code is
    // compiled, its pages cached), as the warm service baseline has.
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, { timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { benchTimes: Record<string, number> }).benchTimes = {}));
    await page.getByRole('button', { name: /重新计算|Recompute/ }).click();
    await page.waitForFunction(
      () => (window as unknown as { benchTimes: Record<string, number> }).benchTimes.done !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    const second = await page.evaluate(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes);
    rows.push({
      what: '  the same, a second recompute on the same page (server warm)',
      value: ms(second.done - second.click),
      goal: 'service + < 0.5 s',
    });
    return rows;
  } finally {
    await browser.close();
    await web.stop();
  }
}

export default async function windowSpeedSuite(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.largeDemoDir)
    return [
      {
        what: 'orders search, dashboard, appraisal recompute (large demo)',
        value: 'skipped (--skip-large)',
        goal: '—',
      },
    ];
  const { rows, quarter, computeMs, firstComputeMs, texts } = await databaseSide(ctx.largeDemoDir);
  rows.push(...(await inChromium(ctx.largeDemoDir, quarter, texts)));
  rows.push({
    what: '  baseline: review/compute through dispatch alone (the service), median of 3',
    value: ms(computeMs),
    goal: 'baseline',
  });
  rows.push({
    what: "  baseline: the service's first call in this process (cold, as the window's first recompute meets it)",
    value: ms(firstComputeMs),
    goal: 'baseline',
  });
  return rows;
}
