import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * A field the sheet leaves empty (no column, or a blank cell) is stored with its documented default,
 * and every answer says which value and for how many records: the rule "never store a value that
 * differs from what the user gave without saying so" (P1.2 products, P4.1 customers, P2.6 orders).
 * Before, `import products` of a sheet without cost or status failed as an internal error.
 */
function csv(text: string, name = 'sheet.csv'): { path: string } {
  const p = path.join(tmpDir('wb-defaults-'), name);
  fs.writeFileSync(p, text);
  return { path: p };
}

const products = (db: ReturnType<typeof tmpWorkspace>['ws']['db']) =>
  db.prepare('SELECT name, category, list_price AS price, cost, active FROM products ORDER BY name').all();

describe('defaults of fields the sheet leaves empty (issue 10: products without cost or status)', () => {
  it('imports products without cost and status columns, stores the defaults and says so', async () => {
    const w = tmpWorkspace('zh-CN');
    const file = csv('产品名称,类别,单价\n门锁,安防,100\n摄像头,安防,\n');
    const r = await w.call('import/run', { kind: 'products', file });
    expect(r.committed).toBe(true);
    expect(r.rows).toMatchObject({ valid: 2, inserted: 2 });
    // Independent expectation: the sheet's values, and 0 / 0 / active where it gives none.
    expect(products(w.ws.db)).toEqual([
      { name: '摄像头', category: '安防', price: 0, cost: 0, active: 1 },
      { name: '门锁', category: '安防', price: 10000, cost: 0, active: 1 },
    ]);
    expect(
      r.defaults.map(({ field, value, noColumn, blank, stored }) => ({ field, value, noColumn, blank, stored })),
    ).toEqual([
      { field: 'listPrice', value: '0', noColumn: false, blank: 1, stored: 1 },
      { field: 'cost', value: '0', noColumn: true, blank: 2, stored: 2 },
      { field: 'active', value: '是', noColumn: true, blank: 2, stored: 2 },
    ]);
    expect(r.defaults[1].message).toBe(
      '成本价：文件中没有这一列。新增的记录记为“0”，已有的记录保持原值。取默认值的记录：2 条。',
    );
  });

  it('keeps an existing product’s values where the sheet is blank, and counts only new products as defaulted', async () => {
    const w = tmpWorkspace('en');
    await w.call('import/run', {
      kind: 'products',
      file: csv('Product Code,Product Name,Cost,Active\nP-1,Lock,80,no\n'),
    });
    const r = await w.call('import/run', {
      kind: 'products',
      file: csv('Product Code,Product Name,Price\nP-1,Lock,120\nP-2,Camera,90\n'),
    });
    expect(r.rows).toMatchObject({ inserted: 1, updated: 1 });
    expect(products(w.ws.db)).toEqual([
      { name: 'Camera', category: null, price: 9000, cost: 0, active: 1 },
      { name: 'Lock', category: null, price: 12000, cost: 8000, active: 0 },
    ]);
    const cost = r.defaults.find((d) => d.field === 'cost')!;
    expect(cost).toMatchObject({ noColumn: true, blank: 2, stored: 1, value: '0' });
    expect(cost.message).toBe(
      'Unit cost: the file has no such column. New records get “0”; existing records keep theirs. Records with this default: 1.'.replace(
        'Unit cost',
        cost.label,
      ),
    );
    expect(r.defaults.find((d) => d.field === 'active')).toMatchObject({ stored: 1, value: 'Yes' });
  });

  it('says the same in the preview and in a dry run, before anything is written', async () => {
    const w = tmpWorkspace('en');
    const file = csv('Product Name\nLock\nCamera\nSafe\n');
    const p = await w.call('import/preview', { kind: 'products', file });
    expect(p.defaults.map((d) => [d.field, d.blank, d.stored])).toEqual([
      ['listPrice', 3, null],
      ['cost', 3, null],
      ['active', 3, null],
    ]);
    expect(p.defaults[0].message).not.toContain('Records with this default');
    const dry = await w.call('import/run', { kind: 'products', file, dryRun: true });
    expect(dry.defaults.map((d) => d.stored)).toEqual([3, 3, 3]);
    expect(w.ws.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(0);
  });

  it('reports an order quantity taken as 1 and a customer stage taken as “customer”', async () => {
    const w = tmpWorkspace('zh-CN');
    const at = '2025-01-01T00:00:00Z';
    w.ws.db
      .prepare(
        "INSERT INTO staff (employee_no, name, status, created_at, updated_at) VALUES ('S0001', '周杰', 'active', ?, ?)",
      )
      .run(at, at);
    const o = await w.call('import/run', {
      kind: 'orders',
      file: csv(
        '单号,下单日期,客户,业务员,金额,数量\nA1,2025-03-05,甲公司,S0001,100,\nA2,2025-03-06,乙公司,S0001,200,3\n',
      ),
    });
    expect(w.ws.db.prepare('SELECT order_no, quantity FROM orders ORDER BY order_no').raw().all()).toEqual([
      ['A1', 1],
      ['A2', 3],
    ]);
    expect(o.defaults).toMatchObject([{ field: 'quantity', value: '1', noColumn: false, blank: 1, stored: 1 }]);
    expect(o.defaults[0].message).toContain('这些行记为“1”');
    const c = await w.call('import/run', { kind: 'customers', file: csv('客户名称,城市\n丙公司,上海\n') });
    expect(w.ws.db.prepare("SELECT stage FROM customers WHERE name = '丙公司'").pluck().get()).toBe('customer');
    expect(c.defaults).toMatchObject([{ field: 'stage', value: '成交客户', noColumn: true, blank: 1, stored: 1 }]);
  });
});
