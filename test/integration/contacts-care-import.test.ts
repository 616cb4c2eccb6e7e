import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { count, seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

type Answer = {
  committed: boolean;
  refused: boolean;
  rows: { valid: number; invalid: number; inserted: number; updated: number; unchanged: number };
  created: Record<string, number>;
  errors: { row: number; code: string; message: string; column: string }[];
};
let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace('zh-CN');
  seedCustomers(env);
});
afterEach(() => env.ws.close());

const text = (header: string) => ({ header, format: 'text' as const });
function xlsx(name: string, headers: string[], rows: (string | null)[][]): string {
  const file = path.join(env.dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, writeXlsx([{ name, columns: headers.map(text), rows }]));
  return file;
}
const run = async (kind: string, file: string, extra: Record<string, unknown> = {}) =>
  (await env.call('import/run', { kind, file: { path: file }, ...extra })) as unknown as Answer;
/** Both languages' answer for the same file: the codes agree, the messages are each language's own. */
async function bothLanguages(kind: string, file: string) {
  const out = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    const r = await env.attempt('import/run', { kind, file: { path: file } }, lang);
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.value as unknown as Answer);
  }
  return out;
}
const snapshot = () =>
  ['customers', 'contacts', 'interactions', 'imports'].map((t) =>
    env.ws.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );

const CONTACT_HEADERS = ['客户编号', '客户名称', '城市', '负责人', '联系人', '职务', '手机', '生日', '决策角色'];

