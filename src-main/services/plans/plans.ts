import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { PlanActivity, SalesPlan } from '../../contract/plans';
import { customerExists } from '../../db/access/customers';
import { salesTotal } from '../../db/access/orders';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { personOf, planRange, teamId } from './resolve';

/**
 * Sales plans and their activities (P2.5, P2.6, P1.3): a plan per team or salesperson and month or
 * quarter (channels, methods, timing, budget, expected sales), activities under it, and plan against
 * done: activities completed, budget used, sales credited and the orders actually taken in the period.
 */

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number) => Math.round(f) / 100;

interface PlanRow {
  id: number;
  period: string;
  teamId: number | null;
  team: string | null;
  staffId: number | null;
  person: string | null;
  title: string | null;
  channels: string | null;
  methods: string | null;
  timing: string | null;
  budget: number;
  expectedSales: number;
}

const PLAN_SQL = `SELECT p.id, p.period, p.team_id AS teamId, t.name AS team, p.staff_id AS staffId, s.name AS person, p.title, p.channels, p.methods, p.timing, p.budget, p.expected_sales AS expectedSales
  FROM sales_plans p LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN staff s ON s.id = p.staff_id`;

function toPlan(db: Database, r: PlanRow): SalesPlan {
  const a = db
    .prepare(
      `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
              coalesce(sum(spent), 0) AS spent, coalesce(sum(credited_sales), 0) AS credited FROM plan_activities WHERE plan_id = ?`,
    )
    .get(r.id) as { n: number; done: number; cancelled: number; spent: number; credited: number };
  const range = planRange(r.period);
  const sold = salesTotal(
    db,
    range.from,
    range.to,
    r.staffId !== null ? { staffId: r.staffId } : r.teamId !== null ? { teamId: r.teamId } : null,
  );
  return {
    id: r.id,
    period: r.period,
    teamId: r.teamId,
    team: r.team,
    staffId: r.staffId,
    person: r.person,
    title: r.title,
    channels: r.channels ? r.channels.split(',').filter(Boolean) : [],
    methods: r.methods,
    timing: r.timing,
    budget: yuan(r.budget),
    expectedSales: yuan(r.expectedSales),
    progress: {
      activities: a.n,
      done: a.done,
      cancelled: a.cancelled,
      spent: yuan(a.spent),
      creditedSales: yuan(a.credited),
      actualSales: yuan(sold),
    },
  };
}

export function listPlans(db: Database, period?: string): SalesPlan[] {
  const rows = db
    .prepare(`${PLAN_SQL}${period ? ' WHERE p.period = ?' : ''} ORDER BY p.period DESC, t.name, s.name`)
    .all(...(period ? [period] : [])) as PlanRow[];
  return rows.map((r) => toPlan(db, r));
}

