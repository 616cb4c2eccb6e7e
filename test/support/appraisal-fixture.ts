import type { tmpWorkspace } from './workspace';
import type { Database } from 'better-sqlite3';

/**
 * A tiny company for hand-computed appraisal cases (2026Q3), written straight into the schema:
 * A (S1) beats the target, B (S2) misses it three quarters running and has a recorded violation,
 * C (S3) meets it exactly and reaches the challenge tier. Money in fen.
 */
export function seedAppraisalCompany(db: Database): void {
  const at = '2026-01-01T00:00:00Z';
  db.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, '华东区', ?)").run(at);
  db.prepare("INSERT INTO teams (id, name, created_at) VALUES (2, '华南区', ?)").run(at);
  const staff = db.prepare(
    'INSERT INTO staff (id, employee_no, name, team_id, title, hire_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  staff.run(1, 'S1', '张伟', 1, '销售代表', '2020-01-01', 'active', at, at);
  staff.run(2, 'S2', '李娜', 1, '销售代表', '2020-01-01', 'active', at, at);
  staff.run(3, 'S3', '王芳', 2, '高级销售代表', '2020-01-01', 'active', at, at);
  // someone who left in June is not appraised in Q3
  staff.run(4, 'S4', '赵磊', 2, '销售代表', '2020-01-01', 'inactive', at, at);
  db.prepare("UPDATE staff SET left_date = '2026-06-30' WHERE id = 4").run();

  const cell = db.prepare(
    "INSERT INTO target_cells (year, scope, scope_id, period, metric, amount, updated_at) VALUES (2026, 'person', ?, ?, ?, ?, ?)",
  );
  const months = (id: number, m: number[], fen: number[]) =>
    m.forEach((mm, i) => cell.run(id, `M${mm}`, 'sales', fen[i], at));
  // Q3 targets: 100,000 yuan each (30,000 + 30,000 + 40,000)
  for (const id of [1, 2, 3]) months(id, [7, 8, 9], [3_000_000, 3_000_000, 4_000_000]);
  // B's earlier quarters: Q2 90,000 yuan, Q1 80,000 yuan
  months(2, [4, 5, 6], [3_000_000, 3_000_000, 3_000_000]);
  months(2, [1, 2, 3], [2_000_000, 3_000_000, 3_000_000]);
  months(4, [4, 5, 6], [3_000_000, 3_000_000, 3_000_000]);
  // C's annual target 400,000 and challenge tier 380,000 yuan: the Q3 challenge is 380,000 × 100,000 / 400,000 = 95,000
  cell.run(3, 'Y', 'sales', 40_000_000, at);
  cell.run(3, 'Y', 'challenge', 38_000_000, at);

  let n = 0;
  const order = db.prepare(
    'INSERT INTO orders (order_no, date, salesperson_id, quantity, unit_price, amount, profit) VALUES (?, ?, ?, 1, ?, ?, ?)',
  );
  const sale = (id: number, date: string, yuan: number, profitYuan: number) =>
    order.run(`O${++n}`, date, id, yuan * 100, yuan * 100, profitYuan * 100);
  sale(1, '2026-07-15', 60_000, 24_000);
  sale(1, '2026-09-30', 55_000, 22_000); // A: 115,000 sales, 46,000 profit (40%)
  sale(1, '2025-08-01', 100_000, 40_000); // A last year Q3: growth 15%
  sale(2, '2026-08-10', 70_000, 21_000); // B: 70% completion, 30% margin
  sale(2, '2025-08-10', 100_000, 30_000); // B last year: growth −30%
  sale(2, '2026-05-10', 63_000, 10_000); // B Q2: 70%
  sale(2, '2026-02-10', 60_000, 10_000); // B Q1: 75%
  sale(3, '2026-07-01', 100_000, 35_000); // C: 100% exactly, 35% margin; no sales last year
  sale(4, '2026-05-01', 50_000, 10_000);

  // B's complaints in Q3: one resolved within its 48 working hours (18 h), one after 63 working hours (late)
  db.prepare("INSERT INTO customers (id, name, created_at) VALUES (1, '客户甲', ?)").run(at);
  const ticket = db.prepare(
    "INSERT INTO tickets (ticket_no, customer_id, staff_id, department, complaint, opened_date, target_hours, resolved_date, status) VALUES (?, 1, ?, '售后服务部', ?, ?, 48, ?, 'closed')",
  );
  ticket.run('T1', 2, 1, '2026-07-01', '2026-07-02');
  ticket.run('T2', 2, 1, '2026-07-10', '2026-07-20'); // 7 working days × 9 h: past its 48 working hours (P4.6)
  ticket.run('T3', 1, 0, '2026-07-10', '2026-07-20'); // not a complaint: does not count for A

  // B's survey answers in Q3: 5, 4, 2, 3 on the satisfaction item → CSAT 50%
  db.prepare(
    "INSERT INTO surveys (id, name, method, start_date, end_date, status, created_at) VALUES (1, '三季度满意度', 'questionnaire', '2026-07-01', '2026-09-30', 'closed', ?)",
  ).run(at);
  db.prepare(
    "INSERT INTO survey_questions (id, survey_id, position, code, text, type) VALUES (1, 1, 1, 'q1', '总体满意度', 'likert5')",
  ).run();
  const resp = db.prepare(
    "INSERT INTO survey_responses (id, survey_id, customer_id, salesperson_id, submitted_at) VALUES (?, 1, 1, 2, '2026-08-20T10:00:00Z')",
  );
  const ans = db.prepare('INSERT INTO survey_answers (response_id, question_id, value_num) VALUES (?, 1, ?)');
  [5, 4, 2, 3].forEach((v, i) => {
    resp.run(i + 1);
    ans.run(i + 1, v);
  });
}

/** The manager's ratings used by the hand-computed cases: A 4/5/4/3, B all 2, C all 3. */
export const HAND_RATINGS = [
  { person: 'S1', kpi: 'initiative', score: 4 },
  { person: 'S1', kpi: 'communication', score: 5 },
  { person: 'S1', kpi: 'sellingSkill', score: 4 },
  { person: 'S1', kpi: 'teamwork', score: 3 },
  ...['initiative', 'communication', 'sellingSkill', 'teamwork'].flatMap((kpi) => [
    { person: 'S2', kpi, score: 2 },
    { person: 'S3', kpi, score: 3 },
  ]),
];

/** P6.2, P6.3: the manager's decision on every open proposal of a quarter (approval needs one for each). */
export async function decideOutcomes(
  call: ReturnType<typeof tmpWorkspace>['call'],
  quarter: string,
  decision: 'confirmed' | 'rejected' = 'confirmed',
) {
  const show = await call('appraisal/show', { quarter });
  for (const o of show.people.flatMap((p) => p.outcomes))
    if (o.status === 'proposed') await call('appraisal/decide-outcome', { quarter, id: o.id, decision });
}
