import type { Database } from 'better-sqlite3';
import type { DataSource } from '../../contract/appraisal-scheme';
import { monthlySales, salesOfPeople } from '../../db/access/orders';
import { allStaff } from '../../db/access/staff';
import { personSalesTargets } from '../../db/access/targets';
import { cadenceCompliance } from '../care/visits';
import { surveyResultsByPerson } from '../survey/by-person';
import { targetAndActualByPerson } from '../targets/actuals';
import { complaintHandlingByPerson } from '../tickets/quality';
import { quarterInfo } from './quarter';

/**
 * The facts behind the data-driven KPIs (P6.1) for one quarter, per salesperson: target and actual
 * sales from the targets service, survey results (P4.7) from the survey service, complaint handling from
 * after-sales tickets (P4.4, P4.6).
 */
export interface PersonFacts {
  /** fen; null when the person has no sales target for the quarter */
  target: number | null;
  challenge: number | null;
  sales: number;
  profit: number;
  lastYearSales: number;
  /** survey results in the quarter (P4.7): CSAT percent, NPS −100…100, responses */
  csat: number | null;
  nps: number | null;
  surveyN: number;
  complaintsDue: number;
  complaintsOnTime: number;
  complaints: number;
  /** P4.2: A customers owned at the quarter's end and, of them, those not overdue for a visit */
  aCustomers: number;
  aOnTime: number;
}

export type FactGroup = 'targets' | 'orders' | 'lastYear' | 'survey' | 'tickets' | 'visits';

/** Which fact groups a KPI source needs, so that a quarter computes only what its scheme uses. */
export const SOURCE_GROUPS: Record<DataSource, FactGroup[]> = {
  completion: ['targets', 'orders'],
  sales: ['orders'],
  salesGrowth: ['orders', 'lastYear'],
  profit: ['orders'],
  profitMargin: ['orders'],
  csat: ['survey'],
  nps: ['survey'],
  complaintHandling: ['tickets'],
  complaints: ['tickets'],
  visitCadence: ['visits'],
};

const blank = (): PersonFacts => ({
  target: null,
  challenge: null,
  sales: 0,
  profit: 0,
  lastYearSales: 0,
  csat: null,
  nps: null,
  surveyN: 0,
  complaintsDue: 0,
  complaintsOnTime: 0,
  complaints: 0,
  aCustomers: 0,
  aOnTime: 0,
});

/** The people appraised in a quarter: employed at its end and with a sales target or orders in it. */
export function quarterPopulation(db: Database, quarter: string): number[] {
  const { year, start, end, months } = quarterInfo(quarter);
  return (
    db
      .prepare(
        `SELECT s.id FROM staff s
         WHERE (s.hire_date IS NULL OR s.hire_date <= :end)
           AND ((s.left_date IS NULL AND s.status = 'active') OR s.left_date > :end)
           AND (EXISTS (SELECT 1 FROM target_cells t WHERE t.scope = 'person' AND t.scope_id = s.id AND t.year = :year AND t.metric = 'sales'
                          AND t.period IN (:m1, :m2, :m3) AND t.amount > 0)
                OR EXISTS (SELECT 1 FROM orders o WHERE o.salesperson_id = s.id AND o.date BETWEEN :start AND :end))
         ORDER BY s.employee_no`,
      )
      .all({ year, start, end, m1: months[0], m2: months[1], m3: months[2] }) as { id: number }[]
  ).map((r) => r.id);
}