describe('customers with contacts, one row per contact (P3.1, P4.1, issue 13 item 13)', () => {
  it('groups the rows by customer: the customer once, each contact added; the same file again changes nothing', async () => {
    const file = xlsx('客户联系人', CONTACT_HEADERS, [
      ['C9', '宁波海天贸易有限公司', '宁波', '李娜', '周明', '总经理', '13900001111', '农历八月十五', '决策人'],
      ['C9', '宁波海天贸易有限公司', '宁波', '李娜', '吴芳', '采购经理', '13900002222', '1985-03-12', '采购'],
      ['C9', '宁波海天贸易有限公司', null, null, '郑工', '工程师', null, '农历 1990-12-30', '使用者'],
      ['C1', '上海华信科技有限公司', '上海', '张伟', '孙总', '董事长', '13800003333', '腊月廿三', '决策人'],
    ]);
    const before = snapshot();
    const dry = await run('customer-contacts', file, { dryRun: true });
    expect([dry.committed, dry.refused, dry.rows.inserted]).toEqual([false, false, 4]);
    expect(snapshot()).toEqual(before);

    const r = await run('customer-contacts', file);
    expect([r.committed, r.rows.inserted, r.created.customers]).toEqual([true, 4, 1]);
    // The dry run's counts were the real run's.
    expect(dry.rows).toEqual(r.rows);
    const c9 = env.ws.db
      .prepare("SELECT id, name, city, owner_id AS owner, stage FROM customers WHERE code = 'C9'")
      .get() as { id: number };
    // Row 4 leaves the city and owner blank: a blank is no change, the group's value holds.
    expect(c9).toEqual({ id: 6, name: '宁波海天贸易有限公司', city: '宁波', owner: 2, stage: 'customer' });
    expect(
      env.ws.db
        .prepare(
          'SELECT customer_id AS c, name, title, mobile, birth_calendar AS cal, birth_year AS y, birth_month AS m, birth_day AS d, role FROM contacts WHERE customer_id IN (1, 6) ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        c: 6,
        name: '周明',
        title: '总经理',
        mobile: '13900001111',
        cal: 'lunar',
        y: null,
        m: 8,
        d: 15,
        role: 'decision-maker',
      },
      {
        c: 6,
        name: '吴芳',
        title: '采购经理',
        mobile: '13900002222',
        cal: 'solar',
        y: 1985,
        m: 3,
        d: 12,
        role: 'buyer',
      },
      // 农历 1990 年腊月 has 30 days (除夕 1991-02-14 was 腊月三十), so the 30th exists.
      { c: 6, name: '郑工', title: '工程师', mobile: null, cal: 'lunar', y: 1990, m: 12, d: 30, role: 'user' },
      {
        c: 1,
        name: '孙总',
        title: '董事长',
        mobile: '13800003333',
        cal: 'lunar',
        y: null,
        m: 12,
        d: 23,
        role: 'decision-maker',
      },
    ]);
    // C1 keeps its own record (same city and owner as the sheet): no update, one more contact.
    expect(count(env, 'SELECT count(*) FROM customers')).toBe(6);

    const again = await run('customer-contacts', file);
    expect([again.rows.inserted, again.rows.updated, again.rows.unchanged]).toEqual([0, 0, 4]);
    expect(count(env, 'SELECT count(*) FROM contacts')).toBe(5);

    // A lunar birthday lands on its solar day each year: 八月十五 is 中秋, 2027-09-15 (published date).
    const cal = await env.call('care/calendar', { year: 2027, customerId: 6 });
    const birthdays = cal.events.filter((e) => e.kind === 'birthday' && e.contact !== '郑工');
    expect(birthdays.map((e) => [e.contact, e.date])).toEqual([
      ['吴芳', '2027-03-12'],
      ['周明', '2027-09-15'],
    ]);
  });

  it('a customer column that differs between rows of one customer is refused on that row; the dry run says the same; nothing is written', async () => {
    const file = xlsx('客户联系人', CONTACT_HEADERS, [
      ['C9', '宁波海天贸易有限公司', '宁波', '李娜', '周明', null, null, null, null],
      ['C9', '宁波海天贸易有限公司', '杭州', '李娜', '吴芳', null, null, null, null],
      ['C9', '宁波海天贸易有限公司', null, '王强', '郑工', null, null, null, null],
    ]);
    const before = snapshot();
    const dry = await run('customer-contacts', file, { dryRun: true });
    const [zh, en] = await bothLanguages('customer-contacts', file);
    for (const r of [dry, zh, en]) {
      expect([r.committed, r.refused, r.rows.invalid]).toEqual([false, true, 2]);
      expect(r.errors.map((e) => [e.row, e.code, e.column])).toEqual([
        [3, 'customers.import.problem.customer-conflict', '城市'],
        [4, 'customers.import.problem.customer-conflict', '负责人'],
      ]);
    }
    expect(zh.errors[0].message).toBe('C9 的城市在第 2 行是“宁波”：同一客户只能有一个值，该行未导入（请更正表格）。');
    expect(en.errors[1].message).toBe(
      'Owner of C9 is "S2" on row 2: one customer has one value, so this row is not imported (correct the sheet).',
    );
    expect(snapshot()).toEqual(before);
    // Skipping the invalid rows imports the first row's customer and its one contact, never 杭州 or 王强.
    const skipped = await run('customer-contacts', file, { skipInvalid: true });
    expect(skipped.rows.inserted).toBe(1);
    expect(env.ws.db.prepare("SELECT city, owner_id FROM customers WHERE code = 'C9'").get()).toEqual({
      city: '宁波',
      owner_id: 2,
    });
    expect(env.ws.db.prepare('SELECT name FROM contacts WHERE customer_id = 6').pluck().all()).toEqual(['周明']);
  });

  it('bad rows: a contact without a customer, a day that does not exist, a leap month, details without a name, a new code without a name; nothing is written', async () => {
    const file = xlsx('客户联系人', CONTACT_HEADERS, [
      [null, null, '宁波', null, '无主联系人', null, null, null, null],
      // 农历 2024 年腊月 had 29 days: 2025's 除夕 was 腊月廿九 (2025-01-28), there was no 大年三十.
      ['C1', '上海华信科技有限公司', null, null, '孙总', null, null, '农历 2024-12-30', null],
      ['C2', null, null, null, '钱总', null, null, '2023-02-29', null],
      ['C2', null, null, null, '冯总', null, null, '闰四月初八', null],
      ['C3', null, null, null, null, '经理', '13700000000', null, null],
      ['C77', null, null, null, '新人', null, null, null, null],
      ['C2', null, null, null, '陈总', null, null, '明年春天', null],
    ]);
    const before = snapshot();
    const [zh, en] = await bothLanguages('customer-contacts', file);
    for (const r of [zh, en]) {
      expect([r.committed, r.refused]).toEqual([false, true]);
      expect(r.errors.map((e) => [e.row, e.code])).toEqual(
        [
          [2, 'customers.import.problem.contact-without-customer'],
          [3, 'customers.import.problem.no-such-lunar-birthday'],
          [4, 'customers.import.problem.no-such-birthday'],
          [5, 'customers.import.problem.lunar-leap-birthday'],
          [6, 'customers.import.problem.contact-without-name'],
          [8, 'customers.import.problem.not-a-birthday'],
          [7, 'customers.import.problem.new-customer-without-name'],
        ].sort((a, b) => Number(a[0]) - Number(b[0])),
      );
    }
    expect(zh.errors[1].message).toBe('“农历 2024-12-30”：2024 年农历 12 月只有 29 天，这一天不存在。');
    expect(en.errors[1].message).toBe(
      '"农历 2024-12-30": lunar month 12 of 2024 has 29 days, so that day did not exist.',
    );
    expect(en.errors[0].message).toBe(
      'Contact "无主联系人" has no customer: give the customer\'s code or name on this row.',
    );
    expect(snapshot()).toEqual(before);
  });

  it('exports the contacts as the import reads them: the file imports back with no change', async () => {
    const file = xlsx('客户联系人', CONTACT_HEADERS, [
      ['C9', '宁波海天贸易有限公司', '宁波', '李娜', '周明', '总经理', '13900001111', '农历 1988-08-15', '决策人'],
      ['C9', '宁波海天贸易有限公司', '宁波', '李娜', '吴芳', null, null, '03-12', null],
    ]);
    await run('customer-contacts', file);
    const out = path.join(env.dir, 'contacts-out.xlsx');
    await env.call('export/run', { kind: 'customer-contacts', out: { path: out } });
    const before = snapshot();
    const back = await run('customer-contacts', out);
    expect([back.committed, back.rows.inserted, back.rows.updated]).toEqual([true, 0, 0]);
    expect(snapshot().slice(0, 3)).toEqual(before.slice(0, 3));
  });
});

