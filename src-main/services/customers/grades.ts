import type { Database } from 'better-sqlite3';
import type { Grade } from '../../contract/customers';
import { customerOrderFigures } from '../../db/access/orders';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { addMonths, gradeOf, readRules } from './rules';

/**
 * P4.1: recomputes every customer's rule grade from the last 12 months' orders as of `asOf`, with the
 * figures it came from, and the first and last order dates (anniversaries, dormancy). A lead or prospect
 * that has bought becomes a customer, dated on its first order (P3.1). Overrides are kept. `read` gives
 * the orders' figures (the demo passes those it has just generated rather than reading them back).
 */
export function regrade(
  db: Database,
  actor: string,
  asOf = today(),
  only?: number,
  read = customerOrderFigures,
): { asOf: string; customers: number; byGrade: Record<Grade, number> } {
  const rules = readRules(db);
  const from = addMonths(asOf, -12);
  const figures = read(db, from, asOf, only);
  const rows = (
    db.prepare('SELECT id, stage FROM customers WHERE ? IS NULL OR id = ?').all(only ?? null, only ?? null) as {
      id: number;
      stage: string;
    }[]
  ).map((c) => ({ ...c, sales: null, profit: null, first: null, last: null, ...figures.get(c.id) }));
  const update = db.prepare(
    'UPDATE customers SET grade = ?, grade_sales = ?, grade_profit = ?, grade_as_of = ?, first_order_date = ?, last_order_date = ? WHERE id = ?',
  );
  const promote = db.prepare("UPDATE customers SET stage = 'customer' WHERE id = ?");
  const log = db.prepare(
    'INSERT INTO customer_stage_log (customer_id, date, from_stage, to_stage, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byGrade: Record<Grade, number> = { A: 0, B: 0, C: 0 };
  const at = nowIso();
  for (const r of rows) {
    const sales = r.sales ?? 0;
    const profit = r.profit ?? 0;
    const { grade } = gradeOf(sales, profit, rules);
    byGrade[grade]++;
    update.run(grade, sales, profit, asOf, r.first, r.last, r.id);
    if ((r.stage === 'lead' || r.stage === 'prospect') && r.first) {
      promote.run(r.id);
      log.run(r.id, r.first, r.stage, 'customer', 'first-order', actor, at);
    }
  }
  return { asOf, customers: rows.length, byGrade };
}

export function regradeAll(ctx: ServiceContext, asOf?: string) {
  return ctx.db.transaction(() => {
    const result = regrade(ctx.db, ctx.actor, asOf);
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'customer-grades',
      entityId: result.asOf,
      newValue: result.byGrade,
      reason: 'regrade',
    });
    return result;
  })();
}
