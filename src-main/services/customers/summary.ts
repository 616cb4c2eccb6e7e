import type { Database } from 'better-sqlite3';
import type { CustomerRules, CustomerSummary, Grade } from '../../contract/customers';
import type { ParsedInput } from '../../contract';
import { completenessOf, CONTACT_FACTS_SQL } from './completeness';
import { lifecycleOf, readRules } from './rules';
import { today } from '../context';

/** The columns every customer view reads; `lastVisit` counts done visits and phone calls (P4.2). */
export const SUMMARY_SELECT = `SELECT c.*, s.employee_no AS ownerNo, s.name AS ownerName, s.team_id AS teamId,
  coalesce(k.contacts, 0) AS contacts, coalesce(k.contactPhones, 0) AS contactPhones,
  coalesce(k.decisionMakers, 0) AS decisionMakers, coalesce(k.birthdays, 0) AS birthdays,
  (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.kind IN ('visit', 'call') AND i.status = 'done' AND i.date <= @asOf) AS lastVisit
  FROM customers c LEFT JOIN staff s ON s.id = c.owner_id
  LEFT JOIN (${CONTACT_FACTS_SQL}) k ON k.id = c.id`;

export interface SummaryRow {
  id: number;
  code: string | null;
  name: string;
  kind: 'company' | 'person' | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  source: string | null;
  phone: string | null;
  email: string | null;
  owner_id: number | null;
  ownerNo: string | null;
  ownerName: string | null;
  teamId: number | null;
  stage: CustomerSummary['stage'];
  grade: Grade | null;
  grade_override: Grade | null;
  grade_override_reason: string | null;
  grade_sales: number | null;
  grade_profit: number | null;
  grade_as_of: string | null;
  cadence_days: number | null;
  first_order_date: string | null;
  last_order_date: string | null;
  created_at: string;
  contacts: number;
  contactPhones: number;
  decisionMakers: number;
  birthdays: number;
  lastVisit: string | null;
}

export function toSummary(r: SummaryRow, rules: CustomerRules, asOf: string): CustomerSummary {
  const grade = r.grade_override ?? r.grade;
  const { score, missing } = completenessOf(r, grade);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    industry: r.industry,
    province: r.province,
    city: r.city,
    source: r.source,
    ownerId: r.owner_id,
    ownerNo: r.ownerNo,
    ownerName: r.ownerName,
    stage: r.stage,
    lifecycle: lifecycleOf(r.stage, r.last_order_date, asOf, rules.dormantMonths).lifecycle,
    grade,
    ruleGrade: r.grade,
    overridden: r.grade_override !== null,
    sales12: (r.grade_sales ?? 0) / 100,
    profit12: (r.grade_profit ?? 0) / 100,
    lastOrderDate: r.last_order_date,
    lastVisit: r.lastVisit,
    contacts: r.contacts,
    completeness: score,
    missing,
  };
}

/** The customers screen's list (P4.1): filtered by owner, team, grade, lifecycle or missing data. */
export function listCustomers(
  db: Database,
  input: ParsedInput<'customers/list'>,
  asOf = today(),
): { rows: CustomerSummary[]; total: number } {
  const rules = readRules(db);
  const where: string[] = [];
  const params: Record<string, unknown> = { asOf };
  if (input.person) {
    where.push('s.employee_no = @person');
    params.person = input.person;
  }
  if (input.team) {
    where.push('s.team_id = @team');
    params.team = input.team;
  }
  if (input.grade) {
    where.push('coalesce(c.grade_override, c.grade) = @grade');
    params.grade = input.grade;
  }
  if (input.search) {
    where.push("(c.name LIKE @search ESCAPE '\\' OR c.code LIKE @search ESCAPE '\\')");
    params.search = `%${input.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const sql = `${SUMMARY_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id`;
  let rows = (db.prepare(sql).all(params) as SummaryRow[]).map((r) => toSummary(r, rules, asOf));
  if (input.lifecycle) rows = rows.filter((r) => r.lifecycle === input.lifecycle);
  if (input.incompleteOnly) rows = rows.filter((r) => r.missing.length > 0);
  return { rows: rows.slice(0, input.limit), total: rows.length };
}
