import type { Database } from 'better-sqlite3';
import type { ContactRecord, CustomerDetail, TimelineItem } from '../../contract/customers';
import { WorkbenchError } from '../../contract/errors';
import { cmp, addDays, gradeOf, readRules } from './rules';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from './summary';
import { today } from '../context';

const CONTACT_SELECT = `SELECT id, customer_id AS customerId, name, title, department, phone, mobile, email, wechat,
  birth_calendar AS birthCalendar, birth_year AS birthYear, birth_month AS birthMonth, birth_day AS birthDay, preferences, role FROM contacts`;

export function contactsOf(db: Database, customerId: number): ContactRecord[] {
  return db.prepare(`${CONTACT_SELECT} WHERE customer_id = ? ORDER BY id`).all(customerId) as ContactRecord[];
}

export function contactById(db: Database, id: number): ContactRecord | undefined {
  return db.prepare(`${CONTACT_SELECT} WHERE id = ?`).get(id) as ContactRecord | undefined;
}

/** Effective cadence in days (P4.2): the customer's own, else its grade's, else C's. */
export function cadenceFor(
  row: { cadence_days: number | null; grade: string | null; grade_override: string | null },
  cadence: Record<'A' | 'B' | 'C', number>,
): number {
  const g = (row.grade_override ?? row.grade ?? 'C') as 'A' | 'B' | 'C';
  return row.cadence_days ?? cadence[g];
}

/** One customer's page (issue 13 item 6): master data, contacts, grade reasons, year-on-year sales, timeline. */
export function getCustomer(db: Database, id: number, asOf = today()): CustomerDetail {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE c.id = @id`).get({ id, asOf }) as SummaryRow | undefined;
  if (!row) throw new WorkbenchError('customers/not-found', { customer: id });
  const rules = readRules(db);
  const summary = toSummary(row, rules, asOf);
  const gradeReasons = row.grade_as_of ? gradeOf(row.grade_sales ?? 0, row.grade_profit ?? 0, rules).reasons : [];
  if (row.grade_override)
    gradeReasons.push({
      key: 'override',
      params: { grade: row.grade_override, reason: row.grade_override_reason ?? '' },
    });
  const cadenceDays = cadenceFor(row, rules.cadenceDays);
  const yearly = db
    .prepare(
      'SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, sum(amount) AS sales, sum(coalesce(profit, 0)) AS profit FROM orders WHERE customer_id = ? GROUP BY 1 ORDER BY 1',
    )
    .all(id) as { year: number; sales: number; profit: number }[];
  return {
    ...summary,
    address: row.address,
    phone: row.phone,
    email: row.email,
    cadenceDays,
    cadenceOverride: row.cadence_days,
    gradeOverrideReason: row.grade_override_reason,
    gradeAsOf: row.grade_as_of,
    gradeReasons,
    stageHistory: db
      .prepare(
        'SELECT date, from_stage AS "from", to_stage AS "to", reason, actor FROM customer_stage_log WHERE customer_id = ? ORDER BY date, id',
      )
      .all(id) as CustomerDetail['stageHistory'],
    contactList: contactsOf(db, id),
    yearlySales: yearly.map((y) => ({ year: y.year, sales: y.sales / 100, profit: y.profit / 100 })),
    timeline: timeline(db, id),
    nextVisitDue: addDays(row.lastVisit ?? row.created_at.slice(0, 10), cadenceDays),
  };
}

function timeline(db: Database, id: number): TimelineItem[] {
  const items: TimelineItem[] = [];
  const orders = db
    .prepare(
      'SELECT order_no AS no, min(date) AS date, sum(amount) AS amount, count(*) AS lines FROM orders WHERE customer_id = ? GROUP BY order_no ORDER BY date DESC LIMIT 200',
    )
    .all(id) as { no: string; date: string; amount: number; lines: number }[];
  for (const o of orders)
    items.push({ date: o.date, kind: 'order', title: o.no, detail: String(o.lines), amount: o.amount / 100 });
  const interactions = db
    .prepare(
      `SELECT i.date, i.kind, i.status, i.visit_type AS type, i.occasion, i.summary, i.purpose, i.outcome, i.channel, s.name AS staff
       FROM interactions i LEFT JOIN staff s ON s.id = i.staff_id WHERE i.customer_id = ? ORDER BY i.date DESC LIMIT 200`,
    )
    .all(id) as {
    date: string;
    kind: string;
    status: string;
    type: string | null;
    occasion: string | null;
    summary: string | null;
    purpose: string | null;
    outcome: string | null;
    channel: string | null;
    staff: string | null;
  }[];
  for (const i of interactions) {
    const care = i.kind === 'care';
    items.push({
      date: i.date,
      kind: care ? 'care' : i.kind === 'feedback' ? 'note' : 'visit',
      title: care ? (i.occasion ?? 'care') : `${i.type ?? i.kind}${i.status === 'done' ? '' : ` (${i.status})`}`,
      detail: [i.staff, i.channel, i.purpose, i.outcome, i.summary].filter(Boolean).join(' · ') || null,
    });
  }
  const surveys = db
    .prepare(
      'SELECT r.submitted_at AS date, s.name FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.customer_id = ? AND r.submitted_at IS NOT NULL',
    )
    .all(id) as { date: string; name: string }[];
  for (const s of surveys) items.push({ date: s.date.slice(0, 10), kind: 'survey', title: s.name, detail: null });
  const tickets = db
    .prepare(
      'SELECT opened_date AS date, ticket_no AS no, category, status, description FROM tickets WHERE customer_id = ?',
    )
    .all(id) as { date: string; no: string; category: string | null; status: string; description: string | null }[];
  for (const t of tickets)
    items.push({
      date: t.date,
      kind: 'ticket',
      title: `${t.no} ${t.category ?? ''}`.trim(),
      detail: [t.status, t.description].filter(Boolean).join(' · '),
    });
  const stages = db
    .prepare('SELECT date, from_stage AS f, to_stage AS t, reason FROM customer_stage_log WHERE customer_id = ?')
    .all(id) as { date: string; f: string | null; t: string; reason: string | null }[];
  for (const s of stages)
    items.push({ date: s.date, kind: 'stage', title: `${s.f ?? '—'} → ${s.t}`, detail: s.reason });
  return items.sort((a, b) => cmp(b.date, a.date));
}
