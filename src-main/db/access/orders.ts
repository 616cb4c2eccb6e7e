import type { Database, Statement } from 'better-sqlite3';

/**
 * The order lines (P2.6) as the other domains read them: the dashboard, home, targets, the appraisal,
 * plans, sales reports, probation, tickets and the pipeline. One home for these reads, so that a change
 * to the `orders` table touches this file, the orders import and the records grid only. Queries that
 * serve a single rule (the grid's paging and quick search, a customer's timeline) stay beside that rule.
 *
 * Amounts are integer fen, as stored. Date ranges are ISO days, both ends included. An order has lines:
 * sums are over every line, counts of orders are of distinct order numbers.
 */

/** Sales and profit (orders without a profit count 0) of one salesperson; null gathers orders without one. */
export interface SalespersonSales {
  salespersonId: number | null;
  sales: number;
  profit: number;
}

/** Sales and profit by month: index 0 = January. */
export interface MonthlyActuals {
  sales: number[];
  profit: number[];
}

export interface YearActuals {
  /** Per salesperson id. */
  byPerson: Map<number, MonthlyActuals>;
  /** Every order of the company, including those without a salesperson. */
  company: MonthlyActuals;
}

/** Whose orders: the company's (null), one salesperson's, or those of a team's present members. */
export type OrderScope = null | { staffId: number } | { teamId: number };

/** The orders in a range, counted and summed. */
export interface OrderActivity {
  /** order lines */
  lines: number;
  /** distinct order numbers */
  orders: number;
  /** distinct customers */
  customers: number;
  /** fen */
  sales: number;
}

/** A customer's orders up to a day (P4.1 grades): sales and profit in a window, the first and last order days. */
export interface CustomerOrderFigures {
  /** fen, of the orders after the window's start */
  sales: number;
  profit: number;
  first: string;
  last: string;
}

type Scoped = readonly [company: Statement, person: Statement, team: Statement];

interface Statements {
  latest: Statement<[]>;
  latestBetween: Statement<[string, string]>;
  bySalesperson: Statement<[string, string]>;
  ofPeople: Statement<[string, string, string]>;
  toDate: Statement<[string, string, string]>;
  monthTotals: Statement<[string, string]>;
  line: Statement<[number]>;
  firstLine: Statement<[string]>;
  customerLines: Statement<[string]>;
  oneCustomer: Statement<[string, string, number, string]>;
  total: Scoped;
  byPersonAndProduct: Scoped;
  ordersBySalesperson: Scoped;
  activity: Scoped;
}

const SCOPES = ['', ' AND salesperson_id = ?', ' AND salesperson_id IN (SELECT id FROM staff WHERE team_id = ?)'];

