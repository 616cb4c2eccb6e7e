import { deferOrderInsertTriggers } from '../../../db/order-derived';
import { nowIso } from '../../context';
import {
  addNamed,
  isProblem,
  loadNamed,
  loadStaff,
  resolveNamed,
  resolvePerson,
  type NamedLookup,
  type StaffLookup,
} from './lookups';
import { orderLines } from './order-lines';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';

/**
 * Orders, the actual sales (P2.6). Each row of a sheet is an order line: the same order number may
 * stand on several rows, each with its own product, quantity, price and amount. The natural key is
 * order number + line; without a line column, lines are numbered within each order in sheet order, and
 * a row identical to an earlier line of its order is a repeat (skipped), not a new line. The lines of
 * one order share its date, customer and salesperson (a blank customer or salesperson takes the
 * order's). The salesperson is matched by employee number or unique name and recorded as the employee
 * number; a customer or product the order names and the database does not know is created (and
 * counted). Amount = quantity × unit price when the sheet gives no amount; unit price = amount ÷
 * quantity when it gives no price.
 */
const L = (k: string) => `importExport.fields.orders.${k}`;

/** From this many lines on, an import derives migration 009's tables once instead of line by line. */
const BULK_LINES = 1000;

/** An order line the database already holds, as the import reads it to compare. */
type Existing = Record<string, unknown> & { id: number };

interface State {
  staff: StaffLookup;
  customers: NamedLookup;
  products: NamedLookup;
}

// A sheet names the same few salespeople on every row: each text is resolved once per import (per lookup).
const resolved = new WeakMap<StaffLookup, Map<string, ReturnType<typeof resolvePerson>>>();
function personOf(staff: StaffLookup, text: string): ReturnType<typeof resolvePerson> {
  let memo = resolved.get(staff);
  if (!memo) resolved.set(staff, (memo = new Map()));
  let p = memo.get(text);
  if (p === undefined) {
    p = resolvePerson(staff, text, 'salesperson');
    if (memo.size < 100_000) memo.set(text, p);
  }
  return p;
}

