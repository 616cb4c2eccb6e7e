import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

/**
 * The customer-care import kinds on files written by other programs (issue 13 item 13): pandas
 * (DataFrame.to_excel), LibreOffice (a CSV converted by soffice) and a WPS/CRM-export layout (title row,
 * merged group header, totals row). test/fixtures/care/make_fixtures.py writes them; the values below are
 * written out by hand from the generator's data, not read back through the importer.
 */
const FIXTURES = path.join(import.meta.dirname, '../fixtures/care');
const WRITERS = ['pandas', 'libreoffice', 'wps'] as const;

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace('zh-CN');
  seedCustomers(env);
});
afterEach(() => env.ws.close());

type Answer = { committed: boolean; rows: { valid: number; invalid: number; inserted: number }; errors: unknown[] };
const run = async (kind: string, file: string) =>
  (await env.call('import/run', { kind, file: { path: path.join(FIXTURES, file) } })) as unknown as Answer;
const all = (sql: string) => env.ws.db.prepare(sql).all();

describe.each(WRITERS)('files written by %s', (writer) => {
  it('customers with contacts: each customer once, each contact with its birthday in its own calendar', async () => {
    const r = await run('customer-contacts', `contacts-${writer}.xlsx`);
    expect(r.errors).toEqual([]);
    expect([r.committed, r.rows.valid, r.rows.inserted]).toEqual([true, 5, 5]);
    expect(
      all(
        "SELECT code, name, kind, industry, city, owner_id AS owner FROM customers WHERE code IN ('C1', 'C9', 'C10') ORDER BY id",
      ),
    ).toEqual([
      // C1 existed (上海, 张伟): the sheet adds its type and industry.
      { code: 'C1', name: '上海华信科技有限公司', kind: 'company', industry: '科技', city: '上海', owner: 1 },
      { code: 'C9', name: '宁波海天贸易有限公司', kind: 'company', industry: '贸易', city: '宁波', owner: 2 },
      { code: 'C10', name: '王建国', kind: 'person', industry: null, city: '苏州', owner: 1 },
    ]);
    expect(
      all(
        `SELECT c.code, k.name, k.title, k.mobile, k.email, k.birth_calendar AS cal, k.birth_year AS y, k.birth_month AS m,
                k.birth_day AS d, k.role
         FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE c.code IN ('C1', 'C9', 'C10') ORDER BY k.id`,
      ),
    ).toEqual([
      // Written customer by customer, in the order the sheet first names them: C9's three contacts, C1's, C10's.
      {
        code: 'C9',
        name: '周明',
        title: '总经理',
        mobile: '13900001111',
        email: 'zhouming@haitian.cn',
        cal: 'lunar',
        y: null,
        m: 8,
        d: 15,
        role: 'decision-maker',
      },
      {
        code: 'C9',
        name: '吴芳',
        title: '采购经理',
        mobile: '13900002222',
        email: 'wufang@haitian.cn',
        cal: 'solar',
        y: 1985,
        m: 3,
        d: 12,
        role: 'buyer',
      },
      {
        code: 'C9',
        name: '郑工',
        title: '工程师',
        mobile: null,
        email: null,
        cal: null,
        y: null,
        m: null,
        d: null,
        role: 'user',
      },
      {
        code: 'C1',
        name: '孙总',
        title: '董事长',
        mobile: '13800003333',
        email: null,
        cal: 'lunar',
        y: null,
        m: 12,
        d: 23,
        role: 'decision-maker',
      },
      {
        code: 'C10',
        name: '王建国',
        title: null,
        mobile: '13700004444',
        email: null,
        cal: 'solar',
        y: 1979,
        m: 2,
        d: 28,
        role: 'decision-maker',
      },
    ]);
  });

  it('a care log: each greeting on its customer and contact, by occasion key and channel', async () => {
    const r = await run('care-log', `care-log-${writer}.xlsx`);
    expect(r.errors).toEqual([]);
    expect([r.committed, r.rows.inserted]).toEqual([true, 3]);
    expect(
      all(
        `SELECT i.customer_id AS c, k.name AS contact, i.date, i.occasion, i.channel, i.summary AS note, i.staff_id AS s
         FROM interactions i LEFT JOIN contacts k ON k.id = i.contact_id WHERE i.kind = 'care' ORDER BY i.id`,
      ),
    ).toEqual([
      { c: 5, contact: '钱经理', date: '2026-02-16', occasion: 'chunjie', channel: 'wechat', note: '寄送礼盒', s: 2 },
      { c: 1, contact: null, date: '2026-02-15', occasion: 'chunjie', channel: 'sms', note: null, s: 1 },
      { c: 2, contact: null, date: '2025-10-06', occasion: 'zhongqiu', channel: 'phone', note: null, s: 1 },
    ]);
  });

  it('a visit log: each visit on its day, type, salesperson and contact', async () => {
    const r = await run('visits', `visits-${writer}.xlsx`);
    expect(r.errors).toEqual([]);
    expect([r.committed, r.rows.inserted]).toEqual([true, 3]);
    expect(
      all(
        `SELECT i.customer_id AS c, i.date, i.visit_type AS type, i.status, i.staff_id AS s, k.name AS contact, i.outcome
         FROM interactions i LEFT JOIN contacts k ON k.id = i.contact_id WHERE i.kind = 'visit' AND i.date >= '2026-03-01' ORDER BY i.date`,
      ),
    ).toEqual([
      { c: 1, date: '2026-03-05', type: 'on-site', status: 'done', s: 1, contact: null, outcome: '介绍新品' },
      { c: 2, date: '2026-03-06', type: 'phone', status: 'done', s: 1, contact: null, outcome: '确认到货' },
      { c: 5, date: '2026-03-10', type: 'video', status: 'done', s: 2, contact: '钱经理', outcome: '演示方案' },
    ]);
  });
});