export function getPlan(db: Database, id: number): SalesPlan {
  const r = db.prepare(`${PLAN_SQL} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!r) throw new WorkbenchError('plans/not-found', { id });
  return toPlan(db, r);
}

export function savePlan(ctx: ServiceContext, input: ParsedInput<'plans/save'>): SalesPlan {
  const { db } = ctx;
  const person = input.person ? personOf(db, input.person) : null;
  const team = input.team ? teamId(db, input.team) : (person?.teamId ?? null);
  const { year } = planRange(input.period);
  const values = [
    year,
    input.period,
    team,
    person?.id ?? null,
    input.title ?? null,
    input.channels.join(','),
    input.methods ?? null,
    input.timing ?? null,
    fen(input.budget),
    fen(input.expectedSales),
  ];
  const id = db.transaction(() => {
    if (input.id !== undefined) {
      const before = getPlan(db, input.id);
      db.prepare(
        'UPDATE sales_plans SET year = ?, period = ?, team_id = ?, staff_id = ?, title = ?, channels = ?, methods = ?, timing = ?, budget = ?, expected_sales = ? WHERE id = ?',
      ).run(...values, input.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'sales_plan',
        entityId: input.id,
        field: 'plan',
        oldValue: { budget: before.budget, expectedSales: before.expectedSales },
        newValue: { budget: input.budget, expectedSales: input.expectedSales },
      });
      return input.id;
    }
    const r = db
      .prepare(
        'INSERT INTO sales_plans (year, period, team_id, staff_id, title, channels, methods, timing, budget, expected_sales, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...values, nowIso());
    audit(db, {
      actor: ctx.actor,
      entity: 'sales_plan',
      entityId: Number(r.lastInsertRowid),
      field: 'created',
      newValue: input.period,
    });
    return Number(r.lastInsertRowid);
  })();
  return getPlan(db, id);
}

export function deletePlan(ctx: ServiceContext, id: number): { deleted: number } {
  const { db } = ctx;
  const p = getPlan(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM plan_activities WHERE plan_id = ?').run(id);
    db.prepare('DELETE FROM sales_plans WHERE id = ?').run(id);
    audit(db, { actor: ctx.actor, entity: 'sales_plan', entityId: id, field: 'deleted', oldValue: p.period });
  })();
  return { deleted: 1 };
}

const ACT_SQL = `SELECT a.id, a.plan_id AS planId, a.owner_id AS ownerId, s.name AS owner, a.customer_id AS customerId, c.name AS customer, a.date, a.kind, a.title, a.status,
  a.budget, a.spent, a.outcome, a.credited_sales AS creditedSales, a.source
  FROM plan_activities a LEFT JOIN staff s ON s.id = a.owner_id LEFT JOIN customers c ON c.id = a.customer_id`;

const money = (a: PlanActivity): PlanActivity => ({
  ...a,
  budget: yuan(a.budget),
  spent: yuan(a.spent),
  creditedSales: yuan(a.creditedSales),
});

export function listActivities(db: Database, planId: number): PlanActivity[] {
  getPlan(db, planId);
  return (db.prepare(`${ACT_SQL} WHERE a.plan_id = ? ORDER BY a.date, a.id`).all(planId) as PlanActivity[]).map(money);
}

export function getActivity(db: Database, id: number): PlanActivity {
  const r = db.prepare(`${ACT_SQL} WHERE a.id = ?`).get(id) as PlanActivity | undefined;
  if (!r) throw new WorkbenchError('plans/activity-not-found', { id });
  return money(r);
}

export function saveActivity(
  ctx: ServiceContext,
  input: ParsedInput<'plans/activity-save'> & { source?: string },
): PlanActivity {
  const { db } = ctx;
  const plan = getPlan(db, input.planId);
  const owner = input.owner ? personOf(db, input.owner).id : plan.staffId;
  if (input.customerId && !customerExists(db, input.customerId))
    throw new WorkbenchError('plans/unknown-customer', { id: input.customerId });
  const values = [
    input.planId,
    owner,
    input.customerId ?? null,
    input.date,
    input.kind,
    input.title,
    input.status,
    fen(input.budget),
    fen(input.spent),
    input.outcome ?? null,
    fen(input.creditedSales),
  ];
  const id = db.transaction(() => {
    if (input.id !== undefined) {
      const before = getActivity(db, input.id);
      db.prepare(
        'UPDATE plan_activities SET plan_id = ?, owner_id = ?, customer_id = ?, date = ?, kind = ?, title = ?, status = ?, budget = ?, spent = ?, outcome = ?, credited_sales = ? WHERE id = ?',
      ).run(...values, input.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'plan_activity',
        entityId: input.id,
        field: 'activity',
        oldValue: { status: before.status, spent: before.spent, creditedSales: before.creditedSales },
        newValue: { status: input.status, spent: input.spent, creditedSales: input.creditedSales },
      });
      return input.id;
    }
    const r = db
      .prepare(
        'INSERT INTO plan_activities (plan_id, owner_id, customer_id, date, kind, title, status, budget, spent, outcome, credited_sales, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...values, input.source ?? null);
    return Number(r.lastInsertRowid);
  })();
  return getActivity(db, id);
}
