import type { Workspace } from '../../src-main/db/workspace';

type Env = { ws: Workspace };

/** Two teams, three salespeople and a few customers with orders, written directly (the services under test read them). */
export function seedCustomers(env: Env) {
  const db = env.ws.db;
  db.exec(`
    INSERT INTO teams (id, name, created_at) VALUES (1, '华东区', 'x'), (2, '华北区', 'x');
    INSERT INTO staff (id, employee_no, name, team_id, created_at, updated_at) VALUES
      (1, 'S1', '张伟', 1, 'x', 'x'), (2, 'S2', '李娜', 1, 'x', 'x'), (3, 'S3', '王强', 2, 'x', 'x');
    INSERT INTO staff (id, employee_no, name, team_id, status, left_date, created_at, updated_at) VALUES (4, 'S4', '赵离', 2, 'inactive', '2026-01-31', 'x', 'x');
    INSERT INTO products (id, name, created_at) VALUES (1, '门禁', 'x');
    INSERT INTO customers (id, code, name, stage, owner_id, city, phone, created_at) VALUES
      (1, 'C1', '上海华信科技有限公司', 'customer', 1, '上海', '021-55550001', '2024-01-01T00:00:00Z'),
      (2, 'C2', '北京远方贸易有限公司', 'customer', 1, '北京', NULL, '2024-01-01T00:00:00Z'),
      (3, 'C3', '杭州小店', 'customer', 2, '杭州', '13900000003', '2024-01-01T00:00:00Z'),
      (4, 'C4', '潜在客户公司', 'prospect', 3, NULL, NULL, '2025-06-01T00:00:00Z'),
      (5, 'C5', '上海华信科技有限责任公司（北京分公司）', 'customer', 2, '北京', '+86 21 5555 0001', '2024-01-01T00:00:00Z');
  `);
  const order = db.prepare(
    'INSERT INTO orders (order_no, date, customer_id, salesperson_id, product_id, amount, profit) VALUES (?, ?, ?, ?, 1, ?, ?)',
  );
  // C1: ¥600,000 sales at 20% margin in the 12 months to 2026-06-30 → A; plus an old order outside the window.
  order.run('O1', '2025-09-01', 1, 1, 40_000_000, 8_000_000);
  order.run('O2', '2026-03-01', 1, 1, 20_000_000, 4_000_000);
  order.run('O0', '2024-05-01', 1, 1, 99_000_000, 0);
  // C2: ¥700,000 at 10% margin → not A (margin), B.
  order.run('O3', '2026-01-15', 2, 1, 70_000_000, 7_000_000);
  // C3: ¥50,000 → C; its last order 2025-05-20 is more than 12 months before 2026-06-30 → dormant.
  order.run('O4', '2025-05-20', 3, 2, 5_000_000, 1_000_000);
  // C4: a prospect whose first order makes it a customer.
  order.run('O5', '2026-06-01', 4, 3, 1_000_000, 100_000);
  // C5: the same company as C1 under another spelling.
  order.run('O6', '2026-02-01', 5, 2, 3_000_000, 600_000);
  db.prepare(
    "INSERT INTO tickets (ticket_no, customer_id, department, opened_date, status) VALUES ('T1', 5, '售后', '2026-02-10', 'new')",
  ).run();
  db.prepare("INSERT INTO surveys (id, name, method, created_at) VALUES (1, '满意度', 'questionnaire', 'x')").run();
  db.prepare("INSERT INTO survey_responses (survey_id, customer_id, submitted_at) VALUES (1, 5, '2026-03-01')").run();
  db.prepare("INSERT INTO interactions (customer_id, staff_id, date, kind) VALUES (5, 2, '2026-02-05', 'visit')").run();
  db.prepare(
    "INSERT INTO contracts (contract_no, customer_id, amount, status, signed_date) VALUES ('K1', 5, 100, 'signed', '2025-02-01')",
  ).run();
  db.prepare(
    "INSERT INTO contacts (customer_id, name, mobile, created_at) VALUES (5, '钱经理', '13811112222', 'x')",
  ).run();
}

export const count = (env: Env, sql: string, ...params: unknown[]) =>
  env.ws.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
