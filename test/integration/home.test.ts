import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

// Issue 15 item 6 (P2.6): the manager's home page, its figures against plain queries of the rows.
const w = tmpWorkspace('en');
beforeAll(async () => {
  await w.call('demo/create', { size: 'small', seed: 21, today: '2026-08-20' });
}, 120_000);
afterAll(() => w.ws.close());

const sum = (sql: string, ...args: unknown[]) =>
  ((w.ws.db
    .prepare(sql)
    .pluck()
    .get(...args) as number | null) ?? 0) / 100;

describe('home page (P2.6)', () => {
  it('month and quarter to date against target, for the company, each team and each person; pace on working days', async () => {
    const h = await w.call('home/show', {});
    const asOf = w.ws.db.prepare('SELECT max(date) FROM orders').pluck().get() as string;
    expect(h.asOf).toBe(asOf);
    const month = asOf.slice(0, 7);
    const q = Math.ceil(Number(asOf.slice(5, 7)) / 3);
    const qFrom = `${asOf.slice(0, 4)}-${String(3 * q - 2).padStart(2, '0')}-01`;
    expect(h.company.month.actual).toBeCloseTo(
      sum('SELECT sum(amount) FROM orders WHERE date >= ? AND date <= ?', `${month}-01`, asOf),
      2,
    );
    expect(h.company.quarter.actual).toBeCloseTo(
      sum('SELECT sum(amount) FROM orders WHERE date >= ? AND date <= ?', qFrom, asOf),
      2,
    );
    expect(h.company.month.target).toBe(
      sum(
        "SELECT amount FROM target_cells WHERE scope = 'company' AND year = ? AND period = ? AND metric = 'sales'",
        h.year,
        `M${h.month}`,
      ),
    );
    for (const t of h.teams) {
      expect(t.month.actual, t.name).toBeCloseTo(
        sum(
          'SELECT sum(o.amount) FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE s.team_id = ? AND o.date >= ? AND o.date <= ?',
          t.id,
          `${month}-01`,
          asOf,
        ),
        2,
      );
      expect(t.quarter.target).toBe(
        sum(
          "SELECT amount FROM target_cells WHERE scope = 'team' AND scope_id = ? AND year = ? AND period = ? AND metric = 'sales'",
          t.id,
          h.year,
          `Q${h.quarter}`,
        ),
      );
    }
    // behind plan: below the month's target × the share of its working days gone, worst first
    for (const p of h.behind) {
      expect(p.month.actual).toBeLessThan(p.month.target * h.pace.timeShare);
      expect(p.month.actual).toBeCloseTo(
        sum(
          'SELECT sum(amount) FROM orders WHERE salesperson_id = ? AND date >= ? AND date <= ?',
          p.id,
          `${month}-01`,
          asOf,
        ),
        2,
      );
    }
    const gaps = h.behind.map((p) => p.month.actual - p.expected);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(h.ranking.map((r) => r.month.completion)).toEqual(
      [...h.ranking.map((r) => r.month.completion)].sort((a, b) => b! - a!),
    );
    expect(h.pace.workingDays).toBeGreaterThan(15);
    // an earlier day gives the same figures as a scan to that day
    const early = await w.call('home/show', { asOf: `${month}-10` });
    expect(early.company.month.actual).toBeCloseTo(
      sum('SELECT sum(amount) FROM orders WHERE date >= ? AND date <= ?', `${month}-01`, `${month}-10`),
      2,
    );
  });

  it('contracts awaiting approval, tickets and the survey show what the demo holds', async () => {
    const h = await w.call('home/show', {});
    // P3.3: the contracts in review, counted and summed independently (amounts are fen).
    const awaiting = w.ws.db
      .prepare("SELECT count(*) AS n, coalesce(sum(amount), 0) AS fen FROM contracts WHERE status = 'in_review'")
      .get() as { n: number; fen: number };
    expect(awaiting.n).toBeGreaterThan(0);
    expect(h.contractsAwaiting).toEqual({ hasData: true, count: awaiting.n, amount: awaiting.fen / 100 });
    expect(h.ticketsNearBreach.hasData).toBe(
      (w.ws.db.prepare('SELECT count(*) FROM tickets').pluck().get() as number) > 0,
    );
    // P4.2, P4.6: the tiles count what the screens they open list — the Visits screen's overdue customers and
    // the Service screen's open tickets due soon or breached, each by its own rule
    // (as of a day asked for; without one, as of today, as those screens open)
    const at = await w.call('home/show', { asOf: h.asOf });
    const due = await w.call('visits/due', { asOf: h.asOf, includeDueSoon: false });
    expect(at.overdueVisits).toEqual({ hasData: true, count: due.items.length });
    expect(due.items.length).toBeGreaterThan(0);
    const open = (
      await Promise.all(
        (['new', 'in_progress', 'waiting'] as const).map((status) =>
          w.call('tickets/list', { status, to: h.asOf, asOf: `${h.asOf}T23:59` }),
        ),
      )
    ).flat();
    expect(at.ticketsNearBreach.count).toBe(open.filter((t) => t.sla === 'due-soon').length);
    expect(at.ticketsNearBreach.breached).toBe(open.filter((t) => t.sla === 'breached').length);
    expect(h.overdueVisits.count).toBe((await w.call('visits/due', { includeDueSoon: false })).items.length);
    const months = w.ws.db
      .prepare(
        'SELECT DISTINCT substr(submitted_at, 1, 7) FROM survey_responses WHERE submitted_at >= ? AND substr(submitted_at, 1, 10) <= ? ORDER BY 1',
      )
      .pluck()
      .all('2026-03-01', h.asOf);
    expect(h.surveyTrend.map((m) => m.month)).toEqual(months);
    expect(h.appraisal?.quarter).toMatch(/^2026Q[1-3]$/);
  });
});
