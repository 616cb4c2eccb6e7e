import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { customerCount, customerExists, customerRef } from '../../src-main/db/access/customers';
import {
  customerOrderFigures,
  firstOrderLineId,
  latestOrderDate,
  latestOrderDateBetween,
  monthlySales,
  orderActivity,
  orderCountBySalesperson,
  orderLine,
  salesBySalesperson,
  salesBySalespersonAndProduct,
  salesOfPeople,
  salesToDateBySalesperson,
  salesTotal,
  type OrderScope,
} from '../../src-main/db/access/orders';
import { allStaff, staffExists } from '../../src-main/db/access/staff';
import { personSalesTargets, salesTargetsOfPeriod } from '../../src-main/db/access/targets';
import { tmpWorkspace } from '../support/workspace';

// Issue 11 item 6: the reads of orders, customers and target cells that several domains make, in one
// module each with its statements prepared once per connection; checked here against a calculation in
// JavaScript over every row of the table.
const w = tmpWorkspace('en');
beforeAll(async () => {
  await w.call('demo/create', { size: 'small', seed: 5, today: '2026-08-20' });
}, 120_000);
afterAll(() => w.ws.close());

interface Line {
  id: number;
  orderNo: string;
  line: number;
  date: string;
  customer: number | null;
  person: number | null;
  product: number | null;
  amount: number;
  profit: number | null;
}
let lines: Line[] = [];
let teamOf = new Map<number, number | null>();
beforeAll(() => {
  lines = w.ws.db
    .prepare(
      'SELECT id, order_no AS orderNo, line, date, customer_id AS customer, salesperson_id AS person, product_id AS product, amount, profit FROM orders',
    )
    .all() as Line[];
  teamOf = new Map(allStaff(w.ws.db).map((s) => [s.id, s.teamId]));
});

const inRange = (from: string, to: string, scope: OrderScope = null) =>
  lines.filter(
    (l) =>
      l.date >= from &&
      l.date <= to &&
      (scope === null ||
        ('staffId' in scope ? l.person === scope.staffId : l.person !== null && teamOf.get(l.person) === scope.teamId)),
  );
