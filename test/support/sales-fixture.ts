import type { Database } from 'better-sqlite3';

/**
 * A small company for hand-computed sales-process cases (P2.6, P3.1–P3.3, P4.4–P4.6), written straight into
 * the schema. Team 1 华东区 (manager M1) has S1 and S2; team 2 华南区 (manager M2) has S3; D1 is the director.
 * 2026 Q3 targets: S1 300,000, S2 200,000, S3 150,000 yuan; Q3 orders: S1 120,000, S2 250,000. Money in fen.
 */
export function seedSalesCompany(db: Database): void {
  const at = '2026-01-01T00:00:00Z';
  db.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, '华东区', ?), (2, '华南区', ?)").run(at, at);
  const staff = db.prepare(
    "INSERT INTO staff (id, employee_no, name, team_id, manager_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
  );
  staff.run(1, 'M1', '王经理', 1, null, at, at);
  staff.run(2, 'S1', '张伟', 1, 1, at, at);
  staff.run(3, 'S2', '李娜', 1, 1, at, at);
  staff.run(4, 'M2', '陈经理', 2, null, at, at);
  staff.run(5, 'S3', '王芳', 2, 4, at, at);
  staff.run(6, 'D1', '刘总监', null, null, at, at);
  db.prepare('UPDATE teams SET manager_id = 1 WHERE id = 1').run();
  db.prepare('UPDATE teams SET manager_id = 4 WHERE id = 2').run();
  db.prepare(
    "INSERT INTO customers (id, code, name, owner_id, created_at) VALUES (1, 'K1', '客户甲', 2, ?), (2, 'K2', '客户乙', 5, ?)",
  ).run(at, at);
  db.prepare(
    "INSERT INTO products (id, code, name, category, list_price, created_at) VALUES (1, 'P1', '智能门禁', '门禁', 1000000, ?), (2, 'P2', '监控摄像机', '安防', 500000, ?)",
  ).run(at, at);
  const cell = db.prepare(
    "INSERT INTO target_cells (year, scope, scope_id, period, metric, amount, updated_at) VALUES (2026, 'person', ?, ?, 'sales', ?, ?)",
  );
  for (const [id, fen] of [
    [2, 10_000_000],
    [3, 6_666_667],
    [5, 5_000_000],
  ] as const)
    for (const m of [7, 8, 9]) cell.run(id, `M${m}`, fen, at);
  // S2's cells: 66,666.67 × 3 = 200,000.01; make the quarter exactly 200,000
  db.prepare("UPDATE target_cells SET amount = 6_666_666 WHERE scope_id = 3 AND period = 'M9'").run();
  const order = db.prepare(
    'INSERT INTO orders (order_no, date, customer_id, salesperson_id, product_id, amount) VALUES (?, ?, ?, ?, ?, ?)',
  );
  order.run('O1', '2026-07-10', 1, 2, 1, 7_000_000);
  order.run('O2', '2026-08-10', 1, 2, 2, 5_000_000);
  order.run('O3', '2026-08-20', 1, 3, 1, 25_000_000);
  order.run('O4', '2026-03-02', 2, 5, 2, 1_000_000);
}
