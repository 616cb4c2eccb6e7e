import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoOps, type DemoResult } from '../../src-main/contract/demo';
import { isWorkbenchError, WorkbenchError } from '../../src-main/contract/errors';
import { schemeDefinition } from '../../src-main/contract/appraisal-scheme';
import { Workspace } from '../../src-main/db/workspace';
import { makeContext, type ServiceContext } from '../../src-main/services/context';
import { createDemo } from '../../src-main/services/demo';
import { validateScheme } from '../../src-main/services/appraisal/scheme-rules';
import { addMonths } from '../../src-main/services/customers/rules';

const TODAY = '2026-11-27';
const open: Workspace[] = [];

function workspace(): Workspace {
  const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-')));
  open.push(ws);
  return ws;
}

afterEach(() => {
  for (const ws of open.splice(0)) {
    ws.close();
    fs.rmSync(ws.dataDir, { recursive: true, force: true });
  }
});

function demo(
  ws: Workspace,
  input: Partial<Parameters<typeof createDemo>[1]> = {},
  ctx: Partial<ServiceContext> = {},
): DemoResult {
  const parsed = demoOps['demo/create'].input.parse({ seed: 7, today: TODAY, ...input });
  return createDemo(makeContext(ws, ctx), parsed);
}

const count = (ws: Workspace, sql: string, ...params: unknown[]) =>
  ws.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const rows = <T>(ws: Workspace, sql: string, ...params: unknown[]) => ws.db.prepare(sql).all(...params) as T[];

function tableHash(ws: Workspace, sql: string): string {
  const h = createHash('sha256');
  for (const r of ws.db.prepare(sql).raw().iterate()) h.update(JSON.stringify(r));
  return h.digest('hex');
}

const TABLES = [
  'teams',
  'staff',
  'products',
  'customers',
  'orders',
  'tickets',
  'surveys',
  'survey_questions',
  'survey_responses',
  'survey_answers',
  'target_plans',
  'target_cells',
  'review_schemes',
  'reviews',
  'market_notes',
  'interactions',
  'settings',
];
const snapshot = (ws: Workspace) =>
  Object.fromEntries(TABLES.map((t) => [t, tableHash(ws, `SELECT * FROM ${t} ORDER BY 1, 2`)]));