export const ordersKind: ImportKind<State> = {
  kind: 'orders',
  label: 'importExport.kinds.orders',
  fields: [
    {
      key: 'orderNo',
      label: L('orderNo'),
      type: 'text',
      required: true,
      maxLength: 40,
      example: 'SO-2025-0001',
      synonyms: [
        '订单编号',
        '订单号',
        '单号',
        '订单ID',
        '订单编码',
        '销售订单',
        '销售订单号',
        '单据编号',
        '单据号',
        '合同号',
        'Order ID',
        'Order No',
        'Order Number',
        'OrderID',
        'Order',
      ],
    },
    // Not Superstore's "Row ID": that numbers the sheet's rows, not the lines within an order.
    {
      key: 'line',
      label: L('line'),
      type: 'int',
      min: 1,
      example: 1,
      exactHeader: true,
      synonyms: [
        '行号',
        '明细行号',
        '行项目号',
        '行项目',
        '订单行号',
        '订单行',
        'Line',
        'Line No',
        'Line Number',
        'Order Line',
        'Order Line No',
        'Order Line Number',
      ],
    },
    {
      key: 'date',
      label: L('date'),
      type: 'date',
      required: true,
      example: '2025-03-05',
      synonyms: [
        '日期',
        '下单日期',
        '订单日期',
        '销售日期',
        '成交日期',
        '签单日期',
        '开单日期',
        '下单时间',
        'Order Date',
        'OrderDate',
        'Date',
        'Sale Date',
        'Sales Date',
      ],
    },
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      maxLength: 100,
      example: '上海华联商贸有限公司',
      synonyms: [
        '客户',
        '客户名称',
        '客户名',
        '购买方',
        '客户全称',
        '门店',
        '门店名称',
        '店铺',
        '店铺名称',
        '网点',
        '网点名称',
        'Customer',
        'Customer Name',
        'CustomerName',
        'Client',
        'Account',
        'Store',
        'Store Name',
      ],
    },
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: [
        '销售员',
        '业务员',
        '销售代表',
        '销售代表ID',
        '销售人员',
        '经办人',
        '负责人',
        '工号',
        '员工编号',
        'Sales Rep',
        'Salesperson',
        'Sales Person',
        'Rep',
        'Seller',
        'Sales Rep ID',
        'Salesperson ID',
        'Rep ID',
        'Seller ID',
        'Employee No',
        'Employee ID',
      ],
    },
    {
      key: 'product',
      label: L('product'),
      type: 'text',
      maxLength: 200,
      example: '智能门锁 X1',
      synonyms: [
        '产品',
        '产品名称',
        '商品',
        '商品名称',
        '品名',
        '货品',
        '产品编号',
        'Product',
        'Product Name',
        'Item',
        'Item Name',
      ],
    },
    {
      key: 'quantity',
      label: L('quantity'),
      type: 'number',
      example: 2,
      synonyms: ['数量', '销售数量', '件数', '订购数量', 'Quantity', 'Qty', 'Units'],
      default: { value: 1, newOnly: false },
    },
    {
      key: 'unitPrice',
      label: L('unitPrice'),
      type: 'money',
      example: 1299,
      synonyms: ['单价', '售价', '成交价', '销售单价', '价格', 'Unit Price', 'Price', 'Sale Price'],
    },
    {
      key: 'amount',
      label: L('amount'),
      type: 'money',
      example: 2598,
      synonyms: [
        '金额',
        '销售额',
        '销售金额',
        '订单金额',
        '成交金额',
        '总金额',
        '合计金额',
        '含税金额',
        'Amount',
        'Sales',
        'Sales Amount',
        'Total',
        'Revenue',
        'Order Amount',
      ],
    },
    {
      key: 'profit',
      label: L('profit'),
      type: 'money',
      example: 998,
      synonyms: ['利润', '毛利', '毛利润', '毛利额', 'Profit', 'Margin', 'Gross Profit'],
    },
    {
      key: 'channel',
      label: L('channel'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '直销',
      synonyms: ['渠道', '销售渠道', '成交渠道', 'Channel', 'Sales Channel'],
    },
  ],
  requireOneOf: [['amount'], ['quantity', 'unitPrice']],
  prepare: (ctx) => ({
    staff: loadStaff(ctx.db),
    customers: loadNamed(ctx.db, 'customers'),
    products: loadNamed(ctx.db, 'products'),
  }),
  check(r, s, ctx) {
    const problems: RowProblem[] = [];
    // With a line column, every row says its line: numbering some rows would collide with the others'.
    if (r.line === null && ctx.mapped.has('line')) problems.push({ field: 'line', code: 'required' });
    const qty = r.quantity as number | null;
    if (qty === null) r.quantity = 1;
    if (r.amount === null) {
      if (r.unitPrice !== null && qty !== null) r.amount = Math.round((r.unitPrice as number) * qty);
      else problems.push({ field: 'amount', code: 'required' });
    } else if (r.unitPrice === null) {
      r.unitPrice = qty ? Math.round((r.amount as number) / qty) : (r.amount as number);
    }
    if (r.salesperson) {
      const p = personOf(s.staff, String(r.salesperson));
      if (isProblem(p)) problems.push(p);
      else r.salesperson = p.employeeNo;
    }
    if (r.customer && resolveNamed(s.customers, String(r.customer)) === 'ambiguous')
      problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name: r.customer } });
    if (r.product && resolveNamed(s.products, String(r.product)) === 'ambiguous')
      problems.push({ field: 'product', code: 'ambiguous-product', params: { name: r.product } });
    return problems;
  },
  checkAll: (records, _s, _ctx, rows) => orderLines(records, rows),
  key: (r) => `${String(r.orderNo)} / ${String(r.line)}`,
  commit(records, s, ctx): CommitResult {
    const { db } = ctx;
    const up = new Upserter(db, ctx.changes);
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const find = db.prepare(
      'SELECT id, order_no, line, date, customer_id, salesperson_id, product_id, quantity, unit_price, amount, profit, channel FROM orders WHERE order_no = ? AND line = ?',
    );
    const at = nowIso();
    // A sheet names the same customers and products over and over: each text is resolved once here.
    const seen = { customers: new Map<string, number>(), products: new Map<string, number>() };
    const named = (table: 'customers' | 'products', l: NamedLookup, name: unknown): number | null => {
      if (!name) return null;
      const known = seen[table].get(name as string);
      if (known !== undefined) return known;
      const found = resolveNamed(l, String(name));
      if (typeof found === 'number') {
        seen[table].set(name as string, found);
        return found;
      }
      // Named by the order and not yet known: created, and counted.
      const id = up.insert(
        table,
        table === 'customers' ? { name, stage: 'customer', created_at: at } : { name, created_at: at },
      );
      addNamed(l, id, String(name), null);
      result.created[table] = (result.created[table] ?? 0) + 1;
      return id;
    };
    // A large import leaves the per-line triggers of migration 009 aside and derives their tables once at
    // the end, in the same transaction (db/order-derived.ts): the triggers cost more than the inserts.
    // An import at least as large as the table also rebuilds the table's indexes at the end.
    const bulk =
      records.length >= BULK_LINES ? deferOrderInsertTriggers(db, { expected: records.length, tallied: true }) : null;
    // A line new to the database is offered straight to the INSERT, whose check of the unique index of
    // order number + line says whether it is new (one look-up instead of a SELECT and then the INSERT's
    // own); a line the database holds is read, to be updated. Which comes first follows the line before:
    // new lines come in runs (a new month's sheet), and so do known ones (the same sheet again), so a
    // wrong guess costs one look-up per change of run.
    const insert = db.prepare(
      `INSERT INTO orders (order_no, line, date, customer_id, salesperson_id, product_id, quantity, unit_price, amount, profit, channel, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_no, line) DO NOTHING`,
    );
    let expectNew = true;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const customerId = named('customers', s.customers, r.customer);
      const salespersonId = r.salesperson ? (s.staff.byNo.get(String(r.salesperson).toLowerCase())?.id ?? null) : null;
      const productId = named('products', s.products, r.product);
      const row = [
        r.orderNo,
        r.line,
        r.date,
        customerId,
        salespersonId,
        productId,
        r.quantity ?? null,
        r.unitPrice ?? null,
        r.amount ?? null,
        r.profit ?? null,
        r.channel ?? null,
        ctx.importId,
      ];
      let existing = expectNew ? undefined : (find.get(r.orderNo, r.line) as Existing | undefined);
      let id = 0;
      if (!existing) {
        const written = insert.run(row);
        if (written.changes) id = Number(written.lastInsertRowid);
        else existing = find.get(r.orderNo, r.line) as Existing;
      }
      expectNew = id > 0;
      if (id) {
        ctx.changes.inserted('orders', id);
        bulk?.tally(r.date as string, salespersonId, r.amount as number, (r.profit as number | null) ?? null);
        result.inserted++;
      } else {
        // Not inserted: the unique index holds the line, which find has just read.
        existing = existing!;
        // The sheet never holds one order line twice (pipeline.ts), so a line this import inserted is never updated.
        if (bulk?.isNew(existing.id))
          throw new Error(`order line ${String(r.orderNo)} / ${String(r.line)} written twice`);
        const values = {
          order_no: r.orderNo,
          line: r.line,
          date: r.date,
          customer_id: customerId,
          salesperson_id: salespersonId,
          product_id: productId,
          quantity: r.quantity,
          unit_price: r.unitPrice,
          amount: r.amount,
          profit: r.profit,
          channel: r.channel,
        };
        result[up.upsert('orders', existing, values, { import_id: ctx.importId }).action]++;
      }
      if (i % 2000 === 0) ctx.progress(i, records.length);
    }
    bulk?.resume();
    ctx.progress(records.length, records.length);
    return result;
  },
  exportRecords(db) {
    // A customer name shared by several customers is written as the customer's code, so the file imports back to the same customer.
    const shared = new Set(
      (db.prepare('SELECT name FROM customers GROUP BY name HAVING count(*) > 1').all() as { name: string }[]).map(
        (x) => x.name,
      ),
    );
    // Rows come as arrays and become records here: a literal of one fixed shape is several times cheaper
    // than the driver's objects (108,000 orders export in well under the 3 s).
    const raw = db
      .prepare(
        `SELECT o.order_no, o.line, o.date, c.name, c.code, s.employee_no, p.name, o.quantity, o.unit_price, o.amount, o.profit, o.channel
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN staff s ON s.id = o.salesperson_id LEFT JOIN products p ON p.id = o.product_id
         ORDER BY o.date, o.order_no, o.line`,
      )
      .raw()
      .all() as [
      string,
      number,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      number,
      number,
      number,
      number | null,
      string | null,
    ][];
    const rows: ImportRecord[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const [
        orderNo,
        line,
        date,
        customer,
        customerCode,
        salesperson,
        product,
        quantity,
        unitPrice,
        amount,
        profit,
        channel,
      ] = raw[i];
      (raw as unknown[])[i] = undefined;
      rows[i] = {
        orderNo,
        line,
        date,
        customer: customer && customerCode && shared.has(customer) ? customerCode : customer,
        salesperson,
        product,
        quantity,
        unitPrice,
        amount,
        profit,
        channel,
      };
    }
    return rows;
  },
};
