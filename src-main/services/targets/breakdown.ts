import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { ParsedInput, Output } from '../../contract';
import type { ServiceContext } from '../context';
import { hasOfficialSchedule, workingDaysByMonth } from '../calendar';
import { cellLabel } from './cells';
import { assertLocksHeld, cellStats, distributeCell, lockedCells, type Held, type Spread } from './distribute';
import { actionId } from './edit';
import { historyBase } from './history-base';
import { loadPlan, rollUp, type Plan, type PlanNode } from './plan';
import { checkEditable, savePlan } from './store';

/**
 * The breakdown (P2.2): the company's annual target spread to teams, salespeople, quarters and months
 * by one method, keeping every locked cell and spreading only the remainder.
 * - even: each salesperson the same per month worked, each month the same;
 * - history: each person in proportion to last year's actual, each month by last year's company seasonality
 *   (an incomplete last year only with a chosen stand-in, a person hired during it pro-rated: history-base.ts);
 * - weights: the manager's twelve monthly factors and/or weights per salesperson;
 * - bottom-up: in proportion to the people's own proposals (or, with `adopt`, exactly the proposals);
 * - working-days: each salesperson the same, each month by its official working days (P2.6, 调休 included).
 * A salesperson's weight for a month is person weight × month weight, and nothing for a month the
 * person does not work; a team's weight is the sum of its people's.
 */

type BreakdownInput = ParsedInput<'targets/breakdown'>;

/** Weights of free salesperson-months under a cell: Σ person weight × month weight over months no lock holds. */
function methodSpread(plan: Plan, h: Held, personWeight: (p: PlanNode) => number, monthWeight: number[]): Spread {
  const pw = new Map(plan.people.map((p) => [p, personWeight(p)]));
  const stats = cellStats(plan, h, (p, m) => p.available[m - 1] * monthWeight[m - 1] * pw.get(p)!);
  return { held: h, stats, weight: (n, i) => stats.get(n)!.weight[i] };
}

function proposals(db: Database, year: number): Map<number, number> {
  const rows = db
    .prepare(
      "SELECT scope_id AS id, amount FROM target_cells WHERE year = ? AND scope = 'person' AND period = 'Y' AND metric = 'proposal'",
    )
    .all(year) as { id: number; amount: number }[];
  return new Map(rows.map((r) => [r.id, Math.round(r.amount / 100)]));
}

