import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { OPEN_STAGES, type Stage } from '../../contract/pipeline';
import { DEFAULT_TICKET_SETTINGS } from '../tickets/settings';
import { putSetting } from '../system/settings';
import { stamp, type DemoCalendar } from './calendar';
import type { Org } from './organisation';
import { makeRng, pick, randInt } from './random';

const COMPETITORS = ['海康威视', '大华股份', '宇视科技', '华为', '天地伟业'];
const LOST_REASONS = ['价格偏高', '竞争对手方案更贴合', '预算取消', '交付周期太长', '客户内部决策变化'];
const SOURCES = ['老客户转介绍', '展会', '官网咨询', '电话开发', '渠道伙伴'];
const STAGE_ORDER: Stage[] = ['needs', 'proposal', 'demo', 'negotiation', 'contract'];

/**
 * The demo's sales process (P3.1–P3.3) and service detail (P4.4–P4.6): a pipeline per seller with some
 * deals stalled for months, contracts in every status with a few awaiting approval, and the tickets the
 * demo already wrote given a severity, times of day, waits on the customer, reopens and follow-ups, so
 * that a year of service figures shows breaches. Deterministic for a seed.
 */
export function createSalesProcess(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  customers: number,
  products: number,
  averageOrderYuan: number,
  seed: number,
): void {
  const rng = makeRng(seed, 'sales-process');
  const today = cal.today;
  const day = (offset: number) => dayjs(today).add(offset, 'day').format('YYYY-MM-DD');
  const sellers = org.sellers.filter((i) => !org.people[i].leftDate);

  const opp = db.prepare(
    `INSERT INTO opportunities (customer_id, staff_id, title, stage, amount, expected_date, contact, source, product_id, lost_reason, competitor, stage_since, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hist = db.prepare(
    'INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?)',
  );
  const demo = db.prepare(
    "INSERT INTO opportunity_demos (opportunity_id, demo_date, product_line, checklist, attendees, outcome) VALUES (?, ?, '默认', ?, ?, ?)",
  );
  const product = db.prepare('SELECT name FROM products WHERE id = ?').pluck();
  for (const s of sellers) {
    const person = org.people[s];
    const n = randInt(rng, 5, 10);
    for (let k = 0; k < n; k++) {
      const customer = randInt(rng, 1, customers);
      const pid = randInt(rng, 1, products);
      const amount = Math.round(averageOrderYuan * (2 + rng() * 18)) * 100;
      const closed = rng() < 0.3;
      const stageIndex = closed ? -1 : Math.min(4, Math.floor(rng() * 5));
      const stage: Stage = closed ? (rng() < 0.55 ? 'won' : 'lost') : STAGE_ORDER[stageIndex];
      // about one open deal in six has sat in its stage for two to four months: stalled
      const stalled = !closed && rng() < 0.17;
      const since = stalled ? day(-randInt(rng, 60, 120)) : day(-randInt(rng, 1, 40));
      const expected = closed ? since : stalled ? day(-randInt(rng, 0, 30)) : day(randInt(rng, -5, 120));
      const created = dayjs(since)
        .subtract(randInt(rng, 10, 90), 'day')
        .format('YYYY-MM-DD');
      const r = opp.run(
        customer,
        person.id,
        `${product.get(pid)} · ${pick(rng, ['新建', '改造', '扩容', '升级'])}项目`,
        stage,
        amount,
        expected,
        null,
        pick(rng, SOURCES),
        pid,
        stage === 'lost' ? pick(rng, LOST_REASONS) : null,
        stage === 'lost' ? pick(rng, COMPETITORS) : null,
        stamp(since),
        stamp(created),
      );
      const id = Number(r.lastInsertRowid);
      const path = closed ? [...STAGE_ORDER.slice(0, randInt(rng, 1, 5)), stage] : STAGE_ORDER.slice(0, stageIndex + 1);
      const step = Math.max(1, Math.floor(dayjs(since).diff(created, 'day') / path.length));
      path.forEach((st, i) =>
        hist.run(
          id,
          i === 0 ? null : path[i - 1],
          st,
          stamp(
            i === path.length - 1
              ? since
              : dayjs(created)
                  .add(i * step, 'day')
                  .format('YYYY-MM-DD'),
          ),
          person.name,
        ),
      );
      if (stage === 'demo' || (OPEN_STAGES.indexOf(stage) > 2 && rng() < 0.5)) {
        const done = stage !== 'demo';
        demo.run(
          id,
          done ? since : day(randInt(rng, 1, 20)),
          JSON.stringify(
            ['演示方案与讲解稿', '演示设备与备用机', '网络与账号', '产品资料与报价单'].map((item) => ({
              item,
              done: done || rng() < 0.5,
            })),
          ),
          JSON.stringify([person.name]),
          done ? '客户认可方案' : null,
        );
      }
    }
  }

  // Contracts: every status, a few awaiting approval with the checklist done; the director approves above the higher threshold.
  putSetting(
    db,
    'contracts.settings',
    JSON.stringify({
      managerDiscountPct: 10,
      managerAmount: 500_000,
      secondDiscountPct: 20,
      secondAmount: 2_000_000,
      secondApprover: org.people[org.director].employeeNo,
    }),
  );
  const contract = db.prepare(
    `INSERT INTO contracts (contract_no, customer_id, staff_id, amount, list_amount, products, standard_payment, payment_terms, delivery_terms, start_date, end_date, status, checklist, checklist_by, checklist_at, signed_date, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '到货后 30 日内安装验收', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const inst = db.prepare(
    'INSERT INTO contract_instalments (contract_id, seq, due_date, amount, paid_date) VALUES (?, ?, ?, ?, ?)',
  );
  const approval = db.prepare(
    "INSERT INTO contract_approvals (contract_id, role, approver_id, at, actor) VALUES (?, 'manager', ?, ?, '演示')",
  );
  const statuses = [
    'draft',
    'in_review',
    'in_review',
    'approved',
    'signed',
    'in_force',
    'in_force',
    'in_force',
    'completed',
    'terminated',
  ] as const;
  const full = JSON.stringify({ price: true, payment: true, delivery: true, penalty: true, legal: true });
  const count = Math.max(30, Math.round(sellers.length * 1.5));
  for (let k = 0; k < count; k++) {
    const s = org.people[pick(rng, sellers)];
    const status = statuses[k % statuses.length];
    const list = Math.round(averageOrderYuan * (3 + rng() * 60)) * 100;
    const discount = pick(rng, [0, 0.05, 0.08, 0.1, 0.12, 0.15, 0.22]);
    const amount = Math.round((list * (1 - discount)) / 100) * 100;
    const start = day(-randInt(rng, 30, 400));
    const end = dayjs(start)
      .add(randInt(rng, 6, 24), 'month')
      .format('YYYY-MM-DD');
    const reviewed = status !== 'draft';
    const signed = ['signed', 'in_force', 'completed', 'terminated'].includes(status) ? start : null;
    const r = contract.run(
      `HT${today.slice(0, 4)}-${String(k + 1).padStart(4, '0')}`,
      randInt(rng, 1, customers),
      s.id,
      amount,
      list,
      product.get(randInt(rng, 1, products)),
      rng() < 0.85 ? 1 : 0,
      '30% 预付，60% 到货，10% 质保金',
      start,
      end,
      status,
      reviewed ? full : null,
      reviewed ? '演示' : null,
      reviewed ? stamp(start) : null,
      signed,
      stamp(start),
    );
    const id = Number(r.lastInsertRowid);
    const parts = [Math.round(amount * 0.3), Math.round(amount * 0.6)];
    parts.push(amount - parts[0] - parts[1]);
    [
      start,
      dayjs(start).add(2, 'month').format('YYYY-MM-DD'),
      dayjs(end).subtract(1, 'month').format('YYYY-MM-DD'),
    ].forEach((due, i) => {
      // most paid on time; some overdue stay unpaid (receivables)
      const paid = signed && due < today && (status === 'completed' || rng() < 0.8) ? due : null;
      inst.run(id, i + 1, due, parts[i], paid);
    });
    if (['approved', 'signed', 'in_force', 'completed', 'terminated'].includes(status) && s.manager >= 0)
      approval.run(id, org.people[s.manager].id, stamp(start));
  }

  // Tickets (P4.6): severity from the kind's urgency, times of day, targets in working hours by severity.
  const sla = DEFAULT_TICKET_SETTINGS.sla;
  db.exec(`
    UPDATE tickets SET
      severity = CASE WHEN complaint = 1 AND target_hours <= 24 THEN 'critical' WHEN target_hours <= 24 THEN 'high' WHEN target_hours <= 48 THEN 'medium' ELSE 'low' END,
      product_id = (SELECT product_id FROM orders o WHERE o.id = tickets.order_id),
      opened_at = opened_date || 'T' || printf('%02d:%02d', 9 + (id * 7) % 9, (id * 13) % 60);
    UPDATE tickets SET
      response_target_hours = CASE severity WHEN 'critical' THEN ${sla.critical.response} WHEN 'high' THEN ${sla.high.response} WHEN 'medium' THEN ${sla.medium.response} ELSE ${sla.low.response} END,
      target_hours = CASE severity WHEN 'critical' THEN ${sla.critical.resolution} WHEN 'high' THEN ${sla.high.resolution} WHEN 'medium' THEN ${sla.medium.resolution} ELSE ${sla.low.resolution} END,
      first_response_at = CASE WHEN status = 'new' THEN NULL ELSE opened_date || 'T' || printf('%02d:%02d', min(17, 9 + (id * 7) % 9 + (id % 3)), (id * 13) % 60) END,
      resolved_at = CASE WHEN resolved_date IS NULL THEN NULL ELSE max(opened_date || 'T' || printf('%02d:%02d', 9 + (id * 7) % 9, (id * 13) % 60), resolved_date || 'T' || printf('%02d:00', 10 + id % 8)) END,
      followup_due = CASE WHEN resolved_date IS NULL THEN NULL ELSE date(resolved_date, '+3 day') END,
      followup_result = CASE WHEN status = 'closed' THEN CASE id % 4 WHEN 0 THEN '客户对处理结果满意' WHEN 1 THEN '已恢复正常使用' WHEN 2 THEN '客户希望缩短响应时间' ELSE '满意，愿意推荐' END END,
      reopened = CASE WHEN resolved_date IS NOT NULL AND id % 23 = 0 THEN 1 ELSE 0 END;
    UPDATE tickets SET first_response_at = opened_at WHERE first_response_at < opened_at;
    UPDATE tickets SET closed_at = resolved_at WHERE status = 'closed';
    INSERT INTO ticket_pauses (ticket_id, start_at, end_at)
      SELECT id, date(opened_date, '+1 day') || 'T10:00', date(opened_date, '+1 day') || 'T16:00' FROM tickets WHERE id % 10 = 0 AND resolved_date > date(opened_date, '+1 day');
    UPDATE tickets SET status = 'waiting', first_response_at = COALESCE(first_response_at, opened_at)
      WHERE id IN (SELECT id FROM tickets WHERE status IN ('new', 'in_progress') AND id % 2 = 0 UNION SELECT max(id) FROM tickets WHERE status IN ('new', 'in_progress'));
    INSERT INTO ticket_pauses (ticket_id, start_at) SELECT id, first_response_at FROM tickets WHERE status = 'waiting';
    INSERT INTO ticket_events (ticket_id, at, actor, kind, from_value, to_value) SELECT id, opened_at, '演示', 'status', NULL, 'new' FROM tickets;
  `);
}