/** Reads the fact groups asked for; `asOf` (ISO date) decides which open complaints are already overdue. */
export function quarterFacts(
  db: Database,
  quarter: string,
  groups: Set<FactGroup>,
  asOf: string,
): Map<number, PersonFacts> {
  const facts = new Map<number, PersonFacts>();
  const of = (id: number) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = blank()));
    return f;
  };
  const { year, start, end, months } = quarterInfo(quarter);
  const monthNumbers = months.map((m) => Number(m.slice(1)));
  if (groups.has('targets') || groups.has('orders')) {
    // the targets service's own reading of target cells (months, prorated challenge tier) and actual sales
    for (const r of targetAndActualByPerson(db, { year, months: monthNumbers })) {
      Object.assign(of(r.staffId), {
        target: r.target > 0 ? r.target : null,
        challenge: r.challenge,
        sales: r.actual,
        profit: r.actualProfit,
      });
    }
  }
  if (groups.has('lastYear')) {
    for (const [id, a] of monthlySales(db, year - 1, monthNumbers).byPerson) {
      of(id).lastYearSales = monthNumbers.reduce((t, m) => t + a.sales[m - 1], 0);
    }
  }
  if (groups.has('survey')) {
    // P4.7 results attributed to the salesperson, as the survey service computes them (from its score cache)
    for (const r of surveyResultsByPerson(db, { from: start, to: end }))
      Object.assign(of(r.staffId), { csat: r.csat, nps: r.nps, surveyN: r.responses });
  }
  if (groups.has('tickets')) {
    // P4.6, P6.1: the service-quality figures' own reading of each complaint's clock (one definition)
    for (const [id, r] of complaintHandlingByPerson(db, { from: start, to: end, asOf })) {
      Object.assign(of(id), { complaints: r.complaints, complaintsDue: r.due, complaintsOnTime: r.onTime });
    }
  }
  if (groups.has('visits')) {
    // P4.2 cadence compliance (initiative, P6.1) as the visits service computes it, on the quarter's last day
    const ids = new Map(allStaff(db).map((s) => [s.employeeNo, s.id]));
    for (const r of cadenceCompliance(db, { asOf: end < asOf ? end : asOf }).rows)
      Object.assign(of(ids.get(r.employeeNo)!), { aCustomers: r.aCustomers, aOnTime: r.onTime });
  }
  return facts;
}

/**
 * The same facts for a few people (streak look-backs): target cells and orders are read per person on
 * their indexes; the other groups fall back to the whole quarter.
 */
export function peopleQuarterFacts(
  db: Database,
  quarter: string,
  groups: Set<FactGroup>,
  ids: number[],
  asOf: string,
): Map<number, PersonFacts> {
  const simple = [...groups].every((g) => g === 'targets' || g === 'orders');
  if (!simple) return quarterFacts(db, quarter, groups, asOf);
  const { year, start, end, months } = quarterInfo(quarter);
  const facts = new Map<number, PersonFacts>(ids.map((id) => [id, blank()]));
  // the quarter's target is the sum of the person's monthly cells, as the targets service reads it
  for (const [id, amount] of personSalesTargets(db, year, months, ids))
    facts.get(id)!.target = amount > 0 ? amount : null;
  for (const r of salesOfPeople(db, ids, start, end))
    Object.assign(facts.get(r.salespersonId!)!, { sales: r.sales, profit: r.profit });
  return facts;
}

const pct = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10000) / 100 : null);

/** A data KPI's value from the facts (percent, yuan or a count); null when there is nothing to measure. */
export function sourceValue(source: DataSource, f: PersonFacts | undefined): number | null {
  const x = f ?? blank();
  switch (source) {
    case 'completion':
      return x.target && x.target > 0 ? pct(x.sales, x.target) : null;
    case 'sales':
      return x.sales / 100;
    case 'salesGrowth':
      return x.lastYearSales > 0 ? Math.round((x.sales / x.lastYearSales - 1) * 10000) / 100 : null;
    case 'profit':
      return x.profit / 100;
    case 'profitMargin':
      return pct(x.profit, x.sales);
    case 'csat':
      return x.csat === null ? null : Math.round(x.csat * 100) / 100;
    case 'nps':
      return x.nps === null ? null : Math.round(x.nps * 100) / 100;
    case 'complaintHandling':
      return pct(x.complaintsOnTime, x.complaintsDue);
    case 'complaints':
      return x.complaints;
    case 'visitCadence':
      return pct(x.aOnTime, x.aCustomers);
  }
}
