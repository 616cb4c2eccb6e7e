import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

const FIX = path.resolve(__dirname, '../fixtures/import');
const file = (name: string) => ({ path: path.join(FIX, name) });

type WS = ReturnType<typeof tmpWorkspace>;

/** Four salespeople the fixtures name by number (S0001, S0002) and by name (张伟, 李娜). */
async function withStaff(): Promise<WS> {
  const w = tmpWorkspace('en');
  for (const [employeeNo, name] of [
    ['S0001', '周杰'],
    ['S0002', '吴芳'],
    ['S0003', '张伟'],
    ['S0004', '李娜'],
  ])
    await w.call('staff/create', { employeeNo, name });
  return w;
}

const count = (w: WS, table: string) =>
  (w.ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

// Expected by hand from make-fixtures.ts: money in yuan; 万元 column scaled ×10,000 unless the cell says 元 or 万.
const EXCELJS_ORDERS = [
  {
    row: 4,
    orderNo: 'SO-001',
    date: '2025-03-05',
    customer: '上海华联商贸有限公司',
    salesperson: 'S0001',
    product: '智能门锁 X1',
    quantity: 2,
    unitPrice: 1299,
    amount: 2598,
    profit: 998,
    channel: null,
  },
  {
    row: 5,
    orderNo: 'SO-002',
    date: '2025-03-06',
    customer: '杭州新远科技',
    salesperson: 'S0003',
    product: '智能门锁 X1',
    quantity: 1,
    unitPrice: 1299,
    amount: 1299,
    profit: 499,
    channel: null,
  },
  {
    row: 6,
    orderNo: 'SO-003',
    date: '2025-03-07',
    customer: '上海华联商贸有限公司',
    salesperson: 'S0002',
    product: '云摄像机 C2',
    quantity: 3,
    unitPrice: 399,
    amount: 1197,
    profit: 300,
    channel: null,
  },
  {
    row: 7,
    orderNo: 'SO-004',
    date: '2025-03-08',
    customer: '南京同创',
    salesperson: 'S0001',
    product: '云摄像机 C2',
    quantity: 10,
    unitPrice: 350,
    amount: 3500,
    profit: -120,
    channel: null,
  },
  {
    row: 10,
    orderNo: 'SO-005',
    date: '2025-03-09',
    customer: '杭州新远科技',
    salesperson: 'S0004',
    product: '智能门锁 X1',
    quantity: 1,
    unitPrice: 1299,
    amount: 1299,
    profit: 0,
    channel: null,
  },
  {
    row: 11,
    orderNo: 'SO-006',
    date: '2025-03-12',
    customer: '南京同创',
    salesperson: 'S0002',
    product: '网关 G1',
    quantity: 5,
    unitPrice: 1000,
    amount: 5000,
    profit: null,
    channel: null,
  },
];

describe('import of fixture workbooks from several writers (issue #3, P2.6)', () => {
  let w: WS;
  beforeEach(async () => {
    w = await withStaff();
  });

  for (const name of ['orders-exceljs.xlsx', 'orders-libreoffice.xlsx']) {
    it(`${name}: title rows, header in row 3, subtotal/total/blank rows skipped, every value form read`, async () => {
      if (name.includes('libreoffice') && !fs.existsSync(path.join(FIX, name))) return;
      const r = await w.call('import/run', { kind: 'orders', file: file(name), dryRun: true });
      expect(r).toMatchObject({ sheet: '销售明细', headerRow: 3, groupRow: null, committed: false });
      expect(r.rows).toMatchObject({ read: 9, valid: 6, invalid: 0, skipped: 3 });
      expect(r.skippedRows).toEqual([
        { row: 8, reason: 'total' },
        { row: 9, reason: 'blank' },
        { row: 12, reason: 'total' },
      ]);
      expect(r.mapping).toMatchObject({
        orderNo: '订单编号',
        date: '下单日期',
        salesperson: '业务员',
        amount: '金额（万元）',
        unitPrice: '单价（元）',
      });
      // Field by field, in sheet order.
      expect(r.records).toHaveLength(6);
      EXCELJS_ORDERS.forEach((want, i) => {
        const { row: _row, ...fields } = want;
        for (const [k, v] of Object.entries(fields)) expect(r.records![i][k], `${name} row ${want.row} ${k}`).toBe(v);
      });
      expect(count(w, 'orders')).toBe(0);
    });
  }

  it('orders-sheetjs.xlsx: instructions sheet passed over, two-row header with merged group cells, Grand Total skipped', async () => {
    const r = await w.call('import/run', { kind: 'orders', file: file('orders-sheetjs.xlsx'), dryRun: true });
    expect(r).toMatchObject({ sheet: 'Orders', sheets: ['Read me', 'Orders'], headerRow: 2, groupRow: 1 });
    expect(r.rows).toMatchObject({ read: 4, valid: 3, skipped: 1 });
    expect(r.records).toEqual([
      {
        orderNo: 'EN-1',
        line: 1,
        date: '2025-01-01',
        customer: 'Acme Trading',
        salesperson: 'S0001',
        product: 'Gateway G1',
        quantity: 4,
        unitPrice: 250.5,
        amount: 1002,
        profit: null,
        channel: null,
      },
      {
        orderNo: 'EN-2',
        line: 1,
        date: '2025-02-01',
        customer: 'Acme Trading',
        salesperson: 'S0002',
        product: 'Gateway G1',
        quantity: 1,
        unitPrice: 250.5,
        amount: 250.5,
        profit: null,
        channel: null,
      },
      {
        orderNo: 'EN-3',
        line: 1,
        date: '2025-02-03',
        customer: 'Beta Ltd',
        salesperson: 'S0001',
        product: 'Camera C2',
        quantity: 2,
        unitPrice: 350,
        amount: 700,
        profit: null,
        channel: null,
      },
    ]);
  });

  it('CSV in GB18030 and UTF-8 with BOM, ; separated with day-first dates and decimal commas', async () => {
    const gb = await w.call('import/run', { kind: 'orders', file: file('orders-gb18030.csv'), dryRun: true });
    expect(gb.format).toBe('csv');
    expect(gb.records!.map((x) => [x.orderNo, x.date, x.customer, x.amount])).toEqual([
      ['CSV-1', '2025-04-01', '杭州新远科技', 1299],
      ['CSV-2', '2025-04-02', '南京同创', 2000],
    ]);
    expect(gb.skippedRows).toEqual([{ row: 4, reason: 'total' }]);
    const eu = await w.call('import/run', {
      kind: 'orders',
      file: file('orders-utf8-bom-semicolon.csv'),
      dryRun: true,
    });
    expect(eu.records!.map((x) => [x.orderNo, x.date, x.amount, x.unitPrice])).toEqual([
      ['EU-1', '2025-03-05', 250.5, 250.5],
      ['EU-2', '2025-03-25', 501, 250.5],
    ]);
  });

  it('commits in one go: customers and products named by orders are created and counted; the second import changes nothing', async () => {
    const first = await w.call('import/run', { kind: 'orders', file: file('orders-exceljs.xlsx') });
    expect(first.committed).toBe(true);
    expect(first.rows).toMatchObject({ inserted: 6, updated: 0 });
    expect(first.created).toEqual({ customers: 3, products: 3 });
    expect(first.backup).toMatch(/before-import/);
    const db = w.ws.db;
    const so5 = db
      .prepare(
        `SELECT o.date, o.amount, o.unit_price AS unitPrice, o.quantity, s.employee_no AS no, c.name AS customer FROM orders o JOIN staff s ON s.id = o.salesperson_id JOIN customers c ON c.id = o.customer_id WHERE order_no = 'SO-005'`,
      )
      .get();
    expect(so5).toEqual({
      date: '2025-03-09',
      amount: 129900,
      unitPrice: 129900,
      quantity: 1,
      no: 'S0004',
      customer: '杭州新远科技',
    });
    const again = await w.call('import/run', { kind: 'orders', file: file('orders-exceljs.xlsx') });
    expect(again.rows).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
    expect(again.created).toEqual({});
    expect(count(w, 'orders')).toBe(6);
    expect(count(w, 'customers')).toBe(3);
  });

  it('staff: teams created, managers further down the sheet, 在职/离职 understood', async () => {
    const r = await w.call('import/run', { kind: 'staff', file: file('staff-exceljs.xlsx') });
    expect(r.rows).toMatchObject({ inserted: 3, invalid: 0 });
    expect(r.created).toEqual({ teams: 1 });
    const rows = w.ws.db
      .prepare(
        `SELECT s.employee_no AS no, s.status, s.left_date AS leftDate, s.hire_date AS hireDate, m.employee_no AS manager, t.name AS team FROM staff s LEFT JOIN staff m ON m.id = s.manager_id LEFT JOIN teams t ON t.id = s.team_id WHERE s.employee_no LIKE 'T%' ORDER BY 1`,
      )
      .all();
    expect(rows).toEqual([
      { no: 'T100', status: 'active', leftDate: null, hireDate: '2023-04-01', manager: 'T200', team: '华南区' },
      {
        no: 'T101',
        status: 'inactive',
        leftDate: '2025-06-30',
        hireDate: '2024-01-15',
        manager: 'T200',
        team: '华南区',
      },
      { no: 'T200', status: 'active', leftDate: null, hireDate: '2017-09-22', manager: null, team: '华南区' },
    ]);
    // LibreOffice's CSV of the same sheet imports to the same people: nothing changes.
    if (fs.existsSync(path.join(FIX, 'staff-libreoffice.csv'))) {
      const lo = await w.call('import/run', { kind: 'staff', file: file('staff-libreoffice.csv') });
      expect(lo.rows).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    }
  });

  it('customers and products: codes, enum words in both languages, money with ¥ and separators', async () => {
    const c = await w.call('import/run', { kind: 'customers', file: file('customers-sheetjs.xlsx'), dryRun: true });
    expect(c.records).toEqual([
      {
        code: 'K-1',
        name: 'Acme Trading',
        stage: 'customer',
        segment: 'Key account',
        industry: null,
        province: 'Zhejiang',
        city: 'Hangzhou',
        owner: 'S0001',
        contactName: 'Li Na',
        phone: '0571-8888888',
        email: null,
        address: null,
        birthday: null,
        visitIntervalDays: 30,
      },
      {
        code: 'K-2',
        name: 'Beta Ltd',
        stage: 'prospect',
        segment: null,
        industry: null,
        province: 'Jiangsu',
        city: 'Nanjing',
        owner: null,
        contactName: null,
        phone: null,
        email: null,
        address: null,
        birthday: null,
        visitIntervalDays: null,
      },
    ]);
    const p = await w.call('import/run', { kind: 'products', file: file('products-sheetjs.xlsx') });
    expect(p.rows.inserted).toBe(2);
    expect(
      w.ws.db.prepare('SELECT code, name, category, list_price AS lp, cost, active FROM products ORDER BY code').all(),
    ).toEqual([
      { code: 'P-10', name: '云摄像机 C2', category: '安防', lp: 39900, cost: 25050, active: 0 },
      { code: 'P-9', name: '网关 G1', category: '配件', lp: 100000, cost: 60000, active: 1 },
    ]);
  });
});