const group = <T, K>(rows: T[], key: (l: T) => K, value: (l: T) => number) => {
  const m = new Map<K, number>();
  for (const l of rows) m.set(key(l), (m.get(key(l)) ?? 0) + value(l));
  return m;
};
const sorted = <T>(m: Map<T, number>) => [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('db/access/orders (P2.6)', () => {
  const Q3 = ['2026-07-01', '2026-09-30'] as const;

  it('the latest day, sales per salesperson, of a few people and per (salesperson, product) match the lines', () => {
    const db = w.ws.db;
    const latest = lines.reduce((m, l) => (l.date > m ? l.date : m), '');
    expect(latestOrderDate(db)).toBe(latest);
    expect(latestOrderDateBetween(db, '2025-01-01', '2025-12-31')).toBe(
      inRange('2025-01-01', '2025-12-31').reduce((m, l) => (l.date > m ? l.date : m), ''),
    );
    expect(latestOrderDateBetween(db, '1999-01-01', '1999-12-31')).toBeNull();

    const q = inRange(...Q3);
    expect(q.length).toBeGreaterThan(100);
    const rows = salesBySalesperson(db, ...Q3);
    expect(sorted(new Map(rows.map((r) => [r.salespersonId, r.sales])))).toEqual(
      sorted(
        group(
          q,
          (l) => l.person,
          (l) => l.amount,
        ),
      ),
    );
    expect(sorted(new Map(rows.map((r) => [r.salespersonId, r.profit])))).toEqual(
      sorted(
        group(
          q,
          (l) => l.person,
          (l) => l.profit ?? 0,
        ),
      ),
    );
    const some = [...new Set(q.map((l) => l.person).filter((p): p is number => p !== null))].slice(0, 3);
    expect(sorted(new Map(salesOfPeople(db, some, ...Q3).map((r) => [r.salespersonId, r.sales])))).toEqual(
      sorted(
        group(
          q.filter((l) => some.includes(l.person!)),
          (l) => l.person,
          (l) => l.amount,
        ),
      ),
    );
    expect(salesOfPeople(db, [999_999], ...Q3)).toEqual([]);

    const toDate = salesToDateBySalesperson(db, Q3[0], '2026-08-01', '2026-08-20');
    const since = group(
      inRange('2026-08-01', '2026-08-20'),
      (l) => l.person,
      (l) => l.amount,
    );
    for (const r of toDate) expect(r.since, String(r.salespersonId)).toBe(since.get(r.salespersonId) ?? 0);
    expect(sorted(new Map(toDate.map((r) => [r.salespersonId, r.sales])))).toEqual(
      sorted(
        group(
          inRange(Q3[0], '2026-08-20'),
          (l) => l.person,
          (l) => l.amount,
        ),
      ),
    );

    const byPair = new Map(salesBySalespersonAndProduct(db, ...Q3).map(([p, pr, fen]) => [`${p}/${pr}`, fen]));
    expect(sorted(byPair)).toEqual(
      sorted(
        group(
          q,
          (l) => `${l.person}/${l.product}`,
          (l) => l.amount,
        ),
      ),
    );
  });

  it('totals, order counts and activity for the company, one salesperson and one team', () => {
    const db = w.ws.db;
    const person = lines.find((l) => l.person !== null && teamOf.get(l.person) !== null)!.person!;
    const scopes: OrderScope[] = [null, { staffId: person }, { teamId: teamOf.get(person)! }];
    for (const scope of scopes) {
      const q = inRange(...Q3, scope);
      const label = JSON.stringify(scope);
      expect(salesTotal(db, ...Q3, scope), label).toBe(q.reduce((t, l) => t + l.amount, 0));
      const distinct = (f: (l: Line) => unknown) => new Set(q.map(f)).size;
      expect(orderActivity(db, ...Q3, scope), label).toEqual({
        lines: q.length,
        orders: distinct((l) => l.orderNo),
        customers: new Set(q.filter((l) => l.customer !== null).map((l) => l.customer)).size,
        sales: q.reduce((t, l) => t + l.amount, 0),
      });
      const counts = new Map<number | null, Set<string>>();
      for (const l of q) (counts.get(l.person) ?? counts.set(l.person, new Set()).get(l.person)!).add(l.orderNo);
      expect(sorted(orderCountBySalesperson(db, ...Q3, scope)), label).toEqual(
        sorted(new Map([...counts].map(([k, v]) => [k, v.size]))),
      );
      expect(
        salesBySalespersonAndProduct(db, ...Q3, scope).reduce((t, r) => t + r[2], 0),
        label,
      ).toBe(q.reduce((t, l) => t + l.amount, 0));
    }
    expect(salesTotal(db, '1999-01-01', '1999-12-31')).toBe(0);
  });

  it('P4.1 each customer’s sales and profit in a window and first and last order days, all or one', () => {
    const db = w.ws.db;
    const [after, to] = ['2025-08-19', '2026-06-30'];
    const expected = new Map<number, { sales: number; profit: number; first: string; last: string }>();
    for (const l of lines) {
      if (l.customer === null || l.date > to) continue;
      const f = expected.get(l.customer) ?? { sales: 0, profit: 0, first: l.date, last: l.date };
      if (l.date < f.first) f.first = l.date;
      if (l.date > f.last) f.last = l.date;
      if (l.date > after) {
        f.sales += l.amount;
        f.profit += l.profit ?? 0;
      }
      expected.set(l.customer, f);
    }
    const all = customerOrderFigures(db, after, to);
    expect(all.size).toBeGreaterThan(100);
    expect([...all].sort((a, b) => a[0] - b[0])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    const one = [...expected.keys()][5];
    expect(customerOrderFigures(db, after, to, one)).toEqual(new Map([[one, expected.get(one)]]));
    expect(customerOrderFigures(db, after, to, 999_999).size).toBe(0);
  });

  it('a line by id and an order’s first line by number', () => {
    const db = w.ws.db;
    const l = lines[17];
    expect(orderLine(db, l.id)).toEqual({
      id: l.id,
      customerId: l.customer,
      salespersonId: l.person,
      productId: l.product,
    });
    expect(orderLine(db, 0)).toBeUndefined();
    const first = lines.filter((x) => x.orderNo === l.orderNo).sort((a, b) => a.line - b.line)[0];
    expect(firstOrderLineId(db, l.orderNo)).toBe(first.id);
    expect(firstOrderLineId(db, 'no such order')).toBeUndefined();
  });

  it('monthly sales of a year match the lines, and follow a change to the orders at once (monthly totals kept by triggers)', () => {
    const db = w.ws.db;
    const check = () => {
      const a = monthlySales(db, 2026);
      for (let m = 1; m <= 12; m++) {
        const from = `2026-${String(m).padStart(2, '0')}-01`;
        const month = inRange(from, `${from.slice(0, 8)}31`);
        expect(a.company.sales[m - 1], `M${m}`).toBe(month.reduce((t, l) => t + l.amount, 0));
        for (const [id, fen] of group(
          month,
          (l) => l.person,
          (l) => l.amount,
        ))
          if (id !== null) expect(a.byPerson.get(id)?.sales[m - 1], `M${m} ${id}`).toBe(fen);
      }
      return a;
    };
    const before = check();
    const person = lines.find((l) => l.person !== null)!.person!;
    const id = Number(
      db
        .prepare(
          "INSERT INTO orders (order_no, line, date, salesperson_id, amount, profit) VALUES ('ACCESS-1', 1, '2026-03-05', ?, 12345, 100)",
        )
        .run(person).lastInsertRowid,
    );
    try {
      const after = monthlySales(db, 2026);
      expect(after.company.sales[2]).toBe(before.company.sales[2] + 12345);
      expect(after.byPerson.get(person)!.sales[2]).toBe((before.byPerson.get(person)?.sales[2] ?? 0) + 12345);
      expect(after.byPerson.get(person)!.profit[2]).toBe((before.byPerson.get(person)?.profit[2] ?? 0) + 100);
    } finally {
      db.prepare('DELETE FROM orders WHERE id = ?').run(id);
    }
    expect(monthlySales(db, 2026).company.sales[2]).toBe(before.company.sales[2]);
  });
});

describe('db/access/customers and db/access/targets', () => {
  it('customers: exists, owner and count match the table', () => {
    const db = w.ws.db;
    const rows = db.prepare('SELECT id, owner_id AS ownerId FROM customers ORDER BY id').all() as {
      id: number;
      ownerId: number | null;
    }[];
    expect(customerCount(db)).toBe(rows.length);
    for (const r of [rows[0], rows[rows.length - 1], rows.find((x) => x.ownerId === null)].filter(Boolean)) {
      expect(customerExists(db, r!.id)).toBe(true);
      expect(customerRef(db, r!.id)).toEqual(r);
    }
    expect(customerExists(db, 999_999)).toBe(false);
    expect(customerRef(db, 999_999)).toBeUndefined();
  });

  it('P2.1 target cells: a period of every scope or one, and people’s sums over months', () => {
    const db = w.ws.db;
    const cells = db.prepare('SELECT year, scope, scope_id AS id, period, metric, amount FROM target_cells').all() as {
      year: number;
      scope: string;
      id: number;
      period: string;
      metric: string;
      amount: number;
    }[];
    const year = cells[0].year;
    const sales = cells.filter((c) => c.year === year && c.metric === 'sales');
    const key = (c: { scope: string; id: number; amount: number }) => `${c.scope}:${c.id}:${c.amount}`;
    const of = (period: string, scope?: string) =>
      sales
        .filter((c) => c.period === period && (scope === undefined || c.scope === scope))
        .map(key)
        .sort();
    expect(salesTargetsOfPeriod(db, year, 'M7').map(key).sort()).toEqual(of('M7'));
    expect(salesTargetsOfPeriod(db, year, 'Q3').length).toBeGreaterThan(2);
    expect(salesTargetsOfPeriod(db, year, 'M7', 'team').map(key).sort()).toEqual(of('M7', 'team'));

    const months = ['M7', 'M8', 'M9'];
    const expected = group(
      sales.filter((c) => c.scope === 'person' && months.includes(c.period)),
      (c) => c.id,
      (c) => c.amount,
    );
    const all = personSalesTargets(db, year, months);
    expect(sorted(all)).toEqual(sorted(expected));
    expect([...all.keys()]).toEqual([...all.keys()].sort((a, b) => a - b));
    const two = [...expected.keys()].slice(0, 2);
    expect(sorted(personSalesTargets(db, year, months, two))).toEqual(
      sorted(new Map(two.map((id) => [id, expected.get(id)!]))),
    );
  });
});

describe('statements prepared once per connection', () => {
  const everyRead = (db: Database.Database) => {
    latestOrderDate(db);
    latestOrderDateBetween(db, '2026-01-01', '2026-12-31');
    salesTotal(db, '2026-01-01', '2026-03-31');
    salesTotal(db, '2026-01-01', '2026-03-31', { staffId: 2 });
    salesTotal(db, '2026-01-01', '2026-03-31', { teamId: 1 });
    salesBySalesperson(db, '2026-01-01', '2026-01-31');
    salesOfPeople(db, [2, 3], '2026-01-01', '2026-01-31');
    salesToDateBySalesperson(db, '2026-07-01', '2026-08-01', '2026-08-20');
    salesBySalespersonAndProduct(db, '2026-01-01', '2026-01-31', { teamId: 1 });
    orderCountBySalesperson(db, '2026-01-01', '2026-01-31');
    orderActivity(db, '2026-01-01', '2026-01-31', { staffId: 2 });
    orderLine(db, 1);
    firstOrderLineId(db, 'x');
    monthlySales(db, 2025, [1, 2]);
    customerOrderFigures(db, '2025-01-01', '2025-12-31', 1);
    customerExists(db, 1);
    customerRef(db, 1);
    customerCount(db);
    staffExists(db, 1);
    salesTargetsOfPeriod(db, 2026, 'M1');
    salesTargetsOfPeriod(db, 2026, 'M1', 'person');
    personSalesTargets(db, 2026, ['M1']);
    personSalesTargets(db, 2026, ['M1'], [2]);
    return [salesTotal(db, '2025-01-01', '2026-12-31'), customerCount(db), personSalesTargets(db, 2026, ['M1'])];
  };

  it('a second round of every read prepares nothing; another connection prepares its own and reads the same', () => {
    const first = w.ws.db;
    everyRead(first);
    const spy = vi.spyOn(first, 'prepare');
    const a = everyRead(first);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();

    // another connection to the same file (as after a restored backup) gets statements of its own
    const other = new Database(path.join(w.dir, 'workbench.db'), { readonly: true });
    try {
      const spyOther = vi.spyOn(other, 'prepare');
      const b = everyRead(other);
      expect(spyOther).toHaveBeenCalled();
      spyOther.mockClear();
      everyRead(other);
      expect(spyOther).not.toHaveBeenCalled();
      expect(b).toEqual(a);
    } finally {
      other.close();
    }
    // the first connection's statements still serve after the other one closed
    expect(everyRead(first)).toEqual(a);
  });
});
