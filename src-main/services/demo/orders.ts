import type { Database } from 'better-sqlite3';
import type { CustomerOrderFigures } from '../../db/access/orders';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import { SEASON, type DemoCalendar } from './calendar';
import { PRODUCTS } from './catalogue';
import type { CustomerBook } from './customers';
import type { Org } from './organisation';
import { apportion, cumulative, makeRng, normal, pickSkewed, pickWeighted, shuffle } from './random';
import type { DemoSize } from './sizes';
import { SEGMENTS } from './segments';

/** The company's sales grow ~14% a year; targets ask for 12% more than last year. */
const COMPANY_GROWTH = 1.14;
/** New hires ramp up over their first three months. */
const RAMP = [0.35, 0.6, 0.85];
const PAD4 = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

/** What order generation leaves behind for tickets, the survey and the targets (order id = index + 1). */
export interface SalesLedger {
  n: number;
  customer: Int32Array;
  /** Index into org.people */
  seller: Int32Array;
  /** Index into cal.days */
  day: Int16Array;
  /** Each order's amount and profit in fen. */
  amount: Float64Array;
  profit: Float64Array;
  /** Sales in fen by person and window month: actual[person * 24 + month]. */
  actual: Float64Array;
  /** Each customer's last order day, -1 for none. */
  lastOrderDay: Int16Array;
  /** sellingCapacity(): what each person could sell by month, for history-based targets. */
  capacity: Float64Array;
}

/**
 * Each person's selling capacity by window month, [person * 24 + month]: their base, plus most of a
 * leaver's business once they inherit the customers, ramped up for new hires; zero while they do not
 * sell (before joining, after leaving, without customers).
 */
function sellingCapacity(org: Org, book: CustomerBook): Float64Array {
  const cap = new Float64Array(org.people.length * 24);
  const inherited = new Float64Array(org.people.length);
  for (const p of org.people) if (p.heir >= 0) inherited[p.heir] += 0.7 * p.base;
  for (const s of org.sellers) {
    const p = org.people[s];
    for (let k = Math.max(0, p.firstMonth); k <= Math.min(23, p.lastMonth); k++) {
      const handedOver = k >= book.inheritFrom[s];
      if ((handedOver ? book.pickEndInherited[s] : book.pickEnd[s]) <= book.pickStart[s]) continue;
      const ramp = p.firstMonth > 0 ? (RAMP[k - p.firstMonth] ?? 1) : 1;
      cap[s * 24 + k] = (handedOver ? p.base + inherited[s] : p.base) * ramp;
    }
  }
  return cap;
}

/**
 * Each seller's expected sales by month: capacity × seasonality × company growth × the person's own
 * trend, with a little month-to-month noise. Layout [month * sellers + j].
 */
function sellerWeights(cal: DemoCalendar, org: Org, capacity: Float64Array, seed: number): Float64Array {
  const rng = makeRng(seed, 'order-weights');
  const S = org.sellers.length;
  const w = new Float64Array(24 * S);
  for (let k = 0; k < 24; k++) {
    const season = SEASON[cal.months[k].month - 1] * COMPANY_GROWTH ** (k / 12);
    for (let j = 0; j < S; j++) {
      const s = org.sellers[j];
      const noise = Math.exp(0.12 * normal(rng));
      w[k * S + j] = capacity[s * 24 + k] * season * Math.exp((org.people[s].trend * (k - 11.5)) / 12) * noise;
    }
  }
  return w;
}

/**
 * Generates the orders over the 24 months in date order (so order numbers and the date index grow in
 * step). Each month, every seller gets a whole number of orders and a sales budget in proportion to their
 * expected sales; the orders are shuffled over the month's days, and each order's quantity aims at the
 * seller's remaining budget, so a person's results follow their capacity and trend rather than the luck
 * of a few large orders. amount = quantity × unit price (list price less a discount, in whole yuan);
 * profit = amount − cost × quantity. Each demo order has one line (line 1, the column's default since
 * schema 7): one order number, one row.
 */
