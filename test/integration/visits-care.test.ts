import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasOfficialSchedule } from '../../src-main/services/calendar';
import { quarterFacts, sourceValue } from '../../src-main/services/appraisal/data-sources';
import { count, seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
const AS_OF = '2026-06-30';
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const snapshot = () =>
  ['interactions', 'audit_log'].map((t) => env.ws.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());

beforeEach(async () => {
  env = tmpWorkspace();
  seedCustomers(env);
  await env.call('customers/regrade', { asOf: AS_OF });
  const visit = env.ws.db.prepare(
    "INSERT INTO interactions (customer_id, staff_id, date, kind) VALUES (?, ?, ?, 'visit')",
  );
  visit.run(1, 1, '2026-05-20');
  visit.run(3, 2, '2026-01-05');
  // A planned visit and a care greeting do not count as visits.
  env.ws.db
    .prepare(
      "INSERT INTO interactions (customer_id, staff_id, date, kind, status) VALUES (2, 1, '2026-06-01', 'visit', 'planned')",
    )
    .run();
  env.ws.db
    .prepare("INSERT INTO interactions (customer_id, staff_id, date, kind) VALUES (2, 1, '2026-06-01', 'care')")
    .run();
});
afterEach(() => env.ws.close());

describe('visit cadence, due and overdue (P1.4, P4.2)', () => {
  it('P4.2 due = last done visit + the grade’s cadence; sorted by grade, then days overdue', async () => {
    const { items } = await env.call('visits/due', { asOf: AS_OF });
    expect(items.map((i) => [i.code, i.grade, i.dueDate, i.daysOverdue, i.status])).toEqual([
      // A, monthly: 2026-05-20 + 30 = 2026-06-19, 11 days overdue.
      ['C1', 'A', '2026-06-19', 11, 'overdue'],
      // B, never visited: created 2024-01-01 + 90 days.
      ['C2', 'B', '2024-03-31', days('2024-03-31', AS_OF), 'overdue'],
      // C, twice a year (182 days): the prospect turned customer, created 2025-06-01.
      ['C4', 'C', '2025-11-30', days('2025-11-30', AS_OF), 'overdue'],
      // C: 2026-01-05 + 182 = 2026-07-06, due in 6 days (within the 7-day window).
      ['C3', 'C', '2026-07-06', -6, 'due'],
    ]);
    // C5 (visited 2026-02-05, due 2026-08-06) is not listed; its own monthly cadence makes it overdue.
    await env.call('customers/save', {
      id: 5,
      fields: { name: '上海华信科技有限责任公司（北京分公司）', cadenceDays: 30 },
      reason: '重点跟进',
    });
    const again = await env.call('visits/due', { asOf: AS_OF, person: 'S2' });
    expect(again.items.map((i) => [i.code, i.dueDate])).toEqual([
      ['C5', '2026-03-07'],
      ['C3', '2026-07-06'],
    ]);
  });

  it('P4.2 logging a visit takes the customer off the overdue list, and A-customer compliance rises', async () => {
    expect(
      (await env.call('visits/compliance', { asOf: AS_OF })).rows.find((r) => r.employeeNo === 'S1'),
    ).toMatchObject({ aCustomers: 1, onTime: 0, share: 0 });
    const v = await env.call('visits/log', {
      customerId: 1,
      date: '2026-06-29',
      type: 'on-site',
      purpose: '年中回访',
      outcome: '续约意向',
      nextStep: '报价',
      nextDate: '2026-07-10',
      today: AS_OF,
    });
    expect([v.staffNo, v.status, v.type]).toEqual(['S1', 'done', 'on-site']);
    const { items } = await env.call('visits/due', { asOf: AS_OF, person: 'S1' });
    expect(items.map((i) => i.code)).toEqual(['C2']);
    const c = await env.call('visits/compliance', { asOf: AS_OF });
    expect(c.rows.find((r) => r.employeeNo === 'S1')).toMatchObject({ aCustomers: 1, onTime: 1, share: 1 });
    // S2 and S3 have no A customers: no share rather than 100%.
    expect(c.rows.find((r) => r.employeeNo === 'S2')?.share).toBeNull();
    expect(c.company).toBe(1);
    const planned = await env.call('visits/log', {
      customerId: 2,
      date: '2026-07-15',
      status: 'planned',
      today: AS_OF,
    });
    expect(
      (await env.call('visits/list', { from: '2026-06-01', to: '2026-07-31', person: 'S1' })).map((x) => [
        x.date,
        x.status,
      ]),
    ).toEqual([
      ['2026-06-01', 'planned'],
      ['2026-06-29', 'done'],
      ['2026-07-15', 'planned'],
    ]);
    expect(planned.status).toBe('planned');
  });

  it('P4.2 P6.1 cadence compliance is a data KPI source of the appraisal (visitCadence), as of the quarter’s end', async () => {
    const value = () =>
      sourceValue('visitCadence', quarterFacts(env.ws.db, '2026Q2', new Set(['visits']), '2026-12-31').get(1));
    // S1's only A customer, C1, was last visited 2026-05-20: due 2026-06-19, overdue on 2026-06-30.
    expect(value()).toBe(0);
    await env.call('visits/log', { customerId: 1, date: '2026-06-25', today: AS_OF });
    expect(value()).toBe(100);
    // S2 has no A customer: no value rather than 100%.
    expect(
      sourceValue('visitCadence', quarterFacts(env.ws.db, '2026Q2', new Set(['visits']), '2026-12-31').get(2)),
    ).toBeNull();
  });

  it('a future-dated visit marked done, a contact of another customer, a next step before the visit: refused, nothing written', async () => {
    env.ws.db.prepare("INSERT INTO contacts (id, customer_id, name, created_at) VALUES (50, 3, '别家', 'x')").run();
    for (const [input, code] of [
      [{ customerId: 1, date: '2026-07-01', today: AS_OF }, 'visits/future-done'],
      [{ customerId: 1, date: '2026-06-01', contactId: 50, today: AS_OF }, 'visits/contact-elsewhere'],
      [{ customerId: 1, date: '2026-06-01', nextDate: '2026-05-01', today: AS_OF }, 'visits/next-before-date'],
      [{ customerId: 77, date: '2026-06-01', today: AS_OF }, 'customers/not-found'],
    ] as const) {
      const before = snapshot();
      for (const lang of ['en', 'zh-CN'] as const) {
        const r = await env.attempt('visits/log', input, lang);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe(code);
        if (!r.ok && code === 'visits/future-done')
          expect(r.error.message).toContain(lang === 'en' ? 'can be planned, not marked done' : '不能标记为已完成');
      }
      expect(snapshot()).toEqual(before);
    }
  });
});

describe('care calendar, care list and coverage (P4.3)', () => {
  it('P4.3 festivals follow the lunar calendar: 春节 and 中秋 on their published dates', async () => {
    const published: [number, string, string][] = [
      [2025, '2025-01-29', '2025-10-06'],
      [2026, '2026-02-17', '2026-09-25'],
      [2027, '2027-02-06', '2027-09-15'],
    ];
    for (const [year, chunjie, zhongqiu] of published) {
      const cal = await env.call('care/calendar', { year });
      const at = (key: string) => cal.events.find((e) => e.kind === 'festival' && e.occasionKey === key)?.date;
      expect([at('chunjie'), at('zhongqiu')], String(year)).toEqual([chunjie, zhongqiu]);
      expect(cal.officialSchedule).toBe(hasOfficialSchedule(year));
    }
  });

  it('P4.3 the 2026 public holidays with their adjusted working days (State Council notice)', async () => {
    const zh = tmpWorkspace('zh-CN');
    const cal = await zh.call('care/calendar', { year: 2026 });
    zh.ws.close();
    const holidays = cal.events
      .filter((e) => e.kind === 'holiday' && e.occasionKey !== 'adjusted-workday')
      .map((e) => [e.date, e.occasion]);
    expect(holidays).toContainEqual(['2026-10-01', '国庆节（放假 7 天）']);
    expect(holidays.find(([d]) => d === '2026-02-15')).toBeTruthy();
    expect(cal.events.filter((e) => e.occasionKey === 'adjusted-workday').map((e) => e.date)).toContain('2026-02-14');
    expect(cal.officialSchedule).toBe(true);
  });

  it('P4.3 birthdays: a lunar birthday moves each year, a 30th in a short month falls on the 29th and says so; Feb 29 on the 28th', async () => {
    const add = env.ws.db.prepare(
      "INSERT INTO contacts (customer_id, name, birth_calendar, birth_month, birth_day, created_at) VALUES (1, ?, ?, ?, ?, 'x')",
    );
    add.run('春生', 'lunar', 1, 1);
    add.run('秋生', 'lunar', 8, 30);
    add.run('闰生', 'solar', 2, 29);
    const birthdays = async (year: number) =>
      (await env.call('care/calendar', { year, person: 'S1' })).events
        .filter((e) => e.kind === 'birthday')
        .map((e) => [e.contact, e.date, e.shifted ?? false]);
    // Lunar 1/1 is 春节; lunar 8/30 is 中秋 (8/15) + 15 days, or + 14 on the 29th when the 8th month has 29 days.
    expect(await birthdays(2027)).toEqual([
      ['春生', '2027-02-06', false],
      ['闰生', '2027-02-28', true],
      ['秋生', '2027-09-29', true],
    ]);
    expect(await birthdays(2026)).toEqual([
      ['春生', '2026-02-17', false],
      ['闰生', '2026-02-28', true],
      ['秋生', '2026-10-09', true],
    ]);
    expect(await birthdays(2028)).toContainEqual(['闰生', '2028-02-29', false]);
  });

  it('P4.3 first-order and contract anniversaries; solar terms only when asked', async () => {
    const cal = await env.call('care/calendar', { year: 2027, customerId: 1 });
    expect(cal.events.filter((e) => e.kind === 'anniversary').map((e) => [e.occasionKey, e.date, e.occasion])).toEqual([
      ['anniversary', '2027-05-01', '3 years since the first order'],
    ]);
    expect(cal.events.some((e) => e.kind === 'solar-term')).toBe(false);
    const terms = (await env.call('care/calendar', { year: 2027, solarTerms: true })).events.filter(
      (e) => e.kind === 'solar-term',
    );
    expect(terms).toHaveLength(24);
    const c5 = await env.call('care/calendar', { year: 2026, customerId: 5 });
    expect(c5.events.filter((e) => e.occasionKey === 'contract-anniversary').map((e) => e.date)).toEqual([
      '2026-02-01',
    ]);
  });

  it('P4.3 the care list fills each greeting, marks it sent, exports it, and coverage names the A customers left out', async () => {
    const list = await env.call('care/list', { date: '2026-02-17', person: 'S1' });
    expect(list.items.map((i) => [i.occasionKey, i.customer])).toEqual([
      ['chunjie', '上海华信科技有限公司'],
      ['chunjie', '北京远方贸易有限公司'],
    ]);
    expect(list.items[0].text).toContain('张伟');
    expect(list.items[0].text).not.toMatch(/\{\w+\}/);
    expect((await env.call('care/coverage', { year: 2026 })).uncovered.map((u) => u.code)).toEqual(['C1']);
    await env.call('care/mark-sent', {
      customerId: 1,
      occasionKey: 'chunjie',
      date: '2026-02-16',
      channel: 'wechat',
      note: '已发拜年短信',
    });
    const after = await env.call('care/list', { date: '2026-02-17', person: 'S1' });
    expect(after.items[0].sent).toEqual({ date: '2026-02-16', channel: 'wechat', note: '已发拜年短信' });
    const cov = await env.call('care/coverage', { year: 2026 });
    expect([cov.aCustomers, cov.covered, cov.uncovered.length]).toEqual([1, 1, 0]);
    expect(cov.window).toEqual({ from: '2026-02-10', to: '2026-03-03' });
    const out = path.join(env.dir, 'care.csv');
    const file = await env.call('care/export', { date: '2026-02-17', person: 'S1', format: 'csv', out: { path: out } });
    expect(file.rows).toBe(2);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain(list.items[1].text);
    const before = count(env, 'SELECT count(*) FROM interactions');
    const r = await env.attempt(
      'care/mark-sent',
      { customerId: 1, occasionKey: 'chunjie', date: '2999-01-01', channel: 'sms' },
      'zh-CN',
    );
    expect(r.ok ? '' : r.error.code).toBe('care/future-sent');
    expect(count(env, 'SELECT count(*) FROM interactions')).toBe(before);
    // P4.3: a day further than the window from the occasion would be stored and never shown as sent
    const outside = await env.attempt(
      'care/mark-sent',
      { customerId: 1, occasionKey: 'chunjie', occasionDate: '2026-02-17', date: '2026-01-31', channel: 'sms' },
      'en',
    );
    expect(outside.ok ? null : [outside.error.code, outside.error.message]).toEqual([
      'care/sent-outside-window',
      'A greeting sent on 2026-01-31 does not count for an occasion on 2026-02-17: give a day from 2026-02-02 to 2026-03-04.',
    ]);
    expect(count(env, 'SELECT count(*) FROM interactions')).toBe(before);
    // the window's first day is inside it
    await env.call('care/mark-sent', {
      customerId: 1,
      occasionKey: 'chunjie',
      occasionDate: '2026-02-17',
      date: '2026-02-02',
      channel: 'sms',
    });
    expect(count(env, 'SELECT count(*) FROM interactions')).toBe(before + 1);
  });
});
