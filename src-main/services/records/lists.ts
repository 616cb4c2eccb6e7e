import type { Database } from 'better-sqlite3';
import type { Page, PageRequest } from '../../contract/common';
import type { CustomerRow, OrderRow } from '../../contract/records';
import { orderSearchClause } from './order-search';
import { queryPage, type PagedSource } from './paging';

export const ORDERS: PagedSource = {
  from: `FROM orders o
    LEFT JOIN customers c ON c.id = o.customer_id
    LEFT JOIN staff s ON s.id = o.salesperson_id
    LEFT JOIN teams t ON t.id = s.team_id
    LEFT JOIN products p ON p.id = o.product_id`,
  fields: {
    orderNo: { sql: 'o.order_no', kind: 'text' },
    line: { sql: 'o.line', kind: 'number' },
    date: { sql: 'o.date', kind: 'date' },
    customerName: { sql: 'c.name', kind: 'text' },
    salespersonName: { sql: 's.name', kind: 'text' },
    salespersonNo: { sql: 's.employee_no', kind: 'text' },
    teamName: { sql: 't.name', kind: 'text' },
    productName: { sql: 'p.name', kind: 'text' },
    category: { sql: 'p.category', kind: 'text' },
    quantity: { sql: 'o.quantity', kind: 'number' },
    unitPrice: { sql: 'o.unit_price', kind: 'money' },
    amount: { sql: 'o.amount', kind: 'money' },
    profit: { sql: 'o.profit', kind: 'money' },
    channel: { sql: 'o.channel', kind: 'text' },
  },
  search: ['orderNo', 'customerName', 'salespersonName', 'productName'],
  searchClause: orderSearchClause,
  countFrom: { from: 'FROM orders o', alias: 'o' },
  defaultOrder: 'o.date DESC, o.id DESC',
  select: `o.id, o.order_no AS orderNo, o.line, o.date, c.name AS customerName, s.name AS salespersonName,
    s.employee_no AS salespersonNo, t.name AS teamName, p.name AS productName, p.category, o.quantity,
    o.unit_price / 100.0 AS unitPrice, o.amount / 100.0 AS amount, o.profit / 100.0 AS profit, o.channel`,
};

/** Orders, read-only and paged on the database side (P2.6 actual sales). */
export function ordersPage(db: Database, req: PageRequest): Page<OrderRow> {
  return queryPage<OrderRow>(db, ORDERS, req);
}

const AGG_FIELDS = new Set(['orders', 'revenue', 'lastOrderDate']);

function customerSource(withAggregates: boolean): PagedSource {
  // Totals per customer cost a pass over all orders: only when the grid sorts or filters on them;
  // otherwise they are computed for the page's rows alone. An order has lines (P2.6): the count is of
  // distinct order numbers, the revenue the sum over every line.
  const agg = withAggregates
    ? {
        from: 'LEFT JOIN (SELECT customer_id, count(DISTINCT order_no) AS n, sum(amount) AS rev, max(date) AS last FROM orders GROUP BY customer_id) a ON a.customer_id = cu.id',
        n: 'coalesce(a.n, 0)',
        rev: 'coalesce(a.rev, 0)',
        last: 'a.last',
      }
    : {
        from: '',
        n: '(SELECT count(DISTINCT order_no) FROM orders o WHERE o.customer_id = cu.id)',
        rev: '(SELECT coalesce(sum(amount), 0) FROM orders o WHERE o.customer_id = cu.id)',
        last: '(SELECT max(date) FROM orders o WHERE o.customer_id = cu.id)',
      };
  return {
    from: `FROM customers cu LEFT JOIN staff s ON s.id = cu.owner_id ${agg.from}`,
    fields: {
      code: { sql: 'cu.code', kind: 'text' },
      name: { sql: 'cu.name', kind: 'text' },
      stage: { sql: 'cu.stage', kind: 'text' },
      segment: { sql: 'cu.segment', kind: 'text' },
      industry: { sql: 'cu.industry', kind: 'text' },
      province: { sql: 'cu.province', kind: 'text' },
      city: { sql: 'cu.city', kind: 'text' },
      ownerName: { sql: 's.name', kind: 'text' },
      ownerNo: { sql: 's.employee_no', kind: 'text' },
      contactName: { sql: 'cu.contact_name', kind: 'text' },
      phone: { sql: 'cu.phone', kind: 'text' },
      orders: { sql: agg.n, kind: 'number' },
      revenue: { sql: agg.rev, kind: 'money' },
      lastOrderDate: { sql: agg.last, kind: 'date' },
    },
    search: ['name', 'code', 'contactName', 'ownerName', 'city'],
    defaultOrder: 'cu.id',
    select: `cu.id, cu.code, cu.name, cu.stage, cu.segment, cu.industry, cu.province, cu.city, s.name AS ownerName,
      s.employee_no AS ownerNo, cu.contact_name AS contactName, cu.phone, ${agg.n} AS orders, ${agg.rev} / 100.0 AS revenue,
      ${agg.last} AS lastOrderDate`,
  };
}

/** Customers with their order count, revenue and last order, paged on the database side (P4.1). */
export function customersPage(db: Database, req: PageRequest): Page<CustomerRow> {
  const needsAgg =
    req.sort.some((s) => AGG_FIELDS.has(s.field)) || Object.keys(req.filters).some((f) => AGG_FIELDS.has(f));
  return queryPage<CustomerRow>(db, customerSource(needsAgg), req);
}
