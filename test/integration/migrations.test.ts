import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src-main/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/db/migrations';
import { syncOrderTrigrams } from '../../src-main/db/order-derived';
import { DB_FILE } from '../../src-main/db/workspace';
import { tmpDir } from '../support/workspace';

// One upgrade test per migration: a database at the version before it, holding data, is migrated and
// keeps that data (migration 7's own test, with its table rebuild, is in database.test.ts).
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A database file migrated up to `version` exactly, as a workbench of that version left it. */
function databaseAt(version: number): Database.Database {
  const db = new Database(path.join(tmpDir('wb-migrate-'), DB_FILE));
  open.push(db);
  db.pragma('foreign_keys = ON');
  expect(
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= version),
    ),
  ).toEqual({ from: 0, to: version });
  return db;
}

const upTo = (db: Database.Database, version: number) =>
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
const columns = (db: Database.Database, table: string) =>
  db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
const schema = (db: Database.Database) =>
  db.prepare('SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name').all();

/** Someone to rate and a survey with one answered response, in the version-1 schema. */
function seedV1(db: Database.Database) {
  db.prepare(
    "INSERT INTO staff (id, employee_no, name, created_at, updated_at) VALUES (1, 'S1', '张伟', 'x', 'x'), (2, 'S2', '李娜', 'x', 'x')",
  ).run();
  db.prepare(
    "INSERT INTO surveys (id, name, method, created_at) VALUES (1, '2025 客户满意度', 'questionnaire', 'x')",
  ).run();
  db.prepare(
    "INSERT INTO survey_questions (id, survey_id, position, code, text, type) VALUES (1, 1, 1, 'Q1', '推荐意愿', 'nps')",
  ).run();
  db.prepare(
    "INSERT INTO survey_responses (id, survey_id, respondent_key, salesperson_id, submitted_at) VALUES (1, 1, 'r-1', 1, '2025-03-01'), (2, 1, 'r-2', 2, '2025-03-02')",
  ).run();
  db.prepare('INSERT INTO survey_answers (response_id, question_id, value_num) VALUES (1, 1, 9), (2, 1, 4)').run();
  db.prepare(
    "INSERT INTO improvement_actions (id, survey_id, owner_id, finding, action, status) VALUES (1, 1, 1, '交付慢', '每周同步进度', 'in_progress')",
  ).run();
}

function seedAppraisal(db: Database.Database) {
  db.prepare(
    "INSERT INTO review_schemes (id, quarter, version, definition, created_at) VALUES (1, '2025Q1', 1, '{}', 'x')",
  ).run();
  db.prepare("INSERT INTO reviews (id, quarter, scheme_id, status) VALUES (1, '2025Q1', 1, 'rated')").run();
  db.prepare(
    "INSERT INTO review_kpi_values (review_id, staff_id, kpi_key, value, score) VALUES (1, 1, 'completion', 0.95, 38)",
  ).run();
  db.prepare(
    "INSERT INTO review_ratings (review_id, staff_id, kpi_key, score, rated_by, rated_at) VALUES (1, 1, 'teamwork', 4, '经理', 'x')",
  ).run();
}

