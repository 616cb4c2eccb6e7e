import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/db/migrate';
import { syncOrderTrigrams } from '../../src-main/db/order-derived';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { DB_FILE } from '../../src-main/db/workspace';
import { orderSearchClause } from '../../src-main/services/records/order-search';
import { monthlySales } from '../../src-main/db/access/orders';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 12 items 10–11 (P2.6): the orders' quick search and the dashboard read indexes and monthly
// totals; their answers must be those of the plain queries they replace, computed here independently.
const w = tmpWorkspace('zh-CN');
const db = () => w.ws.db;

/** The quick search as it was: LIKE over the four joined columns (services/records/lists.ts before). */
function oldSearchIds(search: string): number[] {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db()
    .prepare(
      `SELECT o.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN staff s ON s.id = o.salesperson_id
       LEFT JOIN products p ON p.id = o.product_id
       WHERE o.order_no LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\'
       ORDER BY o.date DESC, o.id DESC`,
    )
    .pluck()
    .all(like, like, like, like) as number[];
}

/** Every line the grid's quick search finds, page after page as the grid asks for them. */
async function pageIds(search: string): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let total = 0;
  do {
    const page = await w.call('orders/page', { search, offset: ids.length, limit: 1000, sort: [], filters: {} });
    ids.push(...page.rows.map((r) => r.id));
    total = page.total;
    if (page.rows.length === 0) break;
  } while (ids.length < total);
  return { ids, total };
}

/** What an order has, summed straight from the lines (the independent side of the dashboard's checks). */
const fen = (sql: string, ...p: unknown[]) =>
  db()
    .prepare(sql)
    .pluck()
    .get(...p) as number;

beforeAll(async () => {
  await w.call('demo/create', { size: 'small', seed: 7, today: '2026-11-27' });
  // Lines the demo does not have: an order number with Chinese characters and one with no salesperson.
  const one = db().prepare('SELECT customer_id AS c, product_id AS p FROM orders LIMIT 1').get() as {
    c: number;
    p: number;
  };
  db()
    .prepare(
      "INSERT INTO orders (order_no, line, date, customer_id, salesperson_id, product_id, amount, profit) VALUES ('华东-史燕-100%_x', 1, '2026-03-04', ?, NULL, ?, 12345, NULL)",
    )
    .run(one.c, one.p);
});
afterAll(() => w.ws.close());