/** Checks the inputs of a breakdown and works out the weights; refuses before anything is written. */
function weightsFor(db: Database, plan: Plan, input: BreakdownInput) {
  const pick = (a: { sales: number[]; profit: number[] }) => (input.metric === 'profit' ? a.profit : a.sales);
  const needHistory = input.method === 'history' || input.seasonality === 'history' || input.growth !== undefined;
  // P2.2: a base year that is not over yet is refused until the manager chooses what stands in for it.
  const last = needHistory ? historyBase(db, plan, input.metric, input.base, true) : null;
  const lastTotal = last ? pick(last.company).reduce((a, b) => a + b, 0) : 0;
  if (needHistory && lastTotal <= 0) throw new WorkbenchError('targets/no-history', { year: plan.year - 1 });

  let personWeight: (p: PlanNode) => number = () => 1;
  if (input.method === 'history')
    personWeight = (p) =>
      pick(last!.byPerson.get(p.id) ?? { sales: [], profit: [] }).reduce((a, b) => a + b, 0) *
      (last!.scale.get(p.id) ?? 1);
  if (input.method === 'weights' && input.personWeights) {
    const given = new Map(Object.entries(input.personWeights).map(([k, v]) => [k.toLowerCase(), v]));
    // A set, not a search of the plan per key: weights for all 1,000 people were a million comparisons.
    const known = new Set(plan.people.map((p) => p.employeeNo!.toLowerCase()));
    for (const k of Object.keys(input.personWeights)) {
      if (!known.has(k.toLowerCase()))
        throw new WorkbenchError('targets/unknown-person', { person: k, year: plan.year });
    }
    if (![...given.values()].some((v) => v > 0)) throw new WorkbenchError('targets/weights-zero');
    personWeight = (p) => given.get(p.employeeNo!.toLowerCase()) ?? 0;
  }
  let proposed: Map<number, number> | null = null;
  if (input.method === 'bottom-up') {
    proposed = proposals(db, plan.year);
    if (![...proposed.values()].some((v) => v > 0))
      throw new WorkbenchError('targets/no-proposals', { year: plan.year });
    personWeight = (p) => proposed!.get(p.id) ?? 0;
  }
  if (input.method === 'weights' && !input.weights && !input.personWeights)
    throw new WorkbenchError('targets/weights-missing');
  if (input.weights && !input.weights.some((w) => w > 0)) throw new WorkbenchError('targets/weights-zero');

  // Bottom-up follows last year's seasonality by default, so an incomplete base is refused there too.
  const bottomUpBase =
    input.method === 'bottom-up' && !input.seasonality ? historyBase(db, plan, input.metric, input.base, false) : null;
  if (bottomUpBase && bottomUpBase.info.kind === null && bottomUpBase.info.total > 0)
    historyBase(db, plan, input.metric, input.base, true);
  const seasonality: Output<'targets/breakdown'>['seasonality'] =
    input.seasonality ??
    (input.method === 'working-days'
      ? 'working-days'
      : input.method === 'history'
        ? 'history'
        : input.method === 'weights' && input.weights
          ? 'weights'
          : bottomUpBase && bottomUpBase.info.total > 0
            ? 'history'
            : 'even');
  if (seasonality === 'weights' && !input.weights) throw new WorkbenchError('targets/weights-missing');
  const base = last ?? (seasonality === 'history' ? bottomUpBase : null);
  const seasonal = seasonality === 'history' && base ? pick(base.company) : null;
  // P2.6 working days: each month weighs as many of China's official working days (调休 included) as it has.
  const workingDays =
    seasonality === 'working-days'
      ? { months: workingDaysByMonth(plan.year), officialCalendar: hasOfficialSchedule(plan.year) }
      : undefined;
  const monthWeight =
    seasonality === 'weights'
      ? input.weights!
      : workingDays
        ? workingDays.months
        : (seasonal ?? new Array<number>(12).fill(1));
  return { personWeight, monthWeight, seasonality, lastTotal, proposed, base: base?.info ?? null, workingDays };
}

/** `targets breakdown`: re-spreads the whole year by a method; locked cells are kept. */
export function breakdown(ctx: ServiceContext, input: BreakdownInput): Output<'targets/breakdown'> {
  const { db } = ctx;
  return db.transaction(() => {
    checkEditable(db, input.year, input.reason);
    const plan = loadPlan(db, input.year, input.metric);
    if (plan.people.length === 0) throw new WorkbenchError('targets/no-people', { year: input.year });
    const w = weightsFor(db, plan, input);
    const label = cellLabel(ctx.lang, plan.year);
    let annual = plan.company.row[0];
    if (input.growth !== undefined) annual = Math.round((w.lastTotal / 100) * (1 + input.growth / 100));
    if (input.method === 'bottom-up' && input.adopt)
      annual = plan.people.reduce((s, p) => s + (w.proposed!.get(p.id) ?? 0), 0);
    if (annual !== plan.company.row[0] && plan.company.locked[0])
      throw new WorkbenchError('targets/locked-ancestor', { cell: label(plan.company, 0) });
    if (annual <= 0) throw new WorkbenchError('targets/no-annual', { year: input.year });
    const h = lockedCells(plan);
    h.get(plan.company)?.delete(0);
    distributeCell(methodSpread(plan, h, w.personWeight, w.monthWeight), label, plan.company, 0, annual);
    rollUp(plan);
    assertLocksHeld(h);
    const saved = savePlan(ctx, plan, actionId('breakdown'), input.reason);
    db.prepare('UPDATE target_plans SET method = ?, growth_pct = ?, weights = ? WHERE year = ?').run(
      input.method,
      input.growth ?? null,
      w.seasonality === 'weights' ? JSON.stringify(input.weights) : null,
      input.year,
    );
    return {
      year: plan.year,
      rowsChanged: saved.rowsChanged,
      cellsWritten: saved.cellsWritten,
      companyAnnual: plan.company.row[0],
      method: input.method,
      seasonality: w.seasonality,
      base: w.base,
      ...(w.workingDays ? { workingDays: w.workingDays } : {}),
    };
  })();
}
