import type { Database } from 'better-sqlite3';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import type { DemoCalendar } from './calendar';
import type { Org } from './organisation';
import type { SalesLedger } from './orders';
import { cumulative, makeRng, normal, pick, pickWeighted, randInt } from './random';

interface TicketKind {
  category: string;
  department: string;
  targetHours: number;
  /** Share raised as a complaint. */
  complaint: number;
  weight: number;
  descriptions: string[];
}

const KINDS: TicketKind[] = [
  {
    category: '安装调试',
    department: '技术支持部',
    targetHours: 48,
    complaint: 0.1,
    weight: 18,
    descriptions: ['设备安装后无法接入平台，需要工程师现场调试。', '新购设备需要安装调试及参数配置。'],
  },
  {
    category: '产品故障',
    department: '售后服务部',
    targetHours: 48,
    complaint: 0.3,
    weight: 25,
    descriptions: ['设备频繁重启，影响正常使用。', '屏幕出现花屏，触控失灵。', '摄像机夜间画面模糊，需检修。'],
  },
  {
    category: '物流延误',
    department: '物流部',
    targetHours: 24,
    complaint: 0.4,
    weight: 10,
    descriptions: ['货物超过约定日期未送达。', '到货包装破损，部分配件缺失。'],
  },
  {
    category: '发票问题',
    department: '财务部',
    targetHours: 72,
    complaint: 0.15,
    weight: 8,
    descriptions: ['发票抬头有误，需要重开。', '客户要求改开增值税专用发票。'],
  },
  {
    category: '质量投诉',
    department: '质量管理部',
    targetHours: 72,
    complaint: 1,
    weight: 6,
    descriptions: ['同一批次多台设备出现故障，客户要求书面说明。'],
  },
  {
    category: '使用培训',
    department: '技术支持部',
    targetHours: 72,
    complaint: 0.05,
    weight: 10,
    descriptions: ['客户新员工需要系统操作培训。', '客户希望增加管理平台高级功能培训。'],
  },
  {
    category: '退换货',
    department: '售后服务部',
    targetHours: 48,
    complaint: 0.5,
    weight: 10,
    descriptions: ['型号与需求不符，申请换货。', '到货即损坏，申请退货。'],
  },
  {
    category: '服务态度',
    department: '销售部',
    targetHours: 24,
    complaint: 1,
    weight: 4,
    descriptions: ['客户反映销售人员承诺未兑现，沟通不及时。'],
  },
];

/**
 * After-sales tickets raised a few days to weeks after an order. People whom customers rate lower get
 * more tickets and more complaints; recent tickets are still open, a few old ones are overdue.
 * Returns how many were written and, per customer, the day of their first complaint (-1 for none).
 */
export function createTickets(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  ledger: SalesLedger,
  count: number,
  seed: number,
  progress: DemoProgress,
): { count: number; complaintDay: Int16Array } {
  const rng = makeRng(seed, 'tickets');
  const lastDay = cal.days.length - 1;
  const kindCum = cumulative(KINDS.map((k) => k.weight));
  const drawn: { order: number; open: number; kind: number }[] = [];
  while (drawn.length < count) {
    const order = Math.floor(rng() * ledger.n);
    const open = ledger.day[order] + randInt(rng, 2, 45);
    const quality = org.people[ledger.seller[order]].quality;
    if (open > lastDay || rng() > 0.55 - 0.4 * quality) continue;
    drawn.push({ order, open, kind: pickWeighted(rng, kindCum) });
  }
  drawn.sort((a, b) => a.open - b.open || a.order - b.order);

  const complaintDay = new Int16Array(ledger.lastOrderDay.length).fill(-1);
  const ins = new BulkInsert(
    db,
    'tickets',
    [
      'id',
      'ticket_no',
      'customer_id',
      'order_id',
      'staff_id',
      'department',
      'category',
      'description',
      'complaint',
      'opened_date',
      'target_hours',
      'resolved_date',
      'status',
    ],
    progress,
  );
  const p = ins.p;
  let seq = 0;
  drawn.forEach((t, i) => {
    seq = i > 0 && drawn[i - 1].open === t.open ? seq + 1 : 1;
    const kind = KINDS[t.kind];
    const sellerIndex = ledger.seller[t.order];
    const seller = org.people[sellerIndex];
    const handler = seller.leftDate && cal.days[t.open] > seller.leftDate ? org.people[seller.heir] : seller;
    const complaint = rng() < kind.complaint - 0.15 * seller.quality ? 1 : 0;
    const customer = ledger.customer[t.order];
    if (complaint && complaintDay[customer] < 0) complaintDay[customer] = t.open;
    // About three in four are resolved within the target time; fewer for people customers rate low.
    const days = Math.max(
      0,
      Math.floor((kind.targetHours / 24) * Math.exp(-0.4 + 0.6 * normal(rng) - 0.3 * seller.quality)),
    );
    const stuck = rng() < 0.03;
    const resolved = stuck ? -1 : t.open + days;
    const done = resolved >= 0 && resolved <= lastDay;
    const o = ins.row();
    p[o] = i + 1;
    p[o + 1] = `SR${cal.compact[t.open]}-${String(seq).padStart(3, '0')}`;
    p[o + 2] = customer + 1;
    p[o + 3] = t.order + 1;
    p[o + 4] = handler.id;
    p[o + 5] = kind.department;
    p[o + 6] = kind.category;
    p[o + 7] = pick(rng, kind.descriptions);
    p[o + 8] = complaint;
    p[o + 9] = cal.days[t.open];
    p[o + 10] = kind.targetHours;
    p[o + 11] = done ? cal.days[resolved] : null;
    p[o + 12] = done ? (rng() < 0.7 ? 'closed' : 'resolved') : rng() < 0.5 ? 'new' : 'in_progress';
  });
  return { count: ins.end(), complaintDay };
}
