import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue 10 "Tests": no import stores a value that differs from its cell unless a mapping the manager
 * confirmed says so. Random customer sheets mix columns that name fields (in the words real sheets use)
 * with columns that do not (备注, Order ID, 微信 ids, 产品名称); whatever the automatic mapping, every
 * stored value is the cell of the column the mapping shown names for its field, every other field is
 * empty, and no column that names no field feeds one.
 */
const FIELDS: { field: string; column: string; headers: string[]; value: fc.Arbitrary<string> }[] = [
  {
    field: 'code',
    column: 'code',
    headers: ['客户编号', '门店编号', 'id', 'Customer ID'],
    value: fc.stringMatching(/^[A-Z]{1,3}-?\d{1,4}$/),
  },
  {
    field: 'city',
    column: 'city',
    headers: ['城市', '所在城市', 'City'],
    value: fc.constantFrom('上海', '杭州', '南京', 'Berlin', 'Lyon'),
  },
  {
    field: 'segment',
    column: 'segment',
    headers: ['客户等级', '等级', 'KA客户组', 'Grade', 'Customer Group'],
    value: fc.constantFrom('A', 'B', 'KA', '普通', 'VIP'),
  },
  {
    field: 'phone',
    column: 'phone',
    headers: ['手机号', '联系电话', 'Phone'],
    value: fc.stringMatching(/^1[3-9]\d{9}$/),
  },
  {
    field: 'industry',
    column: 'industry',
    headers: ['行业', 'Industry'],
    value: fc.constantFrom('零售', '制造', 'Retail'),
  },
];
const NAME_HEADERS = ['客户名称', '门店名称', '姓名', 'Customer Name', 'name'];
const OTHERS: { header: string; value: fc.Arbitrary<string> }[] = [
  { header: '备注', value: fc.stringMatching(/^[a-z一-龥]{1,6}$/) },
  { header: 'Order ID', value: fc.stringMatching(/^O-\d{1,5}$/) },
  { header: '微信', value: fc.stringMatching(/^wx[a-z_]{2,8}$/) },
  { header: '产品名称', value: fc.constantFrom('门锁', '摄像头', 'Gateway') },
];

const sheet = fc
  .record({
    nameHeader: fc.constantFrom(...NAME_HEADERS),
    fields: fc.subarray(FIELDS),
    others: fc.subarray(OTHERS),
    rows: fc.integer({ min: 1, max: 8 }),
    order: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((s) => {
    const columns = [
      { header: s.nameHeader, key: 'name' },
      ...s.fields.map((f) => ({ header: f.headers[s.order % f.headers.length], key: f.field })),
      ...s.others.map((o) => ({ header: o.header, key: null })),
    ];
    const arbs = [
      fc.uniqueArray(fc.stringMatching(/^[A-Za-z一-龥]{1,6}[0-9]{0,2}$/), {
        minLength: s.rows,
        maxLength: s.rows,
        selector: (v) => v.toLowerCase(),
      }),
      ...s.fields.map((f) =>
        f.field === 'code'
          ? fc.uniqueArray(f.value, { minLength: s.rows, maxLength: s.rows, selector: (v) => v.toLowerCase() })
          : fc.array(f.value, { minLength: s.rows, maxLength: s.rows }),
      ),
      ...s.others.map((o) => fc.array(o.value, { minLength: s.rows, maxLength: s.rows })),
    ];
    // Columns in a shuffled order: the mapping may not rely on where a column stands.
    return fc.tuple(
      fc.constant(columns),
      fc.tuple(...arbs),
      fc.shuffledSubarray(
        columns.map((_, i) => i),
        { minLength: columns.length, maxLength: columns.length },
      ),
    );
  });

describe('issue 10 "Tests": a stored value is its cell, through the mapping shown', () => {
  it('customers: every stored field equals the cell of the column the mapping names; unmapped fields stay empty; no distractor column is mapped', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async ([columns, values, order]) => {
        const n = values[0].length;
        const header = order.map((i) => columns[i].header);
        const rows = Array.from({ length: n }, (_, r) => order.map((i) => values[i][r]));
        const p = path.join(tmpDir('wb-prop-'), 'customers.xlsx');
        fs.writeFileSync(
          p,
          writeXlsx([{ name: 'Sheet1', columns: header.map((h) => ({ header: h, format: 'text' as const })), rows }]),
        );
        const w = tmpWorkspace('zh-CN');
        const r = await w.call('import/run', { kind: 'customers', file: { path: p } });
        const fieldOf = new Map(columns.map((c) => [c.header, c.key]));
        // No column that names no field feeds one, and a field's column is one that names it.
        for (const [field, h] of Object.entries(r.mapping))
          expect(fieldOf.get(h as string), `${field}=${String(h)}`).toBe(field);
        const stored = w.ws.db.prepare('SELECT * FROM customers ORDER BY id').all() as Record<string, unknown>[];
        expect(stored).toHaveLength(n);
        stored.forEach((row, k) => {
          for (const f of ['name', ...FIELDS.map((x) => x.field)]) {
            const h = r.mapping[f] as string | undefined;
            const col = FIELDS.find((x) => x.field === f)?.column ?? f;
            expect(row[col], `${f} row ${k + 2}`).toBe(h === undefined ? null : rows[k][header.indexOf(h)]);
          }
        });
        w.ws.db.close();
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