const indexes = (ws: Workspace) =>
  rows<{ name: string; sql: string }>(ws, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name");

describe('demo company, small (one shared run)', () => {
  let ws: Workspace;
  let result: DemoResult;
  let indexesBefore: { name: string; sql: string }[];
  const phases: string[] = [];

  beforeAll(() => {
    ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-')));
    indexesBefore = indexes(ws);
    result = demo(ws, {}, { progress: (_d, _t, phase) => phases.push(phase) });
    return () => {
      ws.close();
      fs.rmSync(ws.dataDir, { recursive: true, force: true });
    };
  });

  it('reports the counts it wrote', () => {
    expect(result).toMatchObject({
      size: 'small',
      seed: 7,
      today: TODAY,
      teams: 3,
      staff: 24,
      customers: 300,
      products: 20,
      orders: 8000,
      reviewQuarter: '2026Q3',
      targetYear: 2026,
    });
    expect(result.teams).toBe(count(ws, 'SELECT count(*) FROM teams'));
    expect(result.staff).toBe(count(ws, 'SELECT count(*) FROM staff'));
    expect(result.customers).toBe(count(ws, 'SELECT count(*) FROM customers'));
    expect(result.products).toBe(count(ws, 'SELECT count(*) FROM products'));
    expect(result.orders).toBe(count(ws, 'SELECT count(*) FROM orders'));
    expect(result.tickets).toBe(count(ws, 'SELECT count(*) FROM tickets'));
    expect(result.surveyResponses).toBe(count(ws, 'SELECT count(*) FROM survey_responses'));
    expect(result.surveyAnswers).toBe(count(ws, 'SELECT count(*) FROM survey_answers'));
    expect(result.surveyResponses).toBeGreaterThanOrEqual(200);
    expect(result.tickets).toBeGreaterThan(50);
  });

  it('leaves a consistent database: foreign keys hold, indexes and pragmas are back', () => {
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(indexes(ws)).toEqual(indexesBefore);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(phases[0]).toBe('progress.staff');
    expect(phases).toContain('progress.orders');
  });

  it('P4.1 grades every customer on the orders it wrote: the figures are those the order lines give', () => {
    const asOf = ws.db.prepare('SELECT max(grade_as_of) FROM customers').pluck().get() as string;
    expect(count(ws, 'SELECT count(*) FROM customers WHERE grade_as_of IS NOT ?', asOf)).toBe(0);
    const from = addMonths(asOf, -12);
    const got = rows<Record<string, unknown>>(
      ws,
      `SELECT c.id, c.grade_sales AS sales, c.grade_profit AS profit, c.first_order_date AS first, c.last_order_date AS last,
              (SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.date > ? AND o.date <= ?) AS s,
              (SELECT coalesce(sum(o.profit), 0) FROM orders o WHERE o.customer_id = c.id AND o.date > ? AND o.date <= ?) AS p,
              (SELECT min(o.date) FROM orders o WHERE o.customer_id = c.id AND o.date <= ?) AS f,
              (SELECT max(o.date) FROM orders o WHERE o.customer_id = c.id AND o.date <= ?) AS l
       FROM customers c ORDER BY c.id`,
      from,
      asOf,
      from,
      asOf,
      asOf,
      asOf,
    );
    expect(got.filter((r) => r.s !== 0).length).toBeGreaterThan(100);
    for (const r of got) expect([r.sales, r.profit, r.first, r.last], `customer ${r.id}`).toEqual([r.s, r.p, r.f, r.l]);
  });

  it('builds an organisation: director → 3 team managers → representatives, a few leavers', () => {
    const director = rows<{ id: number; manager_id: number | null; team_id: number | null }>(
      ws,
      "SELECT id, manager_id, team_id FROM staff WHERE title = '销售总监'",
    );
    expect(director).toHaveLength(1);
    expect(director[0]).toMatchObject({ manager_id: null, team_id: null });
    const teams = rows<{ id: number; manager_id: number; title: string; boss: number }>(
      ws,
      'SELECT t.id, t.manager_id, s.title, s.manager_id AS boss FROM teams t JOIN staff s ON s.id = t.manager_id AND s.team_id = t.id',
    );
    expect(teams).toHaveLength(3);
    for (const t of teams) expect(t).toMatchObject({ title: '区域经理', boss: director[0].id });
    // everyone else reports to their own team's manager
    expect(
      count(
        ws,
        'SELECT count(*) FROM staff s JOIN teams t ON t.id = s.team_id WHERE s.id <> t.manager_id AND s.manager_id IS NOT t.manager_id',
      ),
    ).toBe(0);
    const leavers = rows<{ left_date: string; hire_date: string }>(
      ws,
      "SELECT left_date, hire_date FROM staff WHERE status = 'inactive'",
    );
    expect(leavers.length).toBeGreaterThanOrEqual(1);
    expect(leavers.length).toBeLessThanOrEqual(2);
    for (const l of leavers) expect(l.left_date > l.hire_date).toBe(true);
    expect(count(ws, "SELECT count(*) FROM staff WHERE status = 'active' AND left_date IS NOT NULL")).toBe(0);
    expect(
      count(ws, "SELECT count(DISTINCT employee_no) FROM staff WHERE employee_no GLOB 'S[0-9][0-9][0-9][0-9]'"),
    ).toBe(24);
    expect(count(ws, 'SELECT count(DISTINCT email) FROM staff')).toBe(24);
    // nobody's customers belong to someone who left
    expect(
      count(
        ws,
        "SELECT count(*) FROM customers c JOIN staff s ON s.id = c.owner_id WHERE s.status <> 'active' OR s.team_id IS NULL",
      ),
    ).toBe(0);
  });

  it('has 24 whole months of orders ending with the last day of last month', () => {
    expect(count(ws, 'SELECT min(date) FROM orders') as unknown).toBe('2024-11-01');
    expect(count(ws, 'SELECT max(date) FROM orders') as unknown).toBe('2026-10-31');
    expect(count(ws, 'SELECT count(DISTINCT substr(date, 1, 7)) FROM orders')).toBe(24);
    expect(count(ws, 'SELECT count(DISTINCT order_no) FROM orders')).toBe(8000);
    expect(
      count(
        ws,
        "SELECT count(*) FROM orders WHERE order_no <> 'SO' || replace(date, '-', '') || '-' || substr(order_no, 12) OR order_no NOT GLOB 'SO[0-9]*-[0-9][0-9][0-9][0-9]'",
      ),
    ).toBe(0);
  });

  it('prices every order: amount = quantity × unit price, profit = amount − cost × quantity, whole yuan', () => {
    const bad = count(
      ws,
      `SELECT count(*) FROM orders o JOIN products p ON p.id = o.product_id
       WHERE o.quantity < 1 OR o.quantity <> CAST(o.quantity AS INTEGER) OR o.unit_price % 100 <> 0 OR o.unit_price > p.list_price
          OR o.amount <> CAST(o.quantity AS INTEGER) * o.unit_price OR o.profit <> o.amount - CAST(o.quantity AS INTEGER) * p.cost`,
    );
    expect(bad).toBe(0);
    expect(count(ws, 'SELECT count(*) FROM products WHERE cost >= list_price OR list_price % 100 <> 0')).toBe(0);
  });

  it('sells only through people who worked there at the time', () => {
    expect(
      count(
        ws,
        'SELECT count(*) FROM orders o JOIN staff s ON s.id = o.salesperson_id WHERE o.date < s.hire_date OR o.date > coalesce(s.left_date, o.date) OR s.team_id IS NULL',
      ),
    ).toBe(0);
  });

  it('shows seasonality and growth: New Year dip, Q4 peak, more sales this year than last', () => {
    const month = (m: string) => count(ws, 'SELECT sum(amount) FROM orders WHERE substr(date, 1, 7) = ?', m);
    const average2025 = count(ws, "SELECT sum(amount) / 12.0 FROM orders WHERE date LIKE '2025-%'");
    expect(month('2025-02')).toBeLessThan(0.8 * average2025);
    expect(month('2025-12')).toBeGreaterThan(1.2 * average2025);
    expect(month('2025-06')).toBeGreaterThan(month('2025-05'));
    const last12 = count(ws, "SELECT sum(amount) FROM orders WHERE date >= '2025-11-01'");
    const before = count(ws, "SELECT sum(amount) FROM orders WHERE date < '2025-11-01'");
    expect(last12 / before).toBeGreaterThan(1.03);
  });

  it('sets targets that reconcile exactly: months → quarters → year, people → team → company, whole yuan', () => {
    expect(rows(ws, 'SELECT year, status, method FROM target_plans')).toEqual([
      { year: 2026, status: 'approved', method: 'history' },
    ]);
    expect(
      count(ws, 'SELECT count(*) FROM target_cells WHERE amount % 100 <> 0 OR metric <> ? OR year <> 2026', 'sales'),
    ).toBe(0);
    // every cell: Y = ΣM, Qn = Σ its months
    const broken = count(
      ws,
      `WITH m AS (SELECT scope, scope_id, CAST(substr(period, 2) AS INTEGER) AS n, amount FROM target_cells WHERE period LIKE 'M%')
       SELECT count(*) FROM target_cells c WHERE
         (c.period = 'Y' AND c.amount <> (SELECT sum(amount) FROM m WHERE m.scope = c.scope AND m.scope_id = c.scope_id))
         OR (c.period LIKE 'Q%' AND c.amount <> (SELECT sum(amount) FROM m WHERE m.scope = c.scope AND m.scope_id = c.scope_id
                                                 AND (m.n + 2) / 3 = CAST(substr(c.period, 2) AS INTEGER)))`,
    );
    expect(broken).toBe(0);
    // each team = Σ its people, company = Σ teams, for every period
    const teamOff = count(
      ws,
      `SELECT count(*) FROM target_cells t WHERE t.scope = 'team' AND t.amount <>
         (SELECT sum(p.amount) FROM target_cells p JOIN staff s ON s.id = p.scope_id WHERE p.scope = 'person' AND p.period = t.period AND s.team_id = t.scope_id)`,
    );
    expect(teamOff).toBe(0);
    const companyOff = count(
      ws,
      `SELECT count(*) FROM target_cells c WHERE c.scope = 'company' AND c.scope_id = 0 AND c.amount <>
         (SELECT sum(t.amount) FROM target_cells t WHERE t.scope = 'team' AND t.period = c.period)`,
    );
    expect(companyOff).toBe(0);
    expect(count(ws, "SELECT count(*) FROM target_cells WHERE scope = 'company'")).toBe(17);
    expect(count(ws, "SELECT count(*) FROM target_cells WHERE scope = 'team'")).toBe(3 * 17);
    // exactly the active people of the teams have targets, 17 cells each
    const people = rows<{ id: number }>(
      ws,
      "SELECT id FROM staff WHERE status = 'active' AND team_id IS NOT NULL ORDER BY id",
    ).map((r) => r.id);
    const withTargets = rows<{ id: number; n: number }>(
      ws,
      "SELECT scope_id AS id, count(*) AS n FROM target_cells WHERE scope = 'person' GROUP BY 1 ORDER BY 1",
    );
    expect(withTargets.map((r) => r.id)).toEqual(people);
    expect(withTargets.every((r) => r.n === 17)).toBe(true);
  });

  it('bases the targets on last year (+12%) and spreads completion from weak to strong people', () => {
    expect(count(ws, "SELECT amount FROM target_cells WHERE scope = 'company' AND period = 'Y'") % 1_000_000).toBe(0); // a round ¥10,000
    // people who sold all of last year, and took over no leaver's customers, get last year's sales + 12%
    // (within the rounding of the company's total)
    const growth = rows<{ ratio: number }>(
      ws,
      `SELECT c.amount * 1.0 / (SELECT sum(o.amount) FROM orders o WHERE o.salesperson_id = s.id AND o.date LIKE '2025-%') AS ratio
       FROM staff s JOIN target_cells c ON c.scope = 'person' AND c.scope_id = s.id AND c.period = 'Y'
       WHERE s.hire_date < '2024-11-01' AND NOT EXISTS (
         SELECT 1 FROM customers cu JOIN orders o ON o.customer_id = cu.id JOIN staff l ON l.id = o.salesperson_id
         WHERE cu.owner_id = s.id AND l.status = 'inactive')`,
    ).map((r) => r.ratio);
    expect(growth.length).toBeGreaterThan(12);
    for (const g of growth) expect(g).toBeCloseTo(1.12, 2);
    const completion = rows<{ pct: number }>(
      ws,
      `SELECT 100.0 * (SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.salesperson_id = c.scope_id AND o.date BETWEEN '2026-01-01' AND '2026-10-31')
              / sum(c.amount) AS pct
       FROM target_cells c WHERE c.scope = 'person' AND c.period IN ('M1','M2','M3','M4','M5','M6','M7','M8','M9','M10') GROUP BY c.scope_id`,
    ).map((r) => r.pct);
    expect(Math.min(...completion)).toBeLessThan(80);
    expect(Math.max(...completion)).toBeGreaterThan(115);
    expect(Math.min(...completion)).toBeGreaterThan(45);
    expect(Math.max(...completion)).toBeLessThan(160);
  });

  it('surveys the appraisal quarter: 10 questions, answers in range, better people rated higher', () => {
    expect(rows(ws, 'SELECT start_date AS s, end_date AS e, status FROM surveys')).toEqual([
      { s: '2026-07-01', e: '2026-09-30', status: 'closed' },
    ]);
    const types = rows<{ type: string }>(ws, 'SELECT type FROM survey_questions ORDER BY position').map((r) => r.type);
    expect(types).toHaveLength(10);
    expect(types).toEqual(expect.arrayContaining(['likert5', 'nps', 'salesperson', 'text']));
    expect(
      count(ws, "SELECT count(*) FROM survey_responses WHERE submitted_at NOT BETWEEN '2026-07-01' AND '2026-09-30'"),
    ).toBe(0);
    expect(
      count(
        ws,
        'SELECT count(*) FROM survey_responses r JOIN orders o ON o.id = r.order_id WHERE o.salesperson_id <> r.salesperson_id OR o.customer_id <> r.customer_id OR o.date > r.submitted_at',
      ),
    ).toBe(0);
    expect(count(ws, 'SELECT count(*) - count(DISTINCT customer_id) FROM survey_responses')).toBe(0);
    const outOfRange = count(
      ws,
      `SELECT count(*) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
       WHERE (q.type = 'likert5' AND a.value_num NOT BETWEEN 1 AND 5) OR (q.type = 'nps' AND a.value_num NOT BETWEEN 0 AND 10)
          OR (q.type IN ('likert5', 'nps') AND (a.value_num IS NULL OR a.value_num <> CAST(a.value_num AS INTEGER)))
          OR (q.type = 'salesperson' AND a.value_text IS NOT (SELECT s.name FROM survey_responses r JOIN staff s ON s.id = r.salesperson_id WHERE r.id = a.response_id))`,
    );
    expect(outOfRange).toBe(0);
    // people with the best Q3 completion are rated higher than those with the worst
    const ranked = rows<{ likert: number }>(
      ws,
      `SELECT (SELECT avg(a.value_num) FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id AND q.type = 'likert5'
               WHERE r.salesperson_id = c.scope_id) AS likert
       FROM target_cells c WHERE c.scope = 'person' AND c.period = 'Q3'
       ORDER BY (SELECT sum(o.amount) FROM orders o WHERE o.salesperson_id = c.scope_id AND o.date BETWEEN '2026-07-01' AND '2026-09-30') * 1.0 / c.amount`,
    ).map((r) => r.likert);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ranked.slice(-5))).toBeGreaterThan(mean(ranked.slice(0, 5)) + 0.3);
  });

  it('has after-sales tickets, some complaints, some still open, none before their order', () => {
    expect(count(ws, 'SELECT count(*) FROM tickets WHERE complaint = 1')).toBeGreaterThan(10);
    expect(count(ws, "SELECT count(*) FROM tickets WHERE status IN ('new', 'in_progress', 'waiting')")).toBeGreaterThan(
      0,
    );
    expect(
      count(ws, "SELECT count(*) FROM tickets WHERE status IN ('resolved', 'closed') AND resolved_date IS NULL"),
    ).toBe(0);
    expect(
      count(
        ws,
        'SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.opened_date <= o.date OR t.customer_id <> o.customer_id OR t.opened_date >= ?',
        TODAY,
      ),
    ).toBe(0);
  });

  it('leaves the 2026Q3 appraisal in draft with a valid 40/10/20/20/10 scheme, notes and settings', () => {
    // the two quarters before are appraised on the same scheme, from the data only (P5.5 before/after), never rated
    expect(rows(ws, 'SELECT quarter, status FROM reviews ORDER BY quarter')).toEqual([
      { quarter: '2026Q1', status: 'draft' },
      { quarter: '2026Q2', status: 'draft' },
      { quarter: '2026Q3', status: 'draft' },
    ]);
    expect(
      rows(ws, 'SELECT count(DISTINCT s.definition) AS n FROM reviews r JOIN review_schemes s ON s.id = r.scheme_id'),
    ).toEqual([{ n: 1 }]);
    expect(
      count(
        ws,
        "SELECT count(*) FROM review_ratings r JOIN reviews v ON v.id = r.review_id WHERE v.quarter < '2026Q3'",
      ),
    ).toBe(0);
    for (const q of ['2026Q1', '2026Q2'])
      expect(
        count(
          ws,
          "SELECT count(*) FROM review_kpi_values v JOIN reviews r ON r.id = v.review_id WHERE r.quarter = ? AND v.kpi_key = 'completion' AND v.value IS NOT NULL",
          q,
        ),
        q,
      ).toBeGreaterThan(10);
    const stored = ws.db
      .prepare(
        "SELECT s.definition FROM reviews r JOIN review_schemes s ON s.id = r.scheme_id WHERE r.quarter = '2026Q3'",
      )
      .pluck()
      .get() as string;
    const scheme = schemeDefinition.parse(JSON.parse(stored));
    validateScheme(scheme);
    const weightOf = (pred: (k: (typeof scheme.kpis)[number]) => boolean) =>
      scheme.kpis.filter(pred).reduce((s, k) => s + k.weight, 0);
    expect(weightOf((k) => k.source === 'completion')).toBe(40);
    expect(weightOf((k) => k.dimension === 'sales' && k.source !== 'completion')).toBeCloseTo(10);
    expect(weightOf((k) => k.dimension === 'satisfaction')).toBeCloseTo(20);
    expect(weightOf((k) => k.dimension === 'attitude' && k.source === 'rated')).toBeCloseTo(20);
    expect(weightOf((k) => k.dimension === 'teamwork' && k.source === 'rated')).toBeCloseTo(10);
    expect(
      rows(ws, 'SELECT DISTINCT kind FROM market_notes WHERE year = 2026 ORDER BY 1').map(
        (r) => (r as { kind: string }).kind,
      ),
    ).toEqual(expect.arrayContaining(['competitor', 'market', 'strategy']));
    expect(
      Object.fromEntries(
        rows<{ key: string; value: string }>(ws, 'SELECT key, value FROM settings').map((r) => [r.key, r.value]),
      ),
    ).toMatchObject({
      companyName: '华信智能设备有限公司',
      onboarded: '1',
    });
  });
});

