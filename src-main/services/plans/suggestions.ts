import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { PersonSuggestions, PlanActivity, Suggestion } from '../../contract/plans';
import { latestOrderDate, salesBySalesperson } from '../../db/access/orders';
import { personSalesTargets } from '../../db/access/targets';
import { t } from '../../i18n/messages';
import { workingDaysBetween } from '../calendar';
import type { ServiceContext } from '../context';
import { saveActivity } from './plans';
import { personOf, planRange } from './resolve';

/**
 * Gap-driven suggestions (P2.6, issue 15 item 5): for each salesperson behind their target of a month or
 * quarter (actual below the target's working-day pace), the gap in yuan and a to-do list ranked by the
 * yuan at stake: customers whose orders fell against the same period last year, customers past their
 * visit cadence, opportunities expected to close in the period, open tickets of customers. Works on
 * orders and targets alone; the other kinds appear once those tables hold rows.
 */

const yuan = (f: number) => Math.round(f) / 100;
const ACTIVITY_OF: Record<Suggestion['kind'], PlanActivity['kind']> = {
  'orders-fell': 'visit',
  'visit-overdue': 'visit',
  'opportunity-closing': 'follow-up',
  'ticket-open': 'follow-up',
  dormant: 'visit',
};

function asOfIn(db: Database, from: string, to: string): string {
  const latest = latestOrderDate(db) ?? dayjs().format('YYYY-MM-DD');
  return latest < from ? from : latest > to ? to : latest;
}

type Cand = Omit<Suggestion, 'taken'> & { staffId: number };

function candidates(
  db: Database,
  range: { from: string; to: string },
  asOf: string,
  staffIds: number[],
): Map<number, Cand[]> {
  const out = new Map<number, Cand[]>();
  const add = (c: Cand) => (out.get(c.staffId) ?? out.set(c.staffId, []).get(c.staffId)!).push(c);
  const ids = staffIds.join(',') || '0';
  const lyFrom = dayjs(range.from).subtract(1, 'year').format('YYYY-MM-DD');
  const lyTo = dayjs(asOf).subtract(1, 'year').format('YYYY-MM-DD');
  // the same days of last year against this period to date, per (salesperson, customer)
  const fell = db
    .prepare(
      `SELECT o.salesperson_id AS sid, o.customer_id AS cid, c.name, sum(CASE WHEN o.date >= ? THEN o.amount ELSE 0 END) AS now, sum(CASE WHEN o.date <= ? THEN o.amount ELSE 0 END) AS ly
       FROM orders o JOIN customers c ON c.id = o.customer_id
       WHERE ((o.date BETWEEN ? AND ?) OR (o.date BETWEEN ? AND ?)) AND o.salesperson_id IN (${ids})
       GROUP BY o.salesperson_id, o.customer_id HAVING ly > now`,
    )
    .all(range.from, lyTo, lyFrom, lyTo, range.from, asOf) as {
    sid: number;
    cid: number;
    name: string;
    now: number;
    ly: number;
  }[];
  for (const r of fell)
    add({
      staffId: r.sid,
      key: `orders-fell:${r.cid}`,
      kind: 'orders-fell',
      customerId: r.cid,
      customer: r.name,
      value: yuan(r.ly - r.now),
      detail: { lastYear: yuan(r.ly), now: yuan(r.now) },
    });
  const overdue = db
    .prepare(
      `SELECT c.owner_id AS sid, c.id AS cid, c.name, c.visit_interval_days AS every, (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.kind = 'visit' AND i.date <= ?) AS last,
              (SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.date > date(?, '-1 year') AND o.date <= ?) AS revenue
       FROM customers c WHERE c.owner_id IN (${ids}) AND c.visit_interval_days IS NOT NULL`,
    )
    .all(asOf, asOf, asOf) as {
    sid: number;
    cid: number;
    name: string;
    every: number;
    last: string | null;
    revenue: number;
  }[];
  for (const r of overdue) {
    const due = r.last ? dayjs(r.last).add(r.every, 'day').format('YYYY-MM-DD') : null;
    if (due !== null && due >= asOf) continue;
    add({
      staffId: r.sid,
      key: `visit-overdue:${r.cid}`,
      kind: 'visit-overdue',
      customerId: r.cid,
      customer: r.name,
      value: yuan(r.revenue),
      detail: { lastVisit: r.last, due },
    });
  }
  const opps = db
    .prepare(
      `SELECT o.staff_id AS sid, o.customer_id AS cid, c.name, o.id, o.title, o.amount, o.expected_date AS expected FROM opportunities o JOIN customers c ON c.id = o.customer_id
       WHERE o.staff_id IN (${ids}) AND o.stage NOT IN ('won', 'lost') AND o.expected_date BETWEEN ? AND ?`,
    )
    .all(range.from, range.to) as {
    sid: number;
    cid: number;
    name: string;
    id: number;
    title: string;
    amount: number | null;
    expected: string;
  }[];
  for (const r of opps)
    add({
      staffId: r.sid,
      key: `opportunity-closing:${r.id}`,
      kind: 'opportunity-closing',
      customerId: r.cid,
      customer: r.name,
      value: yuan(r.amount ?? 0),
      detail: { opportunity: r.title, expected: r.expected },
    });
  const tickets = db
    .prepare(
      `SELECT coalesce(t.staff_id, c.owner_id) AS sid, c.id AS cid, c.name, t.id, t.ticket_no AS no, t.opened_date AS opened,
              (SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.date > date(?, '-1 year') AND o.date <= ?) AS revenue
       FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.status IN ('new', 'in_progress', 'waiting') AND coalesce(t.staff_id, c.owner_id) IN (${ids})`,
    )
    .all(asOf, asOf) as {
    sid: number;
    cid: number;
    name: string;
    id: number;
    no: string;
    opened: string;
    revenue: number;
  }[];
  for (const r of tickets)
    add({
      staffId: r.sid,
      key: `ticket-open:${r.id}`,
      kind: 'ticket-open',
      customerId: r.cid,
      customer: r.name,
      value: yuan(r.revenue),
      detail: { ticket: r.no, opened: r.opened },
    });
  return out;
}

