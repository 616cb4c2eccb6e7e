import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseName } from '../../src-main/services/customers/names';
import { count, seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
const AS_OF = '2026-06-30';

beforeEach(async () => {
  env = tmpWorkspace();
  seedCustomers(env);
  await env.call('customers/regrade', { asOf: AS_OF });
});
afterEach(() => env.ws.close());

const snapshot = () =>
  ['customers', 'contacts', 'interactions', 'orders', 'customer_stage_log', 'audit_log'].map((t) =>
    env.ws.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );

async function refused(name: string, input: unknown, code: string) {
  const before = snapshot();
  const en = await env.attempt(name, input, 'en');
  const zh = await env.attempt(name, input, 'zh-CN');
  expect(en.ok).toBe(false);
  expect(zh.ok).toBe(false);
  if (en.ok || zh.ok) return { en: '', zh: '' };
  expect(en.error.code).toBe(code);
  expect(zh.error.code).toBe(code);
  expect(snapshot()).toEqual(before);
  return { en: en.error.message, zh: zh.error.message };
}

describe('customer grade and lifecycle (P3.1, P4.1)', () => {
  it('P4.1 grades by the last 12 months of sales AND margin, against hand-computed cases', async () => {
    const { rows } = await env.call('customers/list', { asOf: AS_OF });
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    // C1: 400,000 + 200,000 = ¥600,000 ≥ 500,000 and (80,000 + 40,000) / 600,000 = 20% ≥ 15% → A (the 2024 order is outside).
    expect([by.C1.grade, by.C1.sales12, by.C1.profit12]).toEqual(['A', 600_000, 120_000]);
    // C2: ¥700,000 but 10% < 15% → not A; ≥ ¥100,000 and ≥ 0% → B.
    expect([by.C2.grade, by.C2.sales12]).toEqual(['B', 700_000]);
    expect([by.C3.grade, by.C3.sales12]).toEqual(['C', 0]);
    const c2 = await env.call('customers/get', { id: 2, asOf: AS_OF });
    expect(c2.gradeReasons.map((r) => r.key)).toEqual(['margin-below', 'meets']);
    expect(c2.gradeReasons[0].params).toMatchObject({ grade: 'A', marginPct: 10, marginThreshold: 15 });
  });

  it('P4.1 thresholds are editable and regrade at once; a manual grade needs a reason and is audited', async () => {
    const rules = await env.call('customers/rules');
    await env.call('customers/set-rules', {
      rules: { ...rules, gradeA: { sales: 500_000, marginPct: 10 } },
      reason: '毛利要求下调',
    });
    const c2 = await env.call('customers/get', { id: 2 });
    expect(c2.ruleGrade).toBe('A');
    const set = await env.call('customers/set-grade', { id: 3, grade: 'A', reason: '战略客户' });
    expect([set.grade, set.ruleGrade, set.overridden]).toEqual(['A', 'C', true]);
    expect(set.gradeReasons.at(-1)).toEqual({ key: 'override', params: { grade: 'A', reason: '战略客户' } });
    expect(
      count(
        env,
        "SELECT count(*) FROM audit_log WHERE entity = 'customer' AND field = 'grade_override' AND reason = '战略客户'",
      ),
    ).toBe(1);
    const msg = await refused('customers/set-grade', { id: 3, grade: 'B', reason: '' }, 'request/invalid-input');
    expect(msg.en).toMatch(/reason/i);
  });

  it('P3.1 lifecycle: first order makes a prospect a customer (dated), no order for 12 months is dormant, lost is dated by hand', async () => {
    const c4 = await env.call('customers/get', { id: 4, asOf: AS_OF });
    expect([c4.stage, c4.lifecycle]).toEqual(['customer', 'customer']);
    expect(c4.stageHistory).toEqual([
      { date: '2026-06-01', from: 'prospect', to: 'customer', reason: 'first-order', actor: 'tester' },
    ]);
    // C3's last order 2025-05-20 + 12 months = 2026-05-20 ≤ 2026-06-30 → dormant; on 2026-05-19 still a customer.
    expect((await env.call('customers/get', { id: 3, asOf: AS_OF })).lifecycle).toBe('dormant');
    expect((await env.call('customers/get', { id: 3, asOf: '2026-05-19' })).lifecycle).toBe('customer');
    const lost = await env.call('customers/set-stage', {
      id: 3,
      stage: 'lost',
      date: '2026-06-15',
      reason: '转向竞争对手',
    });
    expect(lost.lifecycle).toBe('lost');
    expect(lost.stageHistory.at(-1)).toMatchObject({ date: '2026-06-15', from: 'customer', to: 'lost' });
  });
});

describe('contacts and completeness (P4.1)', () => {
  it('P4.1 completeness per grade: an A customer misses more than a C customer with the same data', async () => {
    const a = await env.call('customers/get', { id: 1, asOf: AS_OF });
    expect(a.missing).toEqual(['contact', 'address', 'source', 'industry', 'decisionMaker', 'email', 'birthday']);
    expect(a.completeness).toBeCloseTo(3 / 10);
    await env.call('contacts/save', {
      customerId: 1,
      name: '孙总',
      title: '总经理',
      mobile: '13900001111',
      role: 'decision-maker',
      birthCalendar: 'lunar',
      birthMonth: 8,
      birthDay: 15,
    });
    const after = await env.call('customers/get', { id: 1, asOf: AS_OF });
    expect(after.missing).toEqual(['address', 'source', 'industry', 'email']);
    const report = await env.call('customers/completeness', { person: 'S1' });
    // S1 owns C1 (6/10) and C2 (B: owner, city, contact? no, phone? no → 2/7).
    expect(report.people[0]).toMatchObject({ employeeNo: 'S1', customers: 2, incomplete: 2 });
    expect(report.people[0].score).toBeCloseTo((6 / 10 + 2 / 7) / 2, 3);
    expect(report.worklist.map((w) => w.code)).toEqual(['C1', 'C2']);
  });

  it('a contact without a customer, and impossible birthdays, are refused in both languages with nothing written', async () => {
    const noCustomer = await refused('contacts/save', { name: '无主' }, 'contacts/no-customer');
    expect(noCustomer.en).toContain('无主');
    expect(noCustomer.zh).toContain('必须属于一个客户');
    await refused('contacts/save', { customerId: 99, name: '甲' }, 'customers/not-found');
    // 2025's 8th lunar month has 29 days: a lunar birthday "八月三十" of 2025 never existed.
    const lunar = await refused(
      'contacts/save',
      { customerId: 1, name: '乙', birthCalendar: 'lunar', birthYear: 2026, birthMonth: 8, birthDay: 30 },
      'contacts/no-such-lunar-day',
    );
    expect(lunar.zh).toContain('农历 8 月没有 30 日');
    await refused(
      'contacts/save',
      { customerId: 1, name: '丙', birthCalendar: 'solar', birthMonth: 2, birthDay: 30 },
      'contacts/no-such-day',
    );
    await refused('contacts/save', { customerId: 1, name: '丁', birthMonth: 5 }, 'contacts/incomplete-birthday');
  });
});

describe('duplicates, merge and hand-over (issue 13 items 4–5)', () => {
  it('normalises the legal form, full-width characters, brackets and a branch suffix', () => {
    const base = normaliseName('上海华信科技有限公司');
    for (const n of [
      '上海华信科技有限责任公司',
      '上海华信科技有限公司'.normalize('NFKC'),
      '上海华信科技有限公司（北京分公司）',
      '上海华信科技有限公司北京分公司',
      ' 上海华信科技 有限公司 ',
    ])
      expect(normaliseName(n)).toBe(base);
    expect(normaliseName('Huaxin Technology Co., Ltd.')).toBe(
      normaliseName('HUAXIN TECHNOLOGY CO.,LTD (Beijing Branch)'),
    );
    expect(normaliseName('上海华信科技有限公司')).not.toBe(normaliseName('上海华信贸易有限公司'));
  });

  it('flags the same phone and the same company under another spelling', async () => {
    const groups = await env.call('customers/duplicates');
    expect(groups.find((g) => g.reason === 'name')?.customers.map((c) => c.code)).toEqual(['C1', 'C5']);
    // C1 021-55550001 and C5 +86 21 5555 0001 are the same number.
    expect(groups.find((g) => g.reason === 'phone')?.customers.map((c) => c.code)).toEqual(['C1', 'C5']);
  });

  it('merge keeps every order, visit, ticket, survey answer, contract and contact, and is audited', async () => {
    const tables = ['orders', 'interactions', 'tickets', 'survey_responses', 'contracts', 'contacts'];
    const before = Object.fromEntries(tables.map((t) => [t, count(env, `SELECT count(*) FROM ${t}`)]));
    const onC5 = Object.fromEntries(
      tables.map((t) => [t, count(env, `SELECT count(*) FROM ${t} WHERE customer_id = 5`)]),
    );
    const onC1 = Object.fromEntries(
      tables.map((t) => [t, count(env, `SELECT count(*) FROM ${t} WHERE customer_id = 1`)]),
    );
    const r = await env.call('customers/merge', { keep: 'C1', merge: 'C5', reason: '同一公司' });
    expect(r.moved).toEqual({ orders: 1, interactions: 1, tickets: 1, survey_responses: 1, contracts: 1, contacts: 1 });
    for (const t of tables) {
      expect(count(env, `SELECT count(*) FROM ${t}`), t).toBe(before[t]);
      expect(count(env, `SELECT count(*) FROM ${t} WHERE customer_id = 1`), t).toBe(onC1[t] + onC5[t]);
    }
    expect(count(env, 'SELECT count(*) FROM customers WHERE id = 5')).toBe(0);
    expect(
      count(
        env,
        "SELECT count(*) FROM audit_log WHERE field = 'merge' AND reason = '同一公司' AND old_value LIKE '%C5%'",
      ),
    ).toBe(1);
    expect(env.ws.db.pragma('foreign_key_check')).toEqual([]);
    // The kept customer's 12-month figures now include C5's ¥30,000.
    expect((await env.call('customers/get', { id: 1, asOf: AS_OF })).sales12).toBe(600_000 + 30_000);
    await refused('customers/merge', { keep: 'C1', merge: 'C1', reason: 'x' }, 'customers/merge-self');
    await refused('customers/merge', { keep: 'C1', merge: 'C99', reason: 'x' }, 'customers/not-found');
  });

  it('hand-over moves all (or a grade of) one person’s customers to others in turn, with the reason; history stays', async () => {
    const r = await env.call('customers/hand-over', { from: 'S1', to: ['S2', 'S3'], reason: '离职交接' });
    // A first: C1 (A) → S2, C2 (B) → S3.
    expect(r.moved).toEqual([
      { customerId: 1, code: 'C1', to: 'S2' },
      { customerId: 2, code: 'C2', to: 'S3' },
    ]);
    expect(count(env, 'SELECT count(*) FROM orders WHERE salesperson_id = 1')).toBe(4);
    expect(count(env, "SELECT count(*) FROM audit_log WHERE field = 'owner' AND reason = '离职交接'")).toBe(2);
    await refused('customers/hand-over', { from: 'S2', to: ['S4'], reason: 'x' }, 'customers/hand-over-inactive');
    await refused('customers/hand-over', { from: 'S2', to: ['S2'], reason: 'x' }, 'customers/hand-over-self');
    await refused('customers/hand-over', { from: 'S9', to: ['S2'], reason: 'x' }, 'customers/unknown-salesperson');
  });

  it('the customer page puts orders, visits, tickets, survey answers and stage changes on one timeline with yearly sales', async () => {
    const c = await env.call('customers/get', { id: 5, asOf: AS_OF });
    expect(c.timeline.map((i) => [i.date, i.kind])).toEqual([
      ['2026-03-01', 'survey'],
      ['2026-02-10', 'ticket'],
      ['2026-02-05', 'visit'],
      ['2026-02-01', 'order'],
    ]);
    const c1 = await env.call('customers/get', { id: 1, asOf: AS_OF });
    expect(c1.yearlySales).toEqual([
      { year: 2024, sales: 990_000, profit: 0 },
      { year: 2025, sales: 400_000, profit: 80_000 },
      { year: 2026, sales: 200_000, profit: 40_000 },
    ]);
  });
});
