import type { Database } from 'better-sqlite3';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import type { DemoCalendar } from './calendar';
import type { CustomerBook } from './customers';
import { makeRng, pick, randInt } from './random';

const SUMMARIES: Record<'visit' | 'call' | 'email', string[]> = {
  visit: [
    '上门拜访，了解设备使用情况和新项目需求。',
    '拜访客户负责人，介绍智慧园区整体方案。',
    '现场回访，收集对售后服务的意见。',
    '陪同技术人员上门演示新品。',
  ],
  call: ['电话回访，客户反馈使用正常。', '电话沟通续购计划和预算时间。', '电话确认到货与安装进度。'],
  email: ['发送新品资料和报价单。', '邮件发送季度服务报告。'],
};

/**
 * Recent contacts with each buying customer (P4.2): a few visits, calls and e-mails at roughly the
 * customer's visit interval, so that the visit schedule shows some customers due and some overdue.
 */
export function createVisits(
  db: Database,
  cal: DemoCalendar,
  book: CustomerBook,
  seed: number,
  progress: DemoProgress,
): number {
  const rng = makeRng(seed, 'visits');
  const intervals = db
    .prepare('SELECT id, visit_interval_days AS days, owner_id AS owner FROM customers WHERE stage = ? ORDER BY id')
    .all('customer') as { id: number; days: number; owner: number }[];
  const ins = new BulkInsert(
    db,
    'interactions',
    ['customer_id', 'staff_id', 'date', 'kind', 'summary', 'next_date'],
    progress,
  );
  const lastDay = cal.days.length - 1;
  for (const c of intervals) {
    if (!book.buying[c.id - 1]) continue;
    let day = lastDay - Math.floor(rng() * c.days * 1.4);
    const visits = randInt(rng, 1, 3);
    for (let v = 0; v < visits && day >= 0; v++) {
      const r = rng();
      const kind = r < 0.6 ? 'visit' : r < 0.9 ? 'call' : 'email';
      const next = day + c.days;
      const o = ins.row();
      ins.p[o] = c.id;
      ins.p[o + 1] = c.owner;
      ins.p[o + 2] = cal.days[day];
      ins.p[o + 3] = kind;
      ins.p[o + 4] = pick(rng, SUMMARIES[kind]);
      ins.p[o + 5] = next <= lastDay ? cal.days[next] : addDays(cal.days[lastDay], next - lastDay);
      day -= c.days + randInt(rng, -5, 10);
    }
  }
  return ins.end();
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
