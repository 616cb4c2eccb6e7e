import type { Database } from 'better-sqlite3';
import type { QualityGroup, ServiceQuality } from '../../contract/tickets';
import { ticketSettings, ticketWorkDay } from './settings';
import { yearsWithoutSchedule } from './sla-clock';
import { type Clock, type ClockRow, pausesOf, ticketClock } from './store';

interface Measured {
  clock: Clock;
  complaint: boolean;
  reopened: boolean;
  department: string;
  product: string;
  salesperson: string;
  staffId: number | null;
  productId: number | null;
  month: string;
}

/** Every ticket opened between two dates with its clock read as of `asOf` (P4.6). */
function measure(
  db: Database,
  from: string,
  to: string,
  asOf: string,
  where = '',
  params: Record<string, unknown> = {},
): Measured[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.opened_date, t.opened_at, t.first_response_at, t.resolved_date, t.resolved_at, t.target_hours, t.status, t.complaint, t.reopened,
         t.department, t.staff_id, t.product_id, COALESCE(p.name, '—') AS product, COALESCE(s.employee_no || ' ' || s.name, '—') AS salesperson
       FROM tickets t LEFT JOIN products p ON p.id = t.product_id LEFT JOIN staff s ON s.id = t.staff_id
       WHERE t.opened_date BETWEEN :from AND :to ${where}`,
    )
    .all({ from, to, ...params }) as (ClockRow & {
    complaint: number;
    reopened: number;
    department: string;
    staff_id: number | null;
    product_id: number | null;
    product: string;
    salesperson: string;
  })[];
  const s = ticketSettings(db);
  const wd = ticketWorkDay(s);
  const pauses = pausesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    clock: ticketClock(r, pauses.get(r.id) ?? [], asOf, s, wd),
    complaint: r.complaint === 1,
    reopened: r.reopened > 0,
    department: r.department,
    product: r.product,
    salesperson: r.salesperson,
    staffId: r.staff_id,
    productId: r.product_id,
    month: r.opened_date.slice(0, 7),
  }));
}

/** The q-quantile with linear interpolation between ranks (Excel's PERCENTILE.INC), null for none. */
export function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const x = v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (pos - lo);
  return Math.round(x * 100) / 100;
}

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 100 : null);

function summarise(key: string, list: Measured[], orders: number | null): QualityGroup {
  const resolved = list.filter((m) => m.clock.resolved);
  const responded = list.filter((m) => m.clock.responseHours !== null).map((m) => m.clock.responseHours!);
  const complaints = list.filter((m) => m.complaint).length;
  return {
    key,
    tickets: list.length,
    complaints,
    withinTargetPct: pct(list.filter((m) => m.clock.onTime).length, list.filter((m) => m.clock.due).length),
    medianResponseHours: quantile(responded, 0.5),
    p90ResponseHours: quantile(responded, 0.9),
    medianResolutionHours: quantile(
      resolved.map((m) => m.clock.hours),
      0.5,
    ),
    p90ResolutionHours: quantile(
      resolved.map((m) => m.clock.hours),
      0.9,
    ),
    complaintsPer100Orders: orders ? Math.round((complaints / orders) * 10000) / 100 : null,
    reopenRatePct: pct(
      resolved.filter((m) => m.reopened).length + list.filter((m) => !m.clock.resolved && m.reopened).length,
      resolved.length + list.filter((m) => !m.clock.resolved && m.reopened).length,
    ),
  };
}

function groupBy(list: Measured[], key: (m: Measured) => string): Map<string, Measured[]> {
  const out = new Map<string, Measured[]>();
  for (const m of list) {
    const k = key(m);
    let g = out.get(k);
    if (!g) out.set(k, (g = []));
    g.push(m);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

interface OrderCounts {
  total: number;
  byPerson: Map<number | null, number>;
  byProduct: Map<number | null, number>;
  byMonth: Map<string, number>;
}

/**
 * Orders in the period, each counted once (by its first line), in total and by salesperson, product and
 * month: grouped inside SQLite in the order of two covering partial indexes (migration 011), so that no
 * order row crosses into JavaScript and nothing is sorted. The product index is grouped by day, its own
 * order, and the days are added up into months here: grouping by `substr(date, 1, 7)` made SQLite sort
 * half a million index entries in a temporary b-tree (about 2.6× slower on the large demo).
 */
function orderCounts(db: Database, from: string, to: string): OrderCounts {
  const out: OrderCounts = { total: 0, byPerson: new Map(), byProduct: new Map(), byMonth: new Map() };
  const byPerson = db
    .prepare(
      'SELECT salesperson_id, count(*) FROM orders INDEXED BY orders_first_person WHERE date BETWEEN ? AND ? AND line = 1 GROUP BY 1',
    )
    .raw()
    .all(from, to) as [number | null, number][];
  for (const [person, n] of byPerson) out.byPerson.set(person, n);
  const byProductDay = db
    .prepare(
      'SELECT product_id, date, count(*) FROM orders INDEXED BY orders_first_product WHERE date BETWEEN ? AND ? AND line = 1 GROUP BY 1, 2',
    )
    .raw()
    .all(from, to) as [number | null, string, number][];
  for (const [product, day, n] of byProductDay) {
    const month = day.slice(0, 7);
    out.total += n;
    out.byProduct.set(product, (out.byProduct.get(product) ?? 0) + n);
    out.byMonth.set(month, (out.byMonth.get(month) ?? 0) + n);
  }
  return out;
}

/** P4.6: service quality for the tickets opened in a period, overall and by department, product, salesperson and month. */
export function serviceQuality(db: Database, input: { from: string; to: string; asOf: string }): ServiceQuality {
  const list = measure(db, input.from, input.to, input.asOf);
  const counts = orderCounts(db, input.from, input.to);
  const orders = counts.total;
  const { key: _key, ...total } = summarise('', list, orders);
  void _key;
  return {
    from: input.from,
    to: input.to,
    orders,
    ...total,
    // a department has no orders of its own: its complaints are counted per 100 of the company's orders
    byDepartment: [...groupBy(list, (m) => m.department)].map(([k, g]) => ({
      ...summarise(k, g, orders),
      department: k,
    })),
    byProduct: [...groupBy(list, (m) => m.product)].map(([k, g]) =>
      summarise(k, g, counts.byProduct.get(g[0].productId) ?? null),
    ),
    bySalesperson: [...groupBy(list, (m) => m.salesperson)].map(([k, g]) =>
      summarise(k, g, counts.byPerson.get(g[0].staffId) ?? null),
    ),
    byMonth: [...groupBy(list, (m) => m.month)].map(([k, g]) => summarise(k, g, counts.byMonth.get(k) ?? null)),
    missingSchedule: yearsWithoutSchedule(input.from, input.to),
  };
}

/**
 * P6.1 complaint handling, per salesperson, from the same clocks as the service figures: the complaints
 * opened in the period, those due (resolved, or open past their target as of `asOf`), and those resolved
 * within their target in working hours.
 */
export function complaintHandlingByPerson(
  db: Database,
  input: { from: string; to: string; asOf: string },
): Map<number, { complaints: number; due: number; onTime: number }> {
  const out = new Map<number, { complaints: number; due: number; onTime: number }>();
  for (const m of measure(
    db,
    input.from,
    input.to,
    `${input.asOf}T23:59`,
    'AND t.complaint = 1 AND t.staff_id IS NOT NULL',
  )) {
    let r = out.get(m.staffId!);
    if (!r) out.set(m.staffId!, (r = { complaints: 0, due: 0, onTime: 0 }));
    r.complaints++;
    if (m.clock.due) r.due++;
    if (m.clock.onTime) r.onTime++;
  }
  return out;
}
