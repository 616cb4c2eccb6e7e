import type { Database } from 'better-sqlite3';
import type { PersonTargetView, TargetRowView, TargetsShow } from '../../contract/targets';
import { monthlySales, type MonthlyActuals } from '../../db/access/orders';
import { PERIODS } from './periods';
import { isLocked, loadPlan, type PlanNode, type SpreadMetric } from './plan';
import { planHeader } from './store';

/**
 * `targets show` (cli.md): the whole tree with quarters, months and actual sales by month, plus what
 * the grid needs beside them (locks, last year's actual, tiers and proposals). Amounts in yuan.
 */

const yuan = (fen: number) => Math.round(fen) / 100;
const sumMonths = (a: number[]) => a.reduce((s, v) => s + v, 0);

function rowView(n: PlanNode, actual: number[], lastYear: number): TargetRowView {
  return {
    annual: n.row[0],
    quarters: n.row.slice(1, 5),
    months: n.row.slice(5),
    actualMonths: actual.map(yuan),
    lastYearActual: yuan(lastYear),
    lockedPeriods: PERIODS.filter((_, i) => isLocked(n, i)),
  };
}

function tiers(db: Database, year: number): Map<number, Partial<Record<'stretch' | 'challenge' | 'proposal', number>>> {
  const rows = db
    .prepare(
      "SELECT scope_id AS id, metric, amount FROM target_cells WHERE year = ? AND scope = 'person' AND period = 'Y' AND metric IN ('stretch', 'challenge', 'proposal')",
    )
    .all(year) as { id: number; metric: 'stretch' | 'challenge' | 'proposal'; amount: number }[];
  const out = new Map<number, Partial<Record<'stretch' | 'challenge' | 'proposal', number>>>();
  for (const r of rows) out.set(r.id, { ...out.get(r.id), [r.metric]: Math.round(r.amount / 100) });
  return out;
}

/** The year's plan with actuals, as `targets show --json` prints it. */
export function showTargets(db: Database, year: number, metric: SpreadMetric = 'sales'): TargetsShow {
  const plan = loadPlan(db, year, metric);
  const header = planHeader(db, year);
  const now = monthlySales(db, year);
  const last = monthlySales(db, year - 1);
  const pick = (a: MonthlyActuals | undefined) =>
    a ? (metric === 'profit' ? a.profit : a.sales) : new Array<number>(12).fill(0);
  const tier = tiers(db, year);
  const people: PersonTargetView[] = [];
  const teams = plan.teams.map((t) => {
    const teamActual = new Array<number>(12).fill(0);
    let teamLast = 0;
    for (const p of t.children) {
      const actual = pick(now.byPerson.get(p.id));
      const lastYear = sumMonths(pick(last.byPerson.get(p.id)));
      actual.forEach((v, i) => (teamActual[i] += v));
      teamLast += lastYear;
      const tr = tier.get(p.id) ?? {};
      people.push({
        id: p.id,
        employeeNo: p.employeeNo!,
        name: p.name,
        team: t.name,
        teamId: t.id,
        ...rowView(p, actual, lastYear),
        locked: p.locked.map((l, i) => (l && i >= 5 ? i - 4 : 0)).filter((m) => m > 0),
        available: [...p.available],
        stretch: tr.stretch ?? null,
        challenge: tr.challenge ?? null,
        proposal: tr.proposal ?? null,
      });
    }
    return { id: t.id, name: t.name, ...rowView(t, teamActual, teamLast) };
  });
  return {
    year,
    metric,
    status: header.status,
    method: header.method,
    growthPct: header.growthPct,
    weights: header.weights,
    approvedBy: header.approvedBy,
    approvedAt: header.approvedAt,
    // The company's actual counts every order, also those of people outside the plan.
    company: rowView(plan.company, pick(now.company), sumMonths(pick(last.company))),
    teams,
    people,
  };
}