// Prepared once per connection: a restored backup opens a new connection, and with it new statements.
const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    // The scope's condition is written into the SQL (one statement per scope) rather than tested on a
    // parameter, so that each keeps the plan of the query it replaces.
    const scoped = (sql: (scope: string) => string, mode?: 'pluck' | 'raw'): Scoped => {
      const [company, person, team] = SCOPES.map((w) => {
        const stmt = db.prepare(sql(w));
        return mode === 'pluck' ? stmt.pluck() : mode === 'raw' ? stmt.raw() : stmt;
      });
      return [company, person, team];
    };
    s = {
      latest: db.prepare('SELECT max(date) FROM orders').pluck(),
      latestBetween: db.prepare('SELECT max(date) FROM orders WHERE date BETWEEN ? AND ?').pluck(),
      // A range of the date index, grouped by salesperson: for a month of the large demo's million lines
      // this beats a scan in (salesperson, date) order, which looks every line up in the table.
      bySalesperson: db.prepare(
        `SELECT salesperson_id AS salespersonId, sum(amount) AS sales, sum(coalesce(profit, 0)) AS profit
         FROM orders WHERE date BETWEEN ? AND ? GROUP BY salesperson_id`,
      ),
      // A few people (the appraisal's look-backs): each read on the (salesperson, date) index.
      ofPeople: db.prepare(
        `SELECT salesperson_id AS salespersonId, sum(amount) AS sales, sum(coalesce(profit, 0)) AS profit FROM orders
         WHERE salesperson_id IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ? GROUP BY salesperson_id`,
      ),
      toDate: db.prepare(
        `SELECT salesperson_id AS salespersonId, sum(amount) AS sales, sum(CASE WHEN date >= ? THEN amount ELSE 0 END) AS since
         FROM orders WHERE date BETWEEN ? AND ? GROUP BY salesperson_id`,
      ),
      monthTotals: db.prepare(
        `SELECT CAST(substr(month, 6, 2) AS INTEGER) AS m, salesperson_id AS sid, sales, profit
         FROM order_month_totals WHERE month >= ? AND month <= ?`,
      ),
      line: db.prepare(
        'SELECT id, customer_id AS customerId, salesperson_id AS salespersonId, product_id AS productId FROM orders WHERE id = ?',
      ),
      firstLine: db.prepare('SELECT id FROM orders WHERE order_no = ? ORDER BY line LIMIT 1').pluck(),
      // Every line up to a day, in table order: grouping a million lines by customer in SQLite sorts them
      // all, and reading them in orders_customer order looks each one up in the table.
      customerLines: db
        .prepare('SELECT customer_id, date, amount, profit FROM orders NOT INDEXED WHERE date <= ?')
        .raw(),
      oneCustomer: db
        .prepare(
          `SELECT sum(CASE WHEN date > ? THEN amount ELSE 0 END), sum(CASE WHEN date > ? THEN coalesce(profit, 0) ELSE 0 END), min(date), max(date)
           FROM orders WHERE customer_id = ? AND date <= ?`,
        )
        .raw(),
      total: scoped((w) => `SELECT coalesce(sum(amount), 0) FROM orders WHERE date BETWEEN ? AND ?${w}`, 'pluck'),
      byPersonAndProduct: scoped(
        (w) =>
          `SELECT salesperson_id, product_id, sum(amount) FROM orders WHERE date BETWEEN ? AND ?${w} GROUP BY salesperson_id, product_id`,
        'raw',
      ),
      ordersBySalesperson: scoped(
        (w) =>
          `SELECT salesperson_id, count(DISTINCT order_no) FROM orders WHERE date BETWEEN ? AND ?${w} GROUP BY salesperson_id`,
        'raw',
      ),
      activity: scoped(
        (w) =>
          `SELECT count(*) AS lines, count(DISTINCT order_no) AS orders, count(DISTINCT customer_id) AS customers, coalesce(sum(amount), 0) AS sales
           FROM orders WHERE date BETWEEN ? AND ?${w}`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

function run<T>(pick: Scoped, scope: OrderScope, f: (stmt: Statement, args: unknown[]) => T): T {
  if (scope === null) return f(pick[0], []);
  return 'staffId' in scope ? f(pick[1], [scope.staffId]) : f(pick[2], [scope.teamId]);
}

/** The day of the latest order line, or null when there are no orders. */
export const latestOrderDate = (db: Database): string | null => statements(db).latest.get() as string | null;

/** The day of the latest order line between `from` and `to`, or null. */
export const latestOrderDateBetween = (db: Database, from: string, to: string): string | null =>
  statements(db).latestBetween.get(from, to) as string | null;

/** Total sales (fen) between two days, of the company, a salesperson or a team. */
export const salesTotal = (db: Database, from: string, to: string, scope: OrderScope = null): number =>
  run(statements(db).total, scope, (stmt, args) => stmt.get(from, to, ...args) as number);

/** Sales and profit per salesperson between two days (one row with a null id for orders without one). */
export const salesBySalesperson = (db: Database, from: string, to: string): SalespersonSales[] =>
  statements(db).bySalesperson.all(from, to) as SalespersonSales[];

/** Sales and profit of the given people between two days; people without orders have no row. */
export const salesOfPeople = (db: Database, ids: readonly number[], from: string, to: string): SalespersonSales[] =>
  statements(db).ofPeople.all(JSON.stringify(ids), from, to) as SalespersonSales[];

/** Sales per salesperson from `from` to `to`, and the part of it from `since` on (month within quarter to date). */
export const salesToDateBySalesperson = (
  db: Database,
  from: string,
  since: string,
  to: string,
): { salespersonId: number | null; sales: number; since: number }[] =>
  statements(db).toDate.all(since, from, to) as { salespersonId: number | null; sales: number; since: number }[];

/** Sales per (salesperson, product) between two days, as [salespersonId, productId, fen] rows. */
export const salesBySalespersonAndProduct = (
  db: Database,
  from: string,
  to: string,
  scope: OrderScope = null,
): [number | null, number | null, number][] =>
  run(
    statements(db).byPersonAndProduct,
    scope,
    (stmt, args) => stmt.all(from, to, ...args) as [number | null, number | null, number][],
  );

/** The number of orders (distinct order numbers) per salesperson between two days. */
export const orderCountBySalesperson = (
  db: Database,
  from: string,
  to: string,
  scope: OrderScope = null,
): Map<number | null, number> =>
  run(
    statements(db).ordersBySalesperson,
    scope,
    (stmt, args) => new Map(stmt.all(from, to, ...args) as [number | null, number][]),
  );

/** Lines, orders, customers and sales between two days, of the company, a salesperson or a team. */
export const orderActivity = (db: Database, from: string, to: string, scope: OrderScope = null): OrderActivity =>
  run(statements(db).activity, scope, (stmt, args) => stmt.get(from, to, ...args) as OrderActivity);

/** One order line's customer, salesperson and product, or undefined when there is no such line. */
export interface OrderLineRef {
  id: number;
  customerId: number | null;
  salespersonId: number | null;
  productId: number | null;
}
export const orderLine = (db: Database, id: number): OrderLineRef | undefined =>
  statements(db).line.get(id) as OrderLineRef | undefined;

/** The id of an order's first line, by its order number (exact), or undefined. */
export const firstOrderLineId = (db: Database, orderNo: string): number | undefined =>
  statements(db).firstLine.get(orderNo) as number | undefined;

/**
 * Per customer with orders up to `to`: sales and profit of the orders after `after` (the window
 * `after` < date ≤ `to`), and the first and last order days up to `to`. `only` reads one customer.
 */
export function customerOrderFigures(
  db: Database,
  after: string,
  to: string,
  only?: number,
): Map<number, CustomerOrderFigures> {
  const out = new Map<number, CustomerOrderFigures>();
  const s = statements(db);
  if (only !== undefined) {
    const [sales, profit, first, last] = s.oneCustomer.get(after, after, only, to) as [
      number | null,
      number | null,
      string | null,
      string | null,
    ];
    if (first !== null && last !== null) out.set(only, { sales: sales ?? 0, profit: profit ?? 0, first, last });
    return out;
  }
  for (const [customer, date, amount, profit] of s.customerLines.iterate(to) as IterableIterator<
    [number | null, string, number, number | null]
  >) {
    if (customer === null) continue;
    let f = out.get(customer);
    if (!f) out.set(customer, (f = { sales: 0, profit: 0, first: date, last: date }));
    else if (date < f.first) f.first = date;
    else if (date > f.last) f.last = date;
    if (date > after) {
      f.sales += amount;
      f.profit += profit ?? 0;
    }
  }
  return out;
}

const zeros = () => new Array<number>(12).fill(0);
const blank = (): MonthlyActuals => ({ sales: zeros(), profit: zeros() });

/**
 * Sales and profit per salesperson and month of a year, plus the company's months (P2.6 actuals, read by
 * targets, tracking, home and the appraisal), from the monthly totals per salesperson that triggers keep
 * in step with every write to the order lines (migration 009, `order_month_totals`; salesperson 0 holds
 * the lines without one). On the large demo (1,000,000 lines) that is a few thousand rows and a few
 * milliseconds, where summing the lines took ≈ 230 ms a year. `months` (1..12) limits the months read.
 */
export function monthlySales(
  db: Database,
  year: number,
  months: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
): YearActuals {
  const rows = statements(db).monthTotals.all(`${year}-01`, `${year}-12`) as {
    m: number;
    sid: number;
    sales: number;
    profit: number;
  }[];
  const wanted = new Set(months);
  const byPerson = new Map<number, MonthlyActuals>();
  const company = blank();
  for (const r of rows) {
    if (!wanted.has(r.m)) continue;
    company.sales[r.m - 1] += r.sales;
    company.profit[r.m - 1] += r.profit;
    if (r.sid === 0) continue;
    let a = byPerson.get(r.sid);
    if (!a) byPerson.set(r.sid, (a = blank()));
    a.sales[r.m - 1] += r.sales;
    a.profit[r.m - 1] += r.profit;
  }
  return { byPerson, company };
}
