import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import type { ComplianceRow, DueItem, VisitRecord } from '../../contract/care';
import type { Grade } from '../../contract/customers';
import { WorkbenchError } from '../../contract/errors';
import { customerExists, customerRef } from '../../db/access/customers';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { cadenceFor } from '../customers/detail';
import { staffIdByNo } from '../customers/edit';
import { cmp, addDays, dayNumber, readRules } from '../customers/rules';
import { today } from '../context';

const VISIT_SELECT = `SELECT i.id, i.customer_id AS customerId, c.name AS customerName, i.date, i.visit_type AS type, i.status,
  i.contact_id AS contactId, k.name AS contactName, s.employee_no AS staffNo, s.name AS staffName,
  coalesce(i.purpose, i.summary) AS purpose, i.outcome, i.next_step AS nextStep, i.next_date AS nextDate
  FROM interactions i JOIN customers c ON c.id = i.customer_id LEFT JOIN contacts k ON k.id = i.contact_id LEFT JOIN staff s ON s.id = i.staff_id`;

/** The checks a visit passes before it is written, shared by the fast form and the visit-log import. */
export function checkVisit(
  db: Database,
  v: { customerId: number; date: string; status: string; contactId?: number | null; nextDate?: string | null },
  now: string,
): void {
  if (!customerExists(db, v.customerId)) throw new WorkbenchError('customers/not-found', { customer: v.customerId });
  // P4.2: a visit that has not happened yet can be planned, never reported done.
  if (v.status === 'done' && v.date > now) throw new WorkbenchError('visits/future-done', { date: v.date, today: now });
  if (v.contactId) {
    const owner = db.prepare('SELECT customer_id FROM contacts WHERE id = ?').pluck().get(v.contactId) as
      number | undefined;
    if (owner !== v.customerId) throw new WorkbenchError('visits/contact-elsewhere', { contact: v.contactId });
  }
  if (v.nextDate && v.nextDate < v.date)
    throw new WorkbenchError('visits/next-before-date', { date: v.date, nextDate: v.nextDate });
}

