import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

/**
 * Customers with contacts from a CRM export whose customer cells are merged down over the customer's
 * contact rows (issue 13 item 13, issue 10: read the table a person sees; P4.1). A blank customer cell
 * inside a merged range reads as the range's value; a blank one outside any merge stays refused
 * (contact-without-customer), never guessed. test/fixtures/care/make_fixtures.py (merged_files) writes
 * the files with openpyxl (ws.merge_cells), saves them again with LibreOffice (xlsx) and as .xls; the
 * expected values are written out by hand from the generator's data.
 */
const FIXTURES = path.join(import.meta.dirname, '../fixtures/care');
const FILES = ['contacts-merged-openpyxl.xlsx', 'contacts-merged-libreoffice.xlsx', 'contacts-merged.xls'] as const;

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace('zh-CN');
  seedCustomers(env);
});
afterEach(() => env.ws.close());

type Answer = {
  committed: boolean;
  refused: boolean;
  rows: { valid: number; invalid: number; inserted: number };
  errors: { row: number; code: string; message: string }[];
  fromMerges: { rows: number; fields: string[]; message: string } | null;
};
const run = async (file: string, extra: Record<string, unknown> = {}) =>
  (await env.call('import/run', {
    kind: 'customer-contacts',
    file: { path: path.join(FIXTURES, file) },
    ...extra,
  })) as unknown as Answer;
const all = (sql: string, ...args: unknown[]) => env.ws.db.prepare(sql).all(...args);
const staffId = (name: string) =>
  (env.ws.db.prepare('SELECT id FROM staff WHERE name = ?').get(name) as { id: number }).id;

describe.each(FILES)('%s', (file) => {
  it('refuses the file as a whole while the one contact outside any merge has no customer', async () => {
    const r = await run(file);
    expect([r.committed, r.refused, r.rows.valid, r.rows.invalid]).toEqual([false, true, 6, 1]);
    // Row 7 (孙丽): its customer cells are blank and merged with nothing, so it stays refused.
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[7, 'customers.import.problem.contact-without-customer']]);
    expect(all("SELECT id FROM customers WHERE code IN ('C20', 'C21', 'C22')")).toEqual([]);
  });

  it('reads each blank customer cell inside a merged range as that range value, and says how many rows', async () => {
    const r = await run(file, { skipInvalid: true });
    expect([r.committed, r.rows.valid, r.rows.invalid, r.rows.inserted]).toEqual([true, 6, 1, 6]);
    // 刘洋 and 何静 (C20), 钱敏 (C21): three rows filled; the top rows and 林峰 had their own cells.
    expect(r.fromMerges).toEqual({
      rows: 3,
      fields: ['code', 'name', 'kind', 'city', 'owner'],
      message:
        '3 行的客户编号、客户名称、客户类型、城市、负责人取自合并单元格：空白单元格位于合并区域内，按该区域显示的值读取。',
    });
    const lina = staffId('李娜');
    const zhang = staffId('张伟');
    expect(
      all(
        "SELECT code, name, kind, city, owner_id AS owner FROM customers WHERE code IN ('C20', 'C21', 'C22') ORDER BY code",
      ),
    ).toEqual([
      { code: 'C20', name: '杭州远景电子有限公司', kind: 'company', city: '杭州', owner: lina },
      { code: 'C21', name: '南京同达物流有限公司', kind: 'company', city: '南京', owner: zhang },
      { code: 'C22', name: '苏州长风机械有限公司', kind: 'company', city: '苏州', owner: zhang },
    ]);
    expect(
      all(
        `SELECT c.code, k.name, k.title, k.mobile, k.role FROM contacts k JOIN customers c ON c.id = k.customer_id
         WHERE c.code IN ('C20', 'C21', 'C22') ORDER BY k.id`,
      ),
    ).toEqual([
      { code: 'C20', name: '陈立', title: '总经理', mobile: '13911110001', role: 'decision-maker' },
      { code: 'C20', name: '刘洋', title: '采购经理', mobile: '13911110002', role: 'buyer' },
      { code: 'C20', name: '何静', title: '财务', mobile: '13911110003', role: 'user' },
      { code: 'C21', name: '赵强', title: '经理', mobile: '13911110004', role: 'decision-maker' },
      { code: 'C21', name: '钱敏', title: '采购员', mobile: '13911110005', role: 'buyer' },
      { code: 'C22', name: '林峰', title: '厂长', mobile: '13911110007', role: 'decision-maker' },
    ]);
    // The contact without a customer is nowhere.
    expect(all("SELECT id FROM contacts WHERE name = '孙丽'")).toEqual([]);
  });

  it('shows the merged value in the wizard preview on each row the import reads it from, and only there', async () => {
    const p = (await env.call('import/preview', {
      kind: 'customer-contacts',
      file: { path: path.join(FIXTURES, file) },
    })) as unknown as {
      columns: { field: string | null }[];
      sample: { row: number; cells: string[]; merged: Record<number, number> }[];
    };
    const col = (f: string) => p.columns.findIndex((c) => c.field === f);
    const [code, name, contact] = [col('code'), col('name'), col('contactName')];
    expect(Math.min(code, name, contact)).toBeGreaterThanOrEqual(0);
    // [row, customer code shown, contact, the merged range's top row for the code cell]: by hand from the generator
    expect(p.sample.map((r) => [r.row, r.cells[code], r.cells[contact], r.merged[code] ?? null])).toEqual([
      [2, 'C20', '陈立', null],
      [3, 'C20', '刘洋', 2],
      [4, 'C20', '何静', 2],
      [5, 'C21', '赵强', null],
      [6, 'C21', '钱敏', 5],
      [7, '', '孙丽', null],
      [8, 'C22', '林峰', null],
    ]);
    expect(p.sample[1].cells[name]).toBe('杭州远景电子有限公司');
  });
});