const CARE_HEADERS = ['发送日期', '客户', '联系人', '节日', '渠道', '备注', '发送人'];

describe('the care log, greetings sent elsewhere (P4.3, issue 13 item 13)', () => {
  beforeEach(() => {
    env.ws.db.prepare("INSERT INTO contacts (id, customer_id, name, created_at) VALUES (60, 1, '孙总', 'x')").run();
  });

  it('imports greetings by occasion name; the care list shows them sent and Spring Festival coverage counts them', async () => {
    // Spring Festival 2026 is 2026-02-17; its window runs from 小年 (2026-02-10) to 元宵 (2026-03-03).
    const file = xlsx('关怀记录', CARE_HEADERS, [
      ['2026-02-16', '上海华信科技有限公司', '孙总', '春节', '微信', '寄送礼盒', '张伟'],
      ['2026-02-16', 'C2', null, 'Spring Festival', '短信', null, null],
      ['2025-10-06', 'C1', '孙总', '中秋', '电话', null, 'S2'],
    ]);
    const r = await run('care-log', file);
    expect([r.committed, r.rows.inserted]).toEqual([true, 3]);
    expect(
      env.ws.db
        .prepare(
          "SELECT customer_id AS c, contact_id AS k, date, occasion, channel, summary, staff_id AS s, status FROM interactions WHERE kind = 'care' ORDER BY id",
        )
        .all(),
    ).toEqual([
      {
        c: 1,
        k: 60,
        date: '2026-02-16',
        occasion: 'chunjie',
        channel: 'wechat',
        summary: '寄送礼盒',
        s: 1,
        status: 'done',
      },
      // No sender named: the customer's owner (C2 is 张伟's).
      { c: 2, k: null, date: '2026-02-16', occasion: 'chunjie', channel: 'sms', summary: null, s: 1, status: 'done' },
      { c: 1, k: 60, date: '2025-10-06', occasion: 'zhongqiu', channel: 'phone', summary: null, s: 2, status: 'done' },
    ]);
    await env.call('customers/regrade', { asOf: '2026-06-30' });
    const coverage = await env.call('care/coverage', { year: 2026, occasion: 'chunjie' });
    expect(coverage.uncovered.map((u) => u.code)).not.toContain('C1');
    const again = await run('care-log', file);
    expect([again.rows.inserted, again.rows.unchanged]).toEqual([0, 3]);
  });

  it('a greeting in the future, an unknown occasion, another customer’s contact and an unknown customer are refused by row in both languages; nothing is written', async () => {
    const future = dayjs().add(2, 'day').format('YYYY-MM-DD');
    const file = xlsx('关怀记录', CARE_HEADERS, [
      [future, 'C1', '孙总', '春节', '微信', null, null],
      ['2026-02-16', 'C1', null, '情人节', '微信', null, null],
      ['2026-02-16', 'C2', '孙总', '春节', '微信', null, null],
      ['2026-02-16', '不存在的公司', null, '春节', '微信', null, null],
      ['2026-02-16', 'C2', null, '春节', '信鸽', null, null],
    ]);
    const before = snapshot();
    const [zh, en] = await bothLanguages('care-log', file);
    for (const r of [zh, en])
      expect(r.errors.map((e) => [e.row, e.code])).toEqual([
        [2, 'customers.import.problem.future-sent'],
        [3, 'customers.import.problem.unknown-occasion'],
        [4, 'customers.import.problem.contact-elsewhere'],
        [5, 'customers.import.problem.unknown-customer'],
        [6, 'not-in-list'],
      ]);
    expect(zh.errors[0].message).toBe(`${future} 晚于今天：问候应在发送当天登记。`);
    expect(en.errors[1].message).toMatch(
      /^"情人节" is not an occasion the workbench knows \(Laba Festival, Little New Year, .*Spring Festival, .*Birthday/,
    );
    expect(zh.errors[1].message).toMatch(/^“情人节”不是工作台认识的节日或场合（腊八节、小年、.*春节、.*生日/);
    expect(snapshot()).toEqual(before);
  });
});

describe('the templates of the customer-care kinds (issue 13 item 13)', () => {
  it('in either language, each template’s example row imports back with its fixed values in that language', async () => {
    await env.call('staff/create', { employeeNo: 'S0101', name: '模板示例' });
    env.ws.db
      .prepare(
        "INSERT INTO customers (id, code, name, stage, created_at) VALUES (50, 'C00001', '模板客户', 'customer', 'x')",
      )
      .run();
    env.ws.db.prepare("INSERT INTO contacts (customer_id, name, created_at) VALUES (50, '李娜', 'x')").run();
    for (const lang of ['zh-CN', 'en'] as const)
      for (const [kind, expected] of [
        [
          'customer-contacts',
          { kind: 'company', role: 'decision-maker', birthCalendar: 'lunar', birthday: '农历八月十五' },
        ],
        ['care-log', { occasion: 'chunjie', channel: 'wechat' }],
      ] as const) {
        const out = path.join(env.dir, `${kind}-${lang}-template.xlsx`);
        const r = await env.attempt('import/template', { kind, out: { path: out } }, lang);
        if (!r.ok) throw new Error(r.error.message);
        const back = (await env.call('import/run', {
          kind,
          file: { path: out },
          dryRun: true,
        })) as unknown as Answer & {
          records: Record<string, unknown>[];
        };
        expect(back.errors, `${lang} ${kind}`).toEqual([]);
        expect(back.records[0]).toMatchObject(expected);
      }
  });
});