export function createOrders(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  book: CustomerBook,
  size: DemoSize,
  seed: number,
  progress: DemoProgress,
): SalesLedger {
  const rng = makeRng(seed, 'orders');
  const count = size.orders;
  const S = org.sellers.length;
  const capacity = sellingCapacity(org, book);
  const weights = sellerWeights(cal, org, capacity, seed);
  const monthTotals = Array.from({ length: 24 }, (_, k) =>
    weights.subarray(k * S, (k + 1) * S).reduce((a, b) => a + b, 0),
  );
  const perMonth = apportion(count, monthTotals);
  const fenPerWeight = (size.averageOrderYuan * 100 * count) / monthTotals.reduce((a, b) => a + b, 0);

  const productCum = SEGMENTS.map((seg) => cumulative(PRODUCTS.map((p) => p.weight * (seg.affinity[p.category] ?? 1))));
  const channelCum = SEGMENTS.map((seg) => cumulative(seg.channels.map((c) => c[1])));
  const meanScale = SEGMENTS.reduce((a, seg) => a + seg.share * seg.scale, 0);
  const listFen = PRODUCTS.map((p) => p.listYuan * 100);
  const costFen = PRODUCTS.map((p) => p.costYuan * 100);
  const sellerIds = org.sellers.map((s) => org.people[s].id);

  const ledger: SalesLedger = {
    n: count,
    customer: new Int32Array(count),
    seller: new Int32Array(count),
    day: new Int16Array(count),
    amount: new Float64Array(count),
    profit: new Float64Array(count),
    actual: new Float64Array(org.people.length * 24),
    lastOrderDay: new Int16Array(book.n).fill(-1),
    capacity,
  };
  const budget = new Float64Array(S);
  const left = new Int32Array(S);
  const ins = new BulkInsert(
    db,
    'orders',
    [
      'id',
      'order_no',
      'date',
      'customer_id',
      'salesperson_id',
      'product_id',
      'quantity',
      'unit_price',
      'amount',
      'profit',
      'channel',
    ],
    progress,
  );
  const p = ins.p;
  let id = 0;
  for (let k = 0; k < 24; k++) {
    const month = cal.months[k];
    const monthWeights = weights.subarray(k * S, (k + 1) * S);
    const perSeller = apportion(perMonth[k], monthWeights);
    const slots = new Int32Array(perMonth[k]);
    let at = 0;
    for (let j = 0; j < S; j++) {
      // What a seller missed or overshot last month carries over (while they are still selling).
      budget[j] = perSeller[j] > 0 ? budget[j] + monthWeights[j] * fenPerWeight : 0;
      left[j] = perSeller[j];
      for (let n = 0; n < perSeller[j]; n++) slots[at++] = j;
    }
    shuffle(rng, slots);
    const perDay = apportion(perMonth[k], cal.dayWeight.subarray(month.firstDay, month.lastDay + 1));
    at = 0;
    for (let d = month.firstDay; d <= month.lastDay; d++) {
      const date = cal.days[d];
      const prefix = `SO${cal.compact[d]}-`;
      const n = perDay[d - month.firstDay];
      for (let seq = 1; seq <= n; seq++) {
        const j = slots[at++];
        const s = org.sellers[j];
        const from = book.pickStart[s];
        const to = k >= book.inheritFrom[s] ? book.pickEndInherited[s] : book.pickEnd[s];
        const c = book.pickList[from + pickSkewed(rng, to - from, 1.6)];
        const segIndex = book.segment[c];
        const seg = SEGMENTS[segIndex];
        const pi = pickWeighted(rng, productCum[segIndex]);
        const product = PRODUCTS[pi];
        const aim = (Math.max(budget[j], 0) / left[j]) * (seg.scale / meanScale) * Math.exp(0.35 * normal(rng));
        const discount = seg.discount[0] + rng() * (seg.discount[1] - seg.discount[0]);
        const guess = aim / listFen[pi];
        const qty = Math.min(product.qtyMax * 3, Math.max(1, Math.round(guess)));
        const unit = Math.round((listFen[pi] * (100 - discount - (qty >= 10 ? 2 : 0))) / 10_000) * 100;
        const amount = qty * unit;
        budget[j] -= amount;
        left[j]--;

        ledger.customer[id] = c;
        ledger.seller[id] = s;
        ledger.day[id] = d;
        ledger.amount[id] = amount;
        ledger.profit[id] = amount - costFen[pi] * qty;
        ledger.actual[s * 24 + k] += amount;
        ledger.lastOrderDay[c] = d;
        id++;
        const o = ins.row();
        p[o] = id;
        p[o + 1] = seq < 10_000 ? prefix + PAD4[seq] : prefix + seq;
        p[o + 2] = date;
        p[o + 3] = c + 1;
        p[o + 4] = sellerIds[j];
        p[o + 5] = pi + 1;
        p[o + 6] = qty;
        p[o + 7] = unit;
        p[o + 8] = amount;
        p[o + 9] = ledger.profit[id - 1];
        p[o + 10] = seg.channels[pickWeighted(rng, channelCum[segIndex])][0];
      }
    }
  }
  ins.end();
  return ledger;
}

/**
 * What the customers' grades read from the orders (customerOrderFigures in db/access/orders.ts: sales
 * and profit after `after` up to `to`, first and last order days), taken from the ledger rather than
 * from a million lines read back from the table just written.
 */
export function ledgerCustomerFigures(
  ledger: SalesLedger,
  cal: DemoCalendar,
  after: string,
  to: string,
): Map<number, CustomerOrderFigures> {
  const out = new Map<number, CustomerOrderFigures>();
  for (let i = 0; i < ledger.n; i++) {
    const date = cal.days[ledger.day[i]];
    if (date > to) continue;
    const id = ledger.customer[i] + 1;
    let f = out.get(id);
    if (!f) out.set(id, (f = { sales: 0, profit: 0, first: date, last: date }));
    else if (date < f.first) f.first = date;
    else if (date > f.last) f.last = date;
    if (date > after) {
      f.sales += ledger.amount[i];
      f.profit += ledger.profit[i];
    }
  }
  return out;
}

/** First and last order index (inclusive) whose day lies in [fromDay, toDay]; orders are in date order. */
export function orderRange(ledger: SalesLedger, fromDay: number, toDay: number): [number, number] {
  const lowerBound = (day: number) => {
    let lo = 0;
    let hi = ledger.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ledger.day[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lowerBound(fromDay), lowerBound(toDay + 1) - 1];
}