describe('demo company: determinism, refusal, cancellation, dates', () => {
  it('gives identical orders for the same seed and today, different ones for another seed', () => {
    const orders = 'SELECT * FROM orders ORDER BY id';
    const [a, b, c] = [workspace(), workspace(), workspace()];
    demo(a);
    demo(b);
    demo(c, { seed: 8 });
    expect(tableHash(a, orders)).toBe(tableHash(b, orders));
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(tableHash(c, orders)).not.toBe(tableHash(a, orders));
  });

  it('refuses a database that already holds data and changes nothing', () => {
    const ws = workspace();
    ws.db
      .prepare("INSERT INTO staff (employee_no, name, created_at, updated_at) VALUES ('E1', '张三', 'x', 'x')")
      .run();
    ws.db.prepare("INSERT INTO settings (key, value) VALUES ('lang', 'zh-CN')").run();
    const before = snapshot(ws);
    const indexesBefore = indexes(ws);
    let error: unknown;
    try {
      demo(ws);
    } catch (e) {
      error = e;
    }
    expect(isWorkbenchError(error) && error.code).toBe('demo/not-empty');
    expect(snapshot(ws)).toEqual(before);
    expect(indexes(ws)).toEqual(indexesBefore);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a second demo in the same database', () => {
    const ws = workspace();
    demo(ws);
    const before = snapshot(ws);
    expect(() => demo(ws, { seed: 9 })).toThrow(WorkbenchError);
    expect(snapshot(ws)).toEqual(before);
  });

  it('rolls everything back when cancelled part-way, at any check', () => {
    const probe = workspace();
    let checks = 0;
    demo(probe, {}, { checkCancelled: () => void checks++ });
    expect(checks).toBeGreaterThan(5);
    for (const stopAt of [1, 3, checks - 1, checks]) {
      const ws = workspace();
      const indexesBefore = indexes(ws);
      const before = snapshot(ws);
      let calls = 0;
      const checkCancelled = () => {
        if (++calls >= stopAt) throw new WorkbenchError('job/cancelled');
      };
      expect(() => demo(ws, {}, { checkCancelled })).toThrow('job/cancelled');
      expect(snapshot(ws)).toEqual(before);
      expect(count(ws, 'SELECT count(*) FROM orders') + count(ws, 'SELECT count(*) FROM staff')).toBe(0);
      expect(indexes(ws)).toEqual(indexesBefore);
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      // and the database still takes a demo afterwards
      expect(demo(ws).orders).toBe(8000);
    }
  });

  it('in January reviews last year Q4 and sets targets for both years', () => {
    const ws = workspace();
    const r = demo(ws, { today: '2027-01-15', companyName: '星河科技有限公司' });
    expect(r).toMatchObject({ reviewQuarter: '2026Q4', targetYear: 2027 });
    expect(count(ws, 'SELECT min(date) FROM orders') as unknown).toBe('2025-01-01');
    expect(count(ws, 'SELECT max(date) FROM orders') as unknown).toBe('2026-12-31');
    expect(rows(ws, 'SELECT year FROM target_plans ORDER BY year')).toEqual([{ year: 2026 }, { year: 2027 }]);
    for (const year of [2026, 2027]) {
      const company = count(
        ws,
        "SELECT amount FROM target_cells WHERE year = ? AND scope = 'company' AND period = 'Y'",
        year,
      );
      expect(
        count(
          ws,
          "SELECT sum(amount) FROM target_cells WHERE year = ? AND scope = 'person' AND period LIKE 'M%'",
          year,
        ),
      ).toBe(company);
    }
    // a leaver of 2026 keeps the 2026 months they worked, and nothing after they left
    expect(
      count(
        ws,
        "SELECT count(*) FROM target_cells c JOIN staff s ON s.id = c.scope_id WHERE c.year = 2027 AND c.scope = 'person' AND s.status <> 'active'",
      ),
    ).toBe(0);
    expect(rows(ws, 'SELECT start_date AS s, end_date AS e FROM surveys')).toEqual([
      { s: '2026-10-01', e: '2026-12-31' },
    ]);
    expect(ws.db.prepare("SELECT value FROM settings WHERE key = 'companyName'").pluck().get()).toBe(
      '星河科技有限公司',
    );
  });

  it('defaults today to the real date', () => {
    const ws = workspace();
    const parsed = demoOps['demo/create'].input.parse({});
    const r = createDemo(makeContext(ws), parsed);
    expect(r.today).toBe(dayjs().format('YYYY-MM-DD'));
    expect(r.seed).toBe(42);
    expect(count(ws, 'SELECT max(date) FROM orders') as unknown).toBe(
      dayjs().startOf('month').subtract(1, 'day').format('YYYY-MM-DD'),
    );
  });

  it('rejects bad input before anything runs', () => {
    const input = demoOps['demo/create'].input;
    for (const bad of [
      { size: 'huge' },
      { seed: -1 },
      { seed: 1.5 },
      { today: '2026-13-01' },
      { companyName: '' },
      { extra: 1 },
    ]) {
      expect(input.safeParse(bad).success).toBe(false);
    }
  });
});