/** P4.2 visit log: one visit from the fast form, by the customer's owner unless another person is named. */
export function logVisit(ctx: ServiceContext, input: ParsedInput<'visits/log'>): VisitRecord {
  const db = ctx.db;
  const id = db.transaction(() => {
    checkVisit(db, input, input.today ?? today());
    const staffId = input.staffNo
      ? staffIdByNo(db, input.staffNo)
      : (customerRef(db, input.customerId)?.ownerId ?? null);
    const info = db
      .prepare(
        `INSERT INTO interactions (customer_id, staff_id, date, kind, visit_type, status, contact_id, purpose, outcome, next_step, next_date)
         VALUES (?, ?, ?, 'visit', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        staffId,
        input.date,
        input.type,
        input.status,
        input.contactId ?? null,
        input.purpose ?? null,
        input.outcome ?? null,
        input.nextStep ?? null,
        input.nextDate ?? null,
      );
    const visitId = Number(info.lastInsertRowid);
    audit(db, {
      actor: ctx.actor,
      entity: 'visit',
      entityId: visitId,
      newValue: { customer: input.customerId, date: input.date, type: input.type, status: input.status },
    });
    return visitId;
  })();
  return db.prepare(`${VISIT_SELECT} WHERE i.id = ?`).get(id) as VisitRecord;
}

/** Planned and done visits in a period (the week and month calendar). */
export function listVisits(db: Database, input: ParsedInput<'visits/list'>): VisitRecord[] {
  return db
    .prepare(
      `${VISIT_SELECT} WHERE i.kind IN ('visit', 'call') AND i.date BETWEEN @from AND @to
       AND (@customer IS NULL OR i.customer_id = @customer) AND (@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team)
       ORDER BY i.date, i.id`,
    )
    .all({
      from: input.from,
      to: input.to,
      customer: input.customerId ?? null,
      person: input.person ?? null,
      team: input.team ?? null,
    }) as VisitRecord[];
}

interface CadenceRow {
  id: number;
  code: string | null;
  name: string;
  grade: Grade | null;
  grade_override: Grade | null;
  cadence_days: number | null;
  created_at: string;
  ownerNo: string | null;
  ownerName: string | null;
  team: string | null;
  lastVisit: string | null;
}

/** Every buying customer (stage 'customer', dormant included) with its cadence and last done visit as of `asOf`. */
function cadenceRows(
  db: Database,
  asOf: string,
  person: string | null | undefined,
  team: number | null | undefined,
): CadenceRow[] {
  return db
    .prepare(
      `SELECT c.id, c.code, c.name, c.grade, c.grade_override, c.cadence_days, c.created_at, s.employee_no AS ownerNo, s.name AS ownerName, t.name AS team, v.last AS lastVisit
       FROM customers c LEFT JOIN staff s ON s.id = c.owner_id LEFT JOIN teams t ON t.id = s.team_id
       LEFT JOIN (SELECT customer_id, max(date) AS last FROM interactions WHERE kind IN ('visit', 'call') AND status = 'done' AND date <= @asOf GROUP BY customer_id) v ON v.customer_id = c.id
       WHERE c.stage = 'customer' AND (@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team)`,
    )
    .all({ asOf, person: person ?? null, team: team ?? null }) as CadenceRow[];
}

/**
 * P4.2: a customer is due on its last done visit plus its cadence (from when it was created if never
 * visited); overdue after that day. The list is sorted by grade, then by days overdue, most first.
 */
export function dueVisits(db: Database, input: ParsedInput<'visits/due'>): { asOf: string; items: DueItem[] } {
  const asOf = input.asOf ?? today();
  const rules = readRules(db);
  const items: DueItem[] = [];
  const asOfDay = dayNumber(asOf);
  for (const r of cadenceRows(db, asOf, input.person, input.team)) {
    const cadenceDays = cadenceFor(r, rules.cadenceDays);
    const from = r.lastVisit ?? r.created_at.slice(0, 10);
    const daysOverdue = asOfDay - (dayNumber(from) + cadenceDays);
    if (daysOverdue <= 0 && (!input.includeDueSoon || -daysOverdue > rules.dueSoonDays)) continue;
    const dueDate = addDays(from, cadenceDays);
    items.push({
      customerId: r.id,
      customer: r.name,
      code: r.code,
      grade: r.grade_override ?? r.grade,
      salesperson: r.ownerNo,
      salespersonName: r.ownerName,
      team: r.team,
      cadenceDays,
      lastVisit: r.lastVisit,
      dueDate,
      daysOverdue,
      status: daysOverdue > 0 ? 'overdue' : 'due',
    });
  }
  items.sort(
    (a, b) => cmp(a.grade ?? 'D', b.grade ?? 'D') || b.daysOverdue - a.daysOverdue || a.customerId - b.customerId,
  );
  return { asOf, items };
}

/**
 * P4.2, P6.1 cadence compliance: per salesperson, the share of their A customers whose last visit is within
 * the cadence on `asOf` (not overdue). People without A customers show null, not 100%.
 */
export function cadenceCompliance(
  db: Database,
  input: ParsedInput<'visits/compliance'>,
): { asOf: string; rows: ComplianceRow[]; company: number | null } {
  const asOf = input.asOf ?? today();
  const rules = readRules(db);
  const people = new Map<string, ComplianceRow>();
  for (const s of db
    .prepare(
      "SELECT s.employee_no AS no, s.name, t.name AS team FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE s.status = 'active' AND (@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team) AND EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = s.id)",
    )
    .all({ person: input.person ?? null, team: input.team ?? null }) as {
    no: string;
    name: string;
    team: string | null;
  }[]) {
    people.set(s.no, { employeeNo: s.no, name: s.name, team: s.team, aCustomers: 0, onTime: 0, share: null });
  }
  let all = 0;
  let onTime = 0;
  for (const r of cadenceRows(db, asOf, input.person, input.team)) {
    if ((r.grade_override ?? r.grade) !== 'A' || !r.ownerNo) continue;
    const row = people.get(r.ownerNo);
    if (!row) continue;
    const due = addDays(r.lastVisit ?? r.created_at.slice(0, 10), cadenceFor(r, rules.cadenceDays));
    const ok = due >= asOf;
    row.aCustomers++;
    all++;
    if (ok) {
      row.onTime++;
      onTime++;
    }
  }
  const rows = [...people.values()].map((r) => ({ ...r, share: r.aCustomers ? r.onTime / r.aCustomers : null }));
  rows.sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || cmp(a.employeeNo, b.employeeNo));
  return { asOf, rows, company: all ? onTime / all : null };
}