/** The people behind target in the period and their ranked suggestions. */
export function suggestions(
  db: Database,
  input: { period: string; person?: string; limit: number },
): { period: string; asOf: string; people: PersonSuggestions[] } {
  const range = planRange(input.period);
  const asOf = asOfIn(db, range.from, range.to);
  const share = workingDaysBetween(range.from, range.to)
    ? workingDaysBetween(range.from, asOf) / workingDaysBetween(range.from, range.to)
    : 1;
  const only = input.person ? personOf(db, input.person).id : null;
  const targets = [
    ...personSalesTargets(
      db,
      range.year,
      range.months.map((m) => `M${m}`),
    ),
  ].map(([id, fen]) => ({ id, fen }));
  const actual = new Map(salesBySalesperson(db, range.from, asOf).map((r) => [r.salespersonId, r.sales]));
  const behind = targets.filter(
    (x) => (only === null || x.id === only) && x.fen > 0 && (actual.get(x.id) ?? 0) < x.fen * share,
  );
  const staff = new Map(
    (
      db
        .prepare(
          'SELECT s.id, s.employee_no AS no, s.name, t.name AS team FROM staff s LEFT JOIN teams t ON t.id = s.team_id',
        )
        .all() as { id: number; no: string; name: string; team: string | null }[]
    ).map((s) => [s.id, s]),
  );
  const cands = candidates(
    db,
    range,
    asOf,
    behind.map((b) => b.id),
  );
  const taken = new Set(
    (
      db
        .prepare(
          'SELECT p.staff_id AS sid, a.source FROM plan_activities a JOIN sales_plans p ON p.id = a.plan_id WHERE p.period = ? AND a.source IS NOT NULL',
        )
        .all(input.period) as { sid: number; source: string }[]
    ).map((r) => `${r.sid}/${r.source}`),
  );
  const people = behind
    .map((b) => {
      const s = staff.get(b.id)!;
      const list = (cands.get(b.id) ?? [])
        .sort((x, y) => y.value - x.value || x.key.localeCompare(y.key))
        .slice(0, input.limit);
      return {
        staffId: b.id,
        employeeNo: s.no,
        name: s.name,
        team: s.team,
        target: yuan(b.fen),
        actual: yuan(actual.get(b.id) ?? 0),
        gap: yuan(b.fen - (actual.get(b.id) ?? 0)),
        suggestions: list.map(({ staffId, ...c }) => ({ ...c, taken: taken.has(`${staffId}/${c.key}`) })),
      };
    })
    .sort((a, b) => b.gap - a.gap || a.employeeNo.localeCompare(b.employeeNo));
  return { period: input.period, asOf, people };
}

/** One click: the suggestion becomes a planned activity under the person's plan of the period (made when missing). */
export function takeSuggestion(ctx: ServiceContext, input: ParsedInput<'plans/take-suggestion'>): PlanActivity {
  const { db } = ctx;
  const person = personOf(db, input.person);
  const all = suggestions(db, { period: input.period, person: input.person, limit: 1000 });
  const s = all.people[0]?.suggestions.find((x) => x.key === input.key);
  if (!s) throw new WorkbenchError('plans/suggestion-not-found', { key: input.key, person: input.person });
  if (s.taken) throw new WorkbenchError('plans/suggestion-taken', { key: input.key });
  return db.transaction(() => {
    let plan = db
      .prepare('SELECT id FROM sales_plans WHERE period = ? AND staff_id = ? ORDER BY id LIMIT 1')
      .get(input.period, person.id) as { id: number } | undefined;
    if (!plan) {
      const r = db
        .prepare(
          "INSERT INTO sales_plans (year, period, team_id, staff_id, title, channels, created_at) VALUES (?, ?, ?, ?, ?, 'direct', ?)",
        )
        .run(
          planRange(input.period).year,
          input.period,
          person.teamId,
          person.id,
          t(ctx.lang, 'plans.suggestion.planTitle', { name: person.name, period: input.period }),
          new Date().toISOString(),
        );
      plan = { id: Number(r.lastInsertRowid) };
    }
    return saveActivity(ctx, {
      planId: plan.id,
      owner: person.employeeNo,
      customerId: s.customerId,
      date: input.date ?? all.asOf,
      kind: ACTIVITY_OF[s.kind],
      title: t(ctx.lang, `plans.suggestion.title-${s.kind}`, { customer: s.customer }),
      status: 'planned',
      budget: 0,
      spent: 0,
      creditedSales: 0,
      source: s.key,
    });
  })();
}
