import dayjs from 'dayjs';
import type { Database } from 'better-sqlite3';
import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { ORDERS, ordersPage } from '../../src-main/services/records/lists';
import { dashboardSummary } from '../../src-main/services/records/dashboard';
import { queryPage } from '../../src-main/services/records/paging';
import { launchChromium, openWorkbenchPage, startWeb } from '../../test/support/browser';

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

async function databaseSide(dir: string): Promise<{ rows: BenchRow[]; quarter: string; computeMs: number }> {
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
    for (const [label, q] of [
      ['a 3-character salesperson name', name(3)],
      ['a 2-character salesperson name', name(2)],
      [`an order number's last 8 characters`, orderNo],
    ] as const) {
      let total = 0;
      const now = median(() => (total = ordersPage(db, req(q)).total));
      rows.push({
        what: `orders search: ${label} (${q}, ${total.toLocaleString('en')} lines), median of 3`,
        value: ms(now),
        goal: '< 300 ms',
      });
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
    return { rows, quarter, computeMs };
  } finally {
    ws.close();
  }
}

async function inChromium(dir: string, quarter: string): Promise<BenchRow[]> {
  const web = await startWeb(dir, ['--lang', 'zh-CN']);
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    let page = await openWorkbenchPage(browser, web, '#/dashboard');
    let start = Date.now();
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 120_000 });
    rows.push({
      what: 'dashboard: first opening in Chromium (address → figures shown)',
      value: ms(Date.now() - start),
      goal: '< 1000 ms',
    });
    await page.context().close();

    page = await openWorkbenchPage(browser, web, `#/appraisals?quarter=${quarter}`);
    await page.waitForSelector('.ag-row[row-index="0"]', { timeout: 120_000 });
    const calls: string[] = [];
    let bytes = 0;
    page.on('response', async (r) => {
      if (!r.url().includes('/api/invoke/')) return;
      calls.push(r.url().replace(/.*\/api\/invoke\//, ''));
      bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    start = Date.now();
    await page.getByRole('button', { name: /重新计算|Recompute/ }).click();
    await page.waitForSelector('.ant-message-notice', { timeout: 120_000 });
    const took = Date.now() - start;
    await page.waitForTimeout(1000); // an echo of the change would refetch here
    const shows = calls.filter((c) => c.startsWith('appraisal/show')).length;
    rows.push({
      what: `appraisal: recompute in Chromium (click → done; ${calls.length} calls, ${(bytes / 1e6).toFixed(1)} MB, review/show fetched ${shows}×)`,
      value: ms(took),
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
  const { rows, quarter, computeMs } = await databaseSide(ctx.largeDemoDir);
  rows.push(...(await inChromium(ctx.largeDemoDir, quarter)));
  rows.push({
    what: '  baseline: review/compute through dispatch alone (the service), median of 3',
    value: ms(computeMs),
    goal: 'baseline',
  });
  return rows;
}
