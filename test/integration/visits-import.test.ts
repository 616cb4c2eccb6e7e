import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { count, seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';
import fs from 'node:fs';

type Answer = {
  committed: boolean;
  refused: boolean;
  rows: { valid: number; invalid: number; inserted: number; unchanged: number };
  errors: { row: number; code: string; message: string }[];
};
let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace('zh-CN');
  seedCustomers(env);
  env.ws.db.prepare("INSERT INTO contacts (id, customer_id, name, created_at) VALUES (60, 1, '孙总', 'x')").run();
});
afterEach(() => env.ws.close());

/** A visit log as a salesperson keeps it in Excel: Chinese headers, words for the visit type. */
function sheet(rows: (string | null)[][]): string {
  const file = path.join(env.dir, `visits-${rows.length}-${Math.random().toString(36).slice(2)}.xlsx`);
  const text = (header: string) => ({ header, format: 'text' as const });
  fs.writeFileSync(
    file,
    writeXlsx([
      { name: '拜访记录', columns: ['客户', '拜访日期', '拜访方式', '拜访人', '联系人', '拜访内容'].map(text), rows },
    ]),
  );
  return file;
}

describe('the visit-log import kind (P4.2, issue 13 items 8 and 13)', () => {
  it('imports visits by customer name or code; the same file again changes nothing', async () => {
    const file = sheet([
      ['上海华信科技有限公司', '2026-03-05', '上门', '张伟', '孙总', '介绍新品'],
      ['C2', '2026-03-06', '电话', 'S1', null, '确认到货'],
    ]);
    const r = (await env.call('import/run', { kind: 'visits', file: { path: file } })) as unknown as Answer;
    expect([r.committed, r.rows.inserted]).toEqual([true, 2]);
    expect(
      env.ws.db
        .prepare(
          "SELECT customer_id AS c, staff_id AS s, visit_type AS t, status, contact_id AS k, outcome FROM interactions WHERE kind = 'visit' AND customer_id IN (1, 2) ORDER BY date",
        )
        .all(),
    ).toEqual([
      { c: 1, s: 1, t: 'on-site', status: 'done', k: 60, outcome: '介绍新品' },
      { c: 2, s: 1, t: 'phone', status: 'done', k: null, outcome: '确认到货' },
    ]);
    const again = (await env.call('import/run', { kind: 'visits', file: { path: file } })) as unknown as Answer;
    expect(again.rows.inserted).toBe(0);
    expect(count(env, "SELECT count(*) FROM interactions WHERE kind = 'visit' AND customer_id IN (1, 2)")).toBe(2);
  });

  it('a future visit marked done, an unknown customer and another customer’s contact are refused by row; nothing is written', async () => {
    const future = dayjs().add(3, 'day').format('YYYY-MM-DD');
    const file = sheet([
      ['C1', future, '上门', 'S1', null, '未来'],
      ['不存在的公司', '2026-03-05', '上门', 'S1', null, 'x'],
      ['C2', '2026-03-05', '上门', 'S1', '孙总', 'x'],
    ]);
    const r = (await env.call('import/run', { kind: 'visits', file: { path: file } })) as unknown as Answer;
    expect([r.committed, r.refused, r.rows.invalid]).toEqual([false, true, 3]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'customers.import.problem.future-done'],
      [3, 'customers.import.problem.unknown-customer'],
      [4, 'customers.import.problem.contact-elsewhere'],
    ]);
    expect(r.errors[0].message).toContain('不能是“已完成”');
    expect(count(env, "SELECT count(*) FROM interactions WHERE kind = 'visit' AND customer_id IN (1, 2)")).toBe(0);
  });
});