describe('orders quick search (issue 12 item 10)', () => {
  const searches = () => {
    const staff = db().prepare('SELECT name FROM staff ORDER BY id').pluck().all() as string[];
    const two = staff.find((n) => [...n].length === 2)!;
    const three = staff.find((n) => [...n].length === 3)!;
    const customer = db().prepare("SELECT name FROM customers WHERE name LIKE '%公司' LIMIT 1").pluck().get() as string;
    const orderNo = db().prepare('SELECT order_no FROM orders ORDER BY id LIMIT 1 OFFSET 77').pluck().get() as string;
    return [
      two,
      three,
      three.slice(1),
      [...three][0],
      customer.slice(2, 6),
      '公司',
      '交换机',
      'PoE',
      'poe',
      orderNo,
      orderNo.slice(-6).toLowerCase(),
      'so2026',
      '史燕',
      '华东',
      '100%',
      '%',
      '_x',
      '_',
      'zzz-none',
      '-',
      // three or more ASCII characters: answered by the trigram index (migration 017)
      orderNo.slice(-3),
      orderNo.slice(2, 10).toLowerCase(),
      `${orderNo.slice(0, 4)}`,
      'so2026 x',
      '0-0',
    ];
  };

  it('P2.6 finds exactly the lines the old LIKE query found, in the same order, for names of 1–3 characters, substrings, order numbers and LIKE wildcards', async () => {
    for (const q of searches()) {
      const expected = oldSearchIds(q);
      const got = await pageIds(q);
      expect(got.ids, q).toEqual(expected);
      expect(got.total, q).toBe(expected.length);
    }
    // The Chinese order number is found by its characters; the line with no salesperson by its product.
    expect(oldSearchIds('华东-史').length).toBe(1);
    expect((await pageIds('华东-史')).total).toBe(1);
  });

  it('P2.6 both plans (few lines by id, many lines in date order) give the old matches', () => {
    for (const q of searches()) {
      const expected = new Set(oldSearchIds(q));
      for (const few of [0, 5, 20_000]) {
        const c = orderSearchClause(db(), q, few);
        const ids = db()
          .prepare(`SELECT o.id FROM orders o WHERE ${c.sql}`)
          .pluck()
          .all(...c.params) as number[];
        expect(new Set(ids), `${q} / ${few}`).toEqual(expected);
      }
    }
  });

  it('P2.6 search with column filters and a sort keeps both, and the count matches the rows', async () => {
    const name = db().prepare('SELECT name FROM staff ORDER BY id LIMIT 1 OFFSET 3').pluck().get() as string;
    const filters = {
      amount: { type: 'gte' as const, value: 1000 },
      customerName: { type: 'contains' as const, value: '公司' },
    };
    const got = await w.call('orders/page', {
      search: name,
      offset: 0,
      limit: 1000,
      sort: [{ field: 'amount', dir: 'desc' }],
      filters,
    });
    const expected = oldSearchIds(name).filter((id) => {
      const r = db()
        .prepare('SELECT o.amount, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = ?')
        .get(id) as { amount: number; name: string | null };
      return r.amount >= 100_000 && (r.name ?? '').includes('公司');
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(got.total).toBe(expected.length);
    expect(new Set(got.rows.map((r) => r.id))).toEqual(new Set(expected));
    const amounts = got.rows.map((r) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('P2.6 a line written later is found at once: insert, renumber and delete keep the search in step', async () => {
    const c = db().prepare('SELECT customer_id AS c FROM orders LIMIT 1').get() as { c: number };
    const id = Number(
      db()
        .prepare("INSERT INTO orders (order_no, date, customer_id, amount) VALUES ('粤-0001', '2026-05-05', ?, 500)")
        .run(c.c).lastInsertRowid,
    );
    expect((await pageIds('粤-')).ids).toEqual([id]);
    db().prepare("UPDATE orders SET order_no = '闽-0001' WHERE id = ?").run(id);
    expect((await pageIds('粤-')).ids).toEqual([]);
    expect((await pageIds('闽-0')).ids).toEqual([id]);
    db().prepare('DELETE FROM orders WHERE id = ?').run(id);
    expect((await pageIds('闽-0')).ids).toEqual([]);
  });

  it('P2.6 an ASCII order number written later is found by any three of its characters: insert, renumber, delete', async () => {
    const found = async (q: string) => (await pageIds(q)).ids;
    const id = Number(
      db().prepare("INSERT INTO orders (order_no, date, amount) VALUES ('ZJ-Qx7-0001', '2026-05-05', 500)").run()
        .lastInsertRowid,
    );
    expect(await found('qX7-0')).toEqual([id]);
    expect(await found('zj-q')).toEqual([id]);
    db().prepare("UPDATE orders SET order_no = 'ZJ-Wv9-0001' WHERE id = ?").run(id);
    expect(await found('qx7')).toEqual([]);
    expect(await found('WV9-')).toEqual([id]);
    const other = Number(
      db().prepare("INSERT INTO orders (order_no, date, amount) VALUES ('ZJ-Wv9-0002', '2026-05-06', 600)").run()
        .lastInsertRowid,
    );
    expect(await found('wv9-')).toEqual([other, id]);
    // Brought up to date (as an import does at its end), the index answers the same.
    syncOrderTrigrams(db());
    expect(db().prepare('SELECT count(*) FROM order_no_trigrams_pending').pluck().get()).toBe(0);
    expect(await found('wv9-')).toEqual([other, id]);
    db().prepare('DELETE FROM orders WHERE id IN (?, ?)').run(id, other);
    expect(await found('wv9')).toEqual([]);
    syncOrderTrigrams(db());
    // the index holds exactly the lines' numbers: FTS5's own check of an external-content index
    expect(() =>
      db().exec("INSERT INTO order_no_trigrams (order_no_trigrams) VALUES ('integrity-check')"),
    ).not.toThrow();
  });

  it('P2.6 the count of orders (distinct numbers) follows a second line, a renumbering and deletes', async () => {
    const distinct = () => db().prepare('SELECT count(DISTINCT order_no) FROM orders').pluck().get() as number;
    const shown = async () => (await w.call('system/info', {})).counts.orders;
    const before = distinct();
    expect(await shown()).toBe(before);
    const ins = db().prepare("INSERT INTO orders (order_no, line, date, amount) VALUES (?, ?, '2026-06-01', 100)");
    const a = Number(ins.run('CNT-1', 1).lastInsertRowid);
    const b = Number(ins.run('CNT-1', 2).lastInsertRowid);
    expect(await shown()).toBe(before + 1);
    db().prepare("UPDATE orders SET order_no = 'CNT-2', line = 1 WHERE id = ?").run(b);
    expect(await shown()).toBe(before + 2);
    db().prepare("UPDATE orders SET order_no = 'CNT-1', line = 2 WHERE id = ?").run(b);
    expect(await shown()).toBe(before + 1);
    db().prepare('DELETE FROM orders WHERE id = ?').run(a);
    expect(await shown()).toBe(before + 1);
    db().prepare('DELETE FROM orders WHERE id = ?').run(b);
    expect([await shown(), distinct()]).toEqual([before, before]);
  });
});

describe('dashboard from monthly totals (issue 12 item 11)', () => {
  async function expectMatchesLines() {
    const d = await w.call('dashboard/summary', {});
    const latest = db().prepare('SELECT max(date) FROM orders').pluck().get() as string;
    const year = Number(latest.slice(0, 4));
    expect(d.year).toBe(year);
    for (const m of d.months) {
      const mm = String(m.month).padStart(2, '0');
      expect(m.sales, `sales ${mm}`).toBe(
        fen('SELECT coalesce(sum(amount), 0) FROM orders WHERE date LIKE ?', `${year}-${mm}-%`) / 100,
      );
      expect(m.profit, `profit ${mm}`).toBe(
        fen('SELECT coalesce(sum(profit), 0) FROM orders WHERE date LIKE ?', `${year}-${mm}-%`) / 100,
      );
      expect(m.lastYear, `last year ${mm}`).toBe(
        fen('SELECT coalesce(sum(amount), 0) FROM orders WHERE date LIKE ?', `${year - 1}-${mm}-%`) / 100,
      );
    }
    expect(d.ytdSales).toBe(
      fen('SELECT coalesce(sum(amount), 0) FROM orders WHERE date BETWEEN ? AND ?', `${year}-01-01`, latest) / 100,
    );
    expect(d.ytdProfit).toBe(
      fen('SELECT coalesce(sum(profit), 0) FROM orders WHERE date BETWEEN ? AND ?', `${year}-01-01`, latest) / 100,
    );
    expect(d.ytdLastYear).toBe(
      fen(
        'SELECT coalesce(sum(amount), 0) FROM orders WHERE date BETWEEN ? AND ?',
        `${year - 1}-01-01`,
        `${year - 1}${latest.slice(4)}`,
      ) / 100,
    );
    const people = db()
      .prepare(
        `SELECT s.employee_no AS employeeNo, sum(o.amount) AS fen FROM orders o JOIN staff s ON s.id = o.salesperson_id
         WHERE o.date BETWEEN ? AND ? GROUP BY s.id ORDER BY fen DESC, s.employee_no LIMIT 10`,
      )
      .all(`${year}-01-01`, latest) as { employeeNo: string; fen: number }[];
    expect(d.topPeople.map((p) => [p.employeeNo, p.sales])).toEqual(people.map((p) => [p.employeeNo, p.fen / 100]));
    const teams = db()
      .prepare(
        `SELECT coalesce(t.name, '') AS name, sum(o.amount) AS fen FROM orders o JOIN staff s ON s.id = o.salesperson_id LEFT JOIN teams t ON t.id = s.team_id
         WHERE o.date BETWEEN ? AND ? GROUP BY t.id ORDER BY fen DESC`,
      )
      .all(`${year}-01-01`, latest) as { name: string; fen: number }[];
    expect(d.teams).toEqual(teams.map((t) => ({ name: t.name, sales: t.fen / 100 })));
    return d;
  }

  it('P2.6 every figure equals a plain sum over the order lines, on the small demo', async () => {
    const d = await expectMatchesLines();
    expect(d.ytdSales).toBeGreaterThan(0);
    expect(d.months.filter((m) => m.lastYear > 0).length).toBeGreaterThan(0);
  });

  it('P2.6 the totals follow a line inserted, changed (amount, date, salesperson) and deleted', async () => {
    const s = db().prepare('SELECT id FROM staff ORDER BY id DESC LIMIT 2').pluck().all() as number[];
    const latest = db().prepare('SELECT max(date) FROM orders').pluck().get() as string;
    const id = Number(
      db()
        .prepare(
          "INSERT INTO orders (order_no, date, salesperson_id, amount, profit) VALUES ('T-1', ?, ?, 99999900, 100)",
        )
        .run(latest, s[0]).lastInsertRowid,
    );
    expect((await expectMatchesLines()).topPeople[0].sales).toBeGreaterThanOrEqual(999_999);
    db().prepare('UPDATE orders SET amount = 55500, profit = NULL, salesperson_id = ? WHERE id = ?').run(s[1], id);
    await expectMatchesLines();
    db()
      .prepare('UPDATE orders SET date = ? WHERE id = ?')
      .run(`${Number(latest.slice(0, 4)) - 1}-01-15`, id);
    await expectMatchesLines();
    db().prepare('UPDATE orders SET salesperson_id = NULL WHERE id = ?').run(id);
    await expectMatchesLines();
    db().prepare('DELETE FROM orders WHERE id = ?').run(id);
    await expectMatchesLines();
    // and the table holds exactly the lines' own grouping: no row left at zero
    const grouped = db()
      .prepare(
        'SELECT substr(date, 1, 7) AS month, coalesce(salesperson_id, 0) AS sp, count(*) AS lines, sum(amount) AS sales FROM orders GROUP BY 1, 2 ORDER BY 1, 2',
      )
      .all();
    expect(
      db().prepare('SELECT month, salesperson_id AS sp, lines, sales FROM order_month_totals ORDER BY 1, 2').all(),
    ).toEqual(grouped);
  });
});

describe("the year's actuals per person and month from the monthly totals (issue 12 item 11)", () => {
  /** The same figures summed straight from the lines, one query per person and month. */
  function fromLines(year: number) {
    const rows = db()
      .prepare(
        `SELECT coalesce(salesperson_id, 0) AS sid, CAST(substr(date, 6, 2) AS INTEGER) AS m, sum(amount) AS sales,
                sum(coalesce(profit, 0)) AS profit
         FROM orders WHERE date BETWEEN ? AND ? GROUP BY 1, 2`,
      )
      .all(`${year}-01-01`, `${year}-12-31`) as { sid: number; m: number; sales: number; profit: number }[];
    const people = new Map<number, { sales: number[]; profit: number[] }>();
    const company = { sales: Array<number>(12).fill(0), profit: Array<number>(12).fill(0) };
    for (const r of rows) {
      company.sales[r.m - 1] += r.sales;
      company.profit[r.m - 1] += r.profit;
      if (r.sid === 0) continue;
      if (!people.has(r.sid)) people.set(r.sid, { sales: Array(12).fill(0), profit: Array(12).fill(0) });
      people.get(r.sid)!.sales[r.m - 1] = r.sales;
      people.get(r.sid)!.profit[r.m - 1] = r.profit;
    }
    return { people, company };
  }

  it('P2.6 equal the sums over the lines, with a line of no salesperson counted for the company alone', () => {
    const year = Number((db().prepare('SELECT max(date) FROM orders').pluck().get() as string).slice(0, 4));
    const id = Number(
      db()
        .prepare("INSERT INTO orders (order_no, date, amount, profit) VALUES ('NO-SP-1', ?, 4321, NULL)")
        .run(`${year}-02-03`).lastInsertRowid,
    );
    try {
      for (const y of [year, year - 1]) {
        const got = monthlySales(db(), y);
        const want = fromLines(y);
        expect(got.company).toEqual(want.company);
        expect(new Map([...got.byPerson].sort((a, b) => a[0] - b[0]))).toEqual(
          new Map([...want.people].sort((a, b) => a[0] - b[0])),
        );
      }
      // a part of the year: only those months count
      const q1 = monthlySales(db(), year, [1, 2, 3]);
      const want = fromLines(year).company.sales.map((v, i) => (i < 3 ? v : 0));
      expect(q1.company.sales).toEqual(want);
    } finally {
      db().prepare('DELETE FROM orders WHERE id = ?').run(id);
    }
  });
});

describe('migration 9 (issue 12 items 10–11)', () => {
  it('P2.6 a version-8 database with order lines gets their monthly totals and rare characters', () => {
    const file = new Database(path.join(tmpDir('wb-migrate-'), DB_FILE));
    try {
      migrate(
        file,
        MIGRATIONS.filter((m) => m.version <= 8),
      );
      file
        .prepare("INSERT INTO staff (id, employee_no, name, created_at, updated_at) VALUES (1, 'S1', '张伟', 'x', 'x')")
        .run();
      const ins = file.prepare(
        'INSERT INTO orders (order_no, line, date, salesperson_id, amount, profit) VALUES (?, ?, ?, ?, ?, ?)',
      );
      ins.run('SO-1', 1, '2025-03-01', 1, 1000, 100);
      ins.run('SO-1', 2, '2025-03-09', 1, 500, null);
      ins.run('沪甲-2', 1, '2025-04-01', null, 700, 70);
      expect(migrate(file, MIGRATIONS)).toMatchObject({ from: 8 });
      expect(
        file
          .prepare('SELECT month, salesperson_id AS sp, lines, sales, profit FROM order_month_totals ORDER BY 1')
          .all(),
      ).toEqual([
        { month: '2025-03', sp: 1, lines: 2, sales: 1500, profit: 100 },
        { month: '2025-04', sp: 0, lines: 1, sales: 700, profit: 70 },
      ]);
      expect(file.prepare('SELECT ch FROM order_no_rare_chars ORDER BY ch').pluck().all()).toEqual(['沪', '甲'].sort());
      expect(file.prepare('SELECT orders FROM order_count').pluck().get()).toBe(2);
    } finally {
      file.close();
    }
  });
});
