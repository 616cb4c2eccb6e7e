import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { PersonSuggestions, PlanActivity, Suggestion } from '../../contract/plans';
import type { CareEvent } from '../../contract/care';
import { latestOrderDate, salesBySalesperson } from '../../db/access/orders';
import { personSalesTargets } from '../../db/access/targets';
import { t, type Lang } from '../../i18n/messages';
import { workingDaysBetween } from '../calendar';
import { careCalendar } from '../care/calendar';
import { templateLookup } from '../care/templates';
import { dueVisits } from '../care/visits';
import { addDays } from '../customers/rules';
import type { ServiceContext } from '../context';
import { saveActivity } from './plans';
import { personOf, planRange } from './resolve';
import { today } from '../context';

/**
 * Gap-driven suggestions (P2.6, issue 15 item 5): for each salesperson behind their target of a month or
 * quarter (actual below the target's working-day pace), the gap in yuan and a to-do list ranked by the
 * yuan at stake: customers whose orders fell against the same period last year, A customers past their
 * visit cadence (P4.2), opportunities expected to close in the period, greetings of the period not sent to
 * A customers (overdue care, P4.3), open tickets of A customers (the big ones, P4.4). Works on orders and
 * targets alone; the other kinds appear once those tables hold rows.
 */

const yuan = (f: number) => Math.round(f) / 100;
const ACTIVITY_OF: Record<Suggestion['kind'], PlanActivity['kind']> = {
  'orders-fell': 'visit',
  'visit-overdue': 'visit',
  'opportunity-closing': 'follow-up',
  'ticket-open': 'follow-up',
  'care-overdue': 'follow-up',
  dormant: 'visit',
};

function asOfIn(db: Database, from: string, to: string): string {
  const latest = latestOrderDate(db) ?? today();
  return latest < from ? from : latest > to ? to : latest;
}

type Cand = Omit<Suggestion, 'taken'> & { staffId: number };

/** Each customer's sales of the twelve months to `asOf`, in fen: the yuan at stake when a customer is neglected. */
function revenueOf(db: Database, asOf: string, customerIds: number[]): Map<number, number> {
  if (!customerIds.length) return new Map();
  return new Map(
    db
      .prepare(
        `SELECT customer_id, sum(amount) FROM orders WHERE customer_id IN (SELECT value FROM json_each(?)) AND date > date(?, '-1 year') AND date <= ? GROUP BY customer_id`,
      )
      .raw()
      .all(JSON.stringify([...new Set(customerIds)]), asOf, asOf) as [number, number][],
  );
}

/**
 * Overdue care (P4.3): greetings of the period that fell before `asOf` and were not sent to an A customer of
 * the people behind. The occasions are the care list's (services/care/list.ts: the care calendar's events that
 * have a greeting); a greeting counts as sent, as on the care list, when one was recorded for the customer and
 * occasion (and the contact, for a birthday) within 15 days either side. One suggestion per customer, worth its
 * sales of the last twelve months.
 */
function overdueCare(db: Database, from: string, asOf: string, ids: string, lang: Lang): Cand[] {
  const last = addDays(asOf, -1);
  if (last < from) return [];
  const owners = new Map(
    (
      db
        .prepare(
          `SELECT c.id, c.name, c.owner_id AS sid FROM customers c WHERE c.stage = 'customer' AND coalesce(c.grade_override, c.grade) = 'A' AND c.owner_id IN (${ids})`,
        )
        .all() as { id: number; name: string; sid: number }[]
    ).map((r) => [r.id, r]),
  );
  if (!owners.size) return [];
  const template = templateLookup(db);
  const years = [...new Set([Number(from.slice(0, 4)), Number(last.slice(0, 4))])];
  const events = years
    .flatMap((y) => careCalendar(db, y, {}, lang).events)
    .filter((e) => e.date >= from && e.date <= last && template(e.occasionKey, lang) !== null);
  const sent = new Map<string, { date: string; contact: number | null }[]>();
  for (const r of db
    .prepare(
      `SELECT customer_id AS cid, occasion, contact_id AS contact, date FROM interactions WHERE kind = 'care' AND date BETWEEN ? AND ? AND customer_id IN (SELECT value FROM json_each(?))`,
    )
    .all(addDays(from, -15), addDays(last, 15), JSON.stringify([...owners.keys()])) as {
    cid: number;
    occasion: string | null;
    contact: number | null;
    date: string;
  }[]) {
    const k = `${r.cid}|${r.occasion}`;
    (sent.get(k) ?? sent.set(k, []).get(k)!).push(r);
  }
  const isSent = (cid: number, e: CareEvent) =>
    (sent.get(`${cid}|${e.occasionKey}`) ?? []).some(
      (x) =>
        (e.contactId === undefined || x.contact === e.contactId) &&
        x.date >= addDays(e.date, -15) &&
        x.date <= addDays(e.date, 15),
    );
  const missed = new Map<number, CareEvent[]>();
  for (const e of events) {
    const cids = e.customerId !== undefined ? (owners.has(e.customerId) ? [e.customerId] : []) : [...owners.keys()];
    for (const cid of cids) if (!isSent(cid, e)) (missed.get(cid) ?? missed.set(cid, []).get(cid)!).push(e);
  }
  const revenue = revenueOf(db, asOf, [...missed.keys()]);
  return [...missed].map(([cid, list]) => {
    const c = owners.get(cid)!;
    return {
      staffId: c.sid,
      key: `care-overdue:${cid}`,
      kind: 'care-overdue' as const,
      customerId: cid,
      customer: c.name,
      value: yuan(revenue.get(cid) ?? 0),
      detail: { occasion: list[0].occasion, date: list[0].date, missed: list.length },
    };
  });
}

function candidates(
  db: Database,
  range: { from: string; to: string },
  asOf: string,
  staffIds: number[],
  lang: Lang,
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
  // A customers past their visit cadence: the customer care module's one rule (visits/due, P4.2)
  const byNo = new Map(
    (
      db.prepare(`SELECT id, employee_no AS no FROM staff WHERE id IN (${ids})`).all() as { id: number; no: string }[]
    ).map((r) => [r.no, r.id]),
  );
  const overdue = dueVisits(db, { asOf, includeDueSoon: false }).items.filter(
    (i) => i.grade === 'A' && i.salesperson !== null && byNo.has(i.salesperson),
  );
  const revenue = revenueOf(
    db,
    asOf,
    overdue.map((i) => i.customerId),
  );
  for (const r of overdue)
    add({
      staffId: byNo.get(r.salesperson!)!,
      key: `visit-overdue:${r.customerId}`,
      kind: 'visit-overdue',
      customerId: r.customerId,
      customer: r.customer,
      value: yuan(revenue.get(r.customerId) ?? 0),
      detail: { lastVisit: r.lastVisit, due: r.dueDate, daysOverdue: r.daysOverdue },
    });
  for (const c of overdueCare(db, range.from, asOf, ids, lang)) add(c);
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
       FROM tickets t JOIN customers c ON c.id = t.customer_id
       WHERE t.status IN ('new', 'in_progress', 'waiting') AND coalesce(c.grade_override, c.grade) = 'A' AND coalesce(t.staff_id, c.owner_id) IN (${ids})`,
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
  lang: Lang,
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
    lang,
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
  const all = suggestions(db, { period: input.period, person: input.person, limit: 1000 }, ctx.lang);
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