describe('migrations (architecture: the data)', () => {
  it('are listed in strictly increasing versions, and the runner refuses a list that is not', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    // Versions 2 and 3 were never given out (migrations/index.ts): the gap is permanent, not a missing file.
    expect(versions.slice(0, 2)).toEqual([1, 4]);
    const db = new Database(':memory:');
    const m = (version: number): Migration => ({
      version,
      name: `v${version}`,
      sql: `CREATE TABLE t${version} (id INTEGER) STRICT;`,
    });
    for (const wrong of [[m(1), m(3), m(2)], [m(1), m(1)], [m(0)]]) {
      expect(() => migrate(db, wrong)).toThrow(/order/);
      expect(db.pragma('user_version', { simple: true })).toBe(0);
    }
    expect(migrate(db, [m(1), m(3)])).toEqual({ from: 0, to: 3 });
    db.close();
  });

  it('a database at any earlier version ends with the same schema as a new one', () => {
    const fresh = schema(databaseAt(SCHEMA_VERSION));
    for (const { version } of MIGRATIONS.slice(0, -1)) {
      const db = databaseAt(version);
      expect(migrate(db, MIGRATIONS)).toEqual({ from: version, to: SCHEMA_VERSION });
      expect(schema(db), `from version ${version}`).toEqual(fresh);
    }
  });

  it('P4.5 migration 4 (survey actions and call-backs): a version-1 action becomes an improvement, responses and answers stay', () => {
    const db = databaseAt(1);
    seedV1(db);
    expect(upTo(db, 4)).toEqual({ from: 1, to: 4 });
    expect(
      db.prepare('SELECT id, kind, question_id AS questionId, note, status, finding FROM improvement_actions').all(),
    ).toEqual([{ id: 1, kind: 'improvement', questionId: null, note: null, status: 'in_progress', finding: '交付慢' }]);
    expect(db.prepare('SELECT response_id AS r, value_num AS v FROM survey_answers ORDER BY r').all()).toEqual([
      { r: 1, v: 9 },
      { r: 2, v: 4 },
    ]);
    // One call-back per detractor response, and one response per respondent of a survey.
    const callback = db.prepare(
      "INSERT INTO improvement_actions (survey_id, response_id, finding, action, kind) VALUES (1, 2, '4 分', '回访', 'callback')",
    );
    callback.run();
    expect(() => callback.run()).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO survey_responses (survey_id, respondent_key) VALUES (1, 'r-1')").run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO improvement_actions (finding, action, kind) VALUES ('x', 'y', 'other')").run(),
    ).toThrow(/CHECK/);
  });

  it('P6 migration 5 (appraisal KPI detail): values and ratings of a version-4 appraisal stay, target and actual start empty', () => {
    const db = databaseAt(4);
    seedV1(db);
    seedAppraisal(db);
    expect(upTo(db, 5)).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT kpi_key AS k, value, score, target, actual FROM review_kpi_values').all()).toEqual([
      { k: 'completion', value: 0.95, score: 38, target: null, actual: null },
    ]);
    expect(db.prepare('SELECT score, rated_by AS by FROM review_ratings').all()).toEqual([{ score: 4, by: '经理' }]);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('review_outcomes_review', 'incidents_date') ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual(['incidents_date', 'review_outcomes_review']);
  });

  it('P4.7 migration 6 (survey score cache): a version-5 survey keeps its answers; the cache tables start empty', () => {
    const db = databaseAt(5);
    seedV1(db);
    expect(upTo(db, 6)).toEqual({ from: 5, to: 6 });
    expect(db.prepare('SELECT count(*) FROM survey_answers').pluck().get()).toBe(2);
    // Empty on purpose: services/survey/score-cache.ts fills them from survey_answers on first use.
    expect(db.prepare('SELECT count(*) FROM survey_response_scores').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM survey_value_counts').pluck().get()).toBe(0);
    expect(columns(db, 'survey_response_scores')).toEqual([
      'response_id',
      'survey_id',
      'salesperson_id',
      'day',
      'nps',
      'sat_n',
      'sat_sum',
      'sat_top',
    ]);
  });

  it('P6.1 migration 8 (peer ratings): a version-7 appraisal keeps its ratings; a peer rating of oneself is refused', () => {
    const db = databaseAt(7);
    seedV1(db);
    seedAppraisal(db);
    expect(upTo(db, 8)).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT staff_id AS s, kpi_key AS k, score FROM review_ratings').all()).toEqual([
      { s: 1, k: 'teamwork', score: 4 },
    ]);
    expect(db.prepare('SELECT count(*) FROM review_peer_ratings').pluck().get()).toBe(0);
    const peer = db.prepare(
      "INSERT INTO review_peer_ratings (review_id, staff_id, rater_id, kpi_key, level, rated_at, rated_by) VALUES (1, ?, ?, 'teamwork', 4, 'x', '经理')",
    );
    peer.run(1, 2);
    expect(() => peer.run(1, 2)).toThrow(/UNIQUE/);
    expect(() => peer.run(1, 1)).toThrow(/CHECK/);
    expect(() => peer.run(1, 99)).toThrow(/FOREIGN KEY/);
  });

  it('P2.4–P2.6 migration 12 (plans, market, strategy, sales reports): a version-8 plan and activity keep their rows, with zero budgets', () => {
    const db = databaseAt(8);
    seedV1(db);
    db.prepare(
      "INSERT INTO sales_plans (id, year, period, staff_id, channels) VALUES (1, 2025, 'M6', 1, 'direct')",
    ).run();
    db.prepare(
      "INSERT INTO plan_activities (plan_id, owner_id, date, kind, title, status) VALUES (1, 1, '2025-06-03', 'visit', 'v', 'done')",
    ).run();
    expect(upTo(db, 12)).toEqual({ from: 8, to: 12 });
    expect(db.prepare('SELECT channels, budget, expected_sales AS e FROM sales_plans').all()).toEqual([
      { channels: 'direct', budget: 0, e: 0 },
    ]);
    expect(
      db.prepare('SELECT title, status, budget, spent, credited_sales AS c, source FROM plan_activities').all(),
    ).toEqual([{ title: 'v', status: 'done', budget: 0, spent: 0, c: 0, source: null }]);
    expect(() =>
      db
        .prepare(
          "INSERT INTO sales_reports (kind, period, lang, data, created_at, created_by) VALUES ('daily', '2025-06', 'en', '{}', 'x', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO sales_strategies (year, product_line, updated_at) VALUES (2025, 'A', 'x'), (2025, 'A', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('P3.1 P4.1 migration 10 (customers, contacts, visits, care): a version-8 customer and its interactions stay; the new columns start empty', () => {
    const db = databaseAt(8);
    seedV1(db);
    db.prepare("INSERT INTO customers (id, name, created_at) VALUES (7, '甲公司', 'x')").run();
    db.prepare("INSERT INTO interactions (customer_id, date, kind) VALUES (7, '2026-01-05', 'visit')").run();
    expect(upTo(db, 10)).toEqual({ from: 8, to: 10 });
    expect(
      db.prepare('SELECT name, stage, grade, grade_override, cadence_days FROM customers WHERE id = 7').get(),
    ).toEqual({ name: '甲公司', stage: 'customer', grade: null, grade_override: null, cadence_days: null });
    // An existing interaction counts as done: it happened before statuses existed.
    expect(db.prepare('SELECT status, visit_type FROM interactions WHERE customer_id = 7').get()).toEqual({
      status: 'done',
      visit_type: null,
    });
    const contact = db.prepare(
      'INSERT INTO contacts (customer_id, name, birth_calendar, birth_month, birth_day, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    contact.run(7, '王经理', 'lunar', 8, 30, 'x');
    expect(() => contact.run(99, '无主', null, null, null, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => contact.run(7, '错历', 'moon', null, null, 'x')).toThrow(/CHECK/);
  });

  it('P3.1–P3.3, P4.4–P4.6 migration 11 (sales process): version-8 opportunities, contracts and tickets keep their ids and map to the new stages and statuses', () => {
    const db = databaseAt(8);
    seedV1(db);
    db.prepare("INSERT INTO customers (id, name, created_at) VALUES (1, '客户甲', 'x')").run();
    db.prepare(
      "INSERT INTO orders (id, order_no, date, customer_id, salesperson_id, amount) VALUES (1, 'O1', '2025-01-02', 1, 1, 100)",
    ).run();
    const opp = db.prepare(
      'INSERT INTO opportunities (id, customer_id, staff_id, title, stage, amount) VALUES (?, 1, 1, ?, ?, 100)',
    );
    for (const [id, stage] of [
      [1, 'lead'],
      [2, 'qualified'],
      [3, 'presentation'],
      [4, 'negotiation'],
      [5, 'won'],
      [6, 'lost'],
    ] as const)
      opp.run(id, `商机${id}`, stage);
    db.prepare(
      "INSERT INTO contracts (id, contract_no, customer_id, staff_id, opportunity_id, amount, status) VALUES (1, 'C1', 1, 1, 5, 100, 'review'), (2, 'C2', 1, 1, NULL, 100, 'rejected')",
    ).run();
    db.prepare(
      "INSERT INTO tickets (id, ticket_no, customer_id, order_id, staff_id, department, complaint, opened_date, target_hours, status) VALUES (1, 'T1', 1, 1, 1, '物流部', 1, '2025-01-03', 24, 'open')",
    ).run();
    db.prepare('UPDATE survey_responses SET ticket_id = 1 WHERE id = 1').run();
    expect(upTo(db, 11)).toEqual({ from: 8, to: 11 });
    expect(db.prepare('SELECT id, stage FROM opportunities ORDER BY id').all()).toEqual([
      { id: 1, stage: 'needs' },
      { id: 2, stage: 'proposal' },
      { id: 3, stage: 'demo' },
      { id: 4, stage: 'negotiation' },
      { id: 5, stage: 'won' },
      { id: 6, stage: 'lost' },
    ]);
    expect(db.prepare('SELECT id, status, opportunity_id AS opp FROM contracts ORDER BY id').all()).toEqual([
      { id: 1, status: 'in_review', opp: 5 },
      { id: 2, status: 'draft', opp: null },
    ]);
    expect(db.prepare('SELECT id, status, severity, complaint, target_hours AS t FROM tickets').all()).toEqual([
      { id: 1, status: 'new', severity: 'medium', complaint: 1, t: 24 },
    ]);
    expect(db.prepare('SELECT ticket_id FROM survey_responses WHERE id = 1').pluck().get()).toBe(1);
    expect(() => db.prepare("UPDATE tickets SET status = 'open'").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO contract_instalments (contract_id, seq, due_date, amount) VALUES (1, 1, '2025-02-01', 0)")
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO opportunity_stage_history (opportunity_id, to_stage, at, actor) VALUES (99, 'needs', 'x', 'y')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('P5.1–P5.5 migration 13 (recruitment and training): rows of the first schema stay; new columns start empty', () => {
    const db = databaseAt(8);
    seedV1(db);
    db.prepare(
      "INSERT INTO recruitment_plans (id, title, headcount, criteria, channels) VALUES (1, '销售代表', 2, NULL, NULL)",
    ).run();
    db.prepare(
      "INSERT INTO candidates (id, plan_id, name, phone, source, status) VALUES (1, 1, '甲', '13800000001', 'boss', 'interview')",
    ).run();
    db.prepare(
      "INSERT INTO interviews (id, candidate_id, date, interviewer_id, skill_score) VALUES (1, 1, '2025-03-10', 1, 4)",
    ).run();
    db.prepare(
      "INSERT INTO training_plans (id, title, stage, topic) VALUES (1, '产品培训', 'onboarding', 'product')",
    ).run();
    db.prepare("INSERT INTO training_sessions (id, plan_id, date, hours) VALUES (1, 1, '2025-03-01', 4)").run();
    db.prepare(
      'INSERT INTO training_attendance (session_id, staff_id, attended, test_score) VALUES (1, 1, 1, 88)',
    ).run();
    expect(upTo(db, 13)).toEqual({ from: 8, to: 13 });
    expect(db.prepare('SELECT title, headcount, approval, budget FROM recruitment_plans').all()).toEqual([
      { title: '销售代表', headcount: 2, approval: 'draft', budget: 0 },
    ]);
    expect(db.prepare('SELECT name, status, screen_decision AS d, staff_id AS s FROM candidates').all()).toEqual([
      { name: '甲', status: 'interview', d: null, s: null },
    ]);
    expect(db.prepare('SELECT skill_score AS k, round FROM interviews').all()).toEqual([{ k: 4, round: null }]);
    expect(db.prepare('SELECT test_score AS t, mastery FROM training_attendance').all()).toEqual([
      { t: 88, mastery: null },
    ]);
    expect(db.prepare('SELECT online, cost FROM training_sessions').all()).toEqual([{ online: 0, cost: 0 }]);
    expect(columns(db, 'staff')).toContain('probation_end');
    // the KPI → topic mapping starts with the default scheme's KPIs
    expect(db.prepare("SELECT topic FROM training_kpi_topics WHERE kpi_key = 'csat'").pluck().all()).toEqual(['crm']);
    expect(() => db.prepare("UPDATE candidates SET screen_decision = 'maybe'").run()).toThrow(/CHECK/);
  });

  it('P3.3 migration 14 (contract product line): contracts and their instalments stay; the line starts empty', () => {
    const db = databaseAt(13);
    seedV1(db);
    db.prepare("INSERT INTO customers (id, code, name, created_at) VALUES (1, 'C1', '华辰', 'x')").run();
    db.prepare(
      "INSERT INTO contracts (id, contract_no, customer_id, staff_id, amount, list_amount, status) VALUES (1, 'HT-1', 1, 1, 60000000, 66000000, 'in_review')",
    ).run();
    db.prepare(
      "INSERT INTO contract_instalments (contract_id, seq, due_date, amount) VALUES (1, 1, '2026-04-30', 30000000), (1, 2, '2026-06-30', 30000000)",
    ).run();
    expect(upTo(db, 14)).toEqual({ from: 13, to: 14 });
    expect(db.prepare('SELECT contract_no AS no, amount, status, product_line AS line FROM contracts').all()).toEqual([
      { no: 'HT-1', amount: 60000000, status: 'in_review', line: null },
    ]);
    expect(db.prepare('SELECT sum(amount) FROM contract_instalments').pluck().get()).toBe(60000000);
  });

  it('P5.5 migration 16 (training feedback survey): a version-13 session keeps its row without a survey; deleting the survey unlinks it; one session per survey', () => {
    const before = MIGRATIONS.filter((m) => m.version < 16).at(-1)!.version;
    const db = databaseAt(before);
    seedV1(db);
    db.prepare(
      "INSERT INTO training_plans (id, title, stage, topic) VALUES (1, '产品培训', 'junior', 'product')",
    ).run();
    db.prepare(
      "INSERT INTO training_sessions (id, plan_id, date, hours, place) VALUES (1, 1, '2025-03-01', 4, '总部'), (2, 1, '2025-04-01', 2, '总部')",
    ).run();
    expect(upTo(db, 16)).toEqual({ from: before, to: 16 });
    expect(
      db.prepare('SELECT id, hours, place, feedback_survey_id AS f FROM training_sessions ORDER BY id').all(),
    ).toEqual([
      { id: 1, hours: 4, place: '总部', f: null },
      { id: 2, hours: 2, place: '总部', f: null },
    ]);
    db.prepare("INSERT INTO surveys (id, name, method, created_at) VALUES (9, '培训反馈', 'questionnaire', 'x')").run();
    db.prepare('UPDATE training_sessions SET feedback_survey_id = 9 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE training_sessions SET feedback_survey_id = 9 WHERE id = 2').run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare('UPDATE training_sessions SET feedback_survey_id = 404 WHERE id = 2').run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare('DELETE FROM surveys WHERE id = 9').run();
    expect(db.prepare('SELECT feedback_survey_id FROM training_sessions WHERE id = 1').pluck().get()).toBeNull();
  });

  it('P1.5 P2.3 migration 15 (market news tied to lost opportunities): news of the version before keep their rows, untied', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 15) - 1].version;
    const db = databaseAt(before);
    db.prepare("INSERT INTO competitors (id, name, created_at, updated_at) VALUES (1, '某泵业', 'x', 'x')").run();
    db.prepare(
      "INSERT INTO market_news (date, note, competitor_id, year, created_at) VALUES ('2025-06-01', '降价', 1, 2025, 'x')",
    ).run();
    expect(upTo(db, 15)).toEqual({ from: before, to: 15 });
    expect(db.prepare('SELECT note, competitor_id AS c, opportunity_id AS o FROM market_news').all()).toEqual([
      { note: '降价', c: 1, o: null },
    ]);
    expect(() => db.prepare('UPDATE market_news SET opportunity_id = 999').run()).toThrow(/FOREIGN KEY/);
  });

  it('P2.6 migration 17 (order number trigrams): the lines of a version-13 database are found by three characters of their number, and later writes keep the index in step', () => {
    const db = databaseAt(13);
    const ins = db.prepare('INSERT INTO orders (order_no, line, date, amount) VALUES (?, ?, ?, ?)');
    ins.run('SO20250301-0007', 1, '2025-03-01', 1000);
    ins.run('SO20250301-0007', 2, '2025-03-01', 500);
    ins.run('沪甲-2', 1, '2025-04-01', 700);
    expect(upTo(db, 17)).toEqual({ from: 13, to: 17 });
    // Straight from the index: the lines having all the text's trigrams (what the quick search reads).
    const found = (...grams: string[]) =>
      db
        .prepare(
          "SELECT o.order_no || '/' || o.line FROM order_no_trigrams f JOIN orders o ON o.id = f.rowid WHERE order_no_trigrams MATCH ? ORDER BY o.id",
        )
        .pluck()
        .all(grams.map((g) => `"${g}"`).join(' AND '));
    expect(found('301', '1-0', '007')).toEqual(['SO20250301-0007/1', 'SO20250301-0007/2']);
    expect(found('so2', 'o20')).toEqual(['SO20250301-0007/1', 'SO20250301-0007/2']);
    expect(found('沪甲-')).toEqual(['沪甲-2/1']);
    // Later writes are noted, and taken in when the index is brought up to date.
    db.prepare("UPDATE orders SET order_no = 'SO20250302-0001' WHERE line = 2").run();
    db.prepare("DELETE FROM orders WHERE order_no = '沪甲-2'").run();
    // A new line takes the deleted line's id 3 (the highest id is gone): what the index holds for id 3
    // is still the deleted number, as first noted.
    expect(Number(ins.run('SO20250303-0001', 1, '2025-03-03', 100).lastInsertRowid)).toBe(3);
    ins.run('SO20250304-0001', 1, '2025-03-04', 100);
    expect(db.prepare('SELECT id, indexed, old_no AS old FROM order_no_trigrams_pending ORDER BY id').all()).toEqual([
      { id: 2, indexed: 1, old: 'SO20250301-0007' },
      { id: 3, indexed: 1, old: '沪甲-2' },
      { id: 4, indexed: 0, old: null },
    ]);
    syncOrderTrigrams(db);
    expect(found('301', '1-0')).toEqual(['SO20250301-0007/1']);
    expect(found('302', '2-0')).toEqual(['SO20250302-0001/2']);
    expect(found('303')).toEqual(['SO20250303-0001/1']);
    expect(found('304')).toEqual(['SO20250304-0001/1']);
    expect(found('沪甲-')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM order_no_trigrams_pending').pluck().get()).toBe(0);
    expect(() => db.exec("INSERT INTO order_no_trigrams (order_no_trigrams) VALUES ('integrity-check')")).not.toThrow();
  });

  it('every migration after the first has an upgrade test from the version before it', () => {
    // Tested above (4, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16, 17), in database.test.ts (7) and orders-speed.test.ts (9); a new migration fails here until it has one.
    const tested = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    expect(MIGRATIONS.slice(1).map((m) => m.version)).toEqual(tested);
  });
});
