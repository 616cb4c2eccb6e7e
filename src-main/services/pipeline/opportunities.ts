import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import {
  type BoardColumn,
  type DemoPrep,
  type Opportunity,
  STAGES,
  type Stage,
  type StageMove,
} from '../../contract/pipeline';
import { customerExists } from '../../db/access/customers';
import { firstOrderLineId } from '../../db/access/orders';
import { staffExists } from '../../db/access/staff';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today as localToday } from '../context';
import { pipelineSettings } from './settings';

const SELECT = `SELECT o.*, c.name AS customer_name, s.name AS staff_name, s.employee_no, s.team_id, p.name AS product_name, ord.order_no
  FROM opportunities o JOIN customers c ON c.id = o.customer_id LEFT JOIN staff s ON s.id = o.staff_id
  LEFT JOIN products p ON p.id = o.product_id LEFT JOIN orders ord ON ord.id = o.order_id`;

type Row = Record<string, unknown> & { id: number; stage: Stage; amount: number | null };

function toOpportunity(r: Row, prob: Record<Stage, number>, today: string): Opportunity {
  const amount = r.amount === null ? null : r.amount / 100;
  const since = r.stage_since as string | null;
  return {
    id: r.id,
    title: r.title as string,
    customerId: r.customer_id as number,
    customerName: r.customer_name as string,
    contact: r.contact as string | null,
    staffId: r.staff_id as number | null,
    staffName: r.staff_name as string | null,
    employeeNo: r.employee_no as string | null,
    teamId: r.team_id as number | null,
    productId: r.product_id as number | null,
    productName: r.product_name as string | null,
    source: r.source as string | null,
    stage: r.stage,
    amount,
    probability: prob[r.stage],
    weighted: Math.round((r.amount ?? 0) * prob[r.stage]) / 10000,
    expectedDate: r.expected_date as string | null,
    stageSince: since,
    daysInStage: since ? dayjs(today).diff(since.slice(0, 10), 'day') : null,
    lostReason: r.lost_reason as string | null,
    competitor: r.competitor as string | null,
    orderNo: r.order_no as string | null,
  };
}

export interface OpportunityFilter {
  teamId?: number;
  staffId?: number;
  productId?: number;
  from?: string;
  to?: string;
  stage?: Stage;
}

export function listOpportunities(db: Database, f: OpportunityFilter, today = localToday()): Opportunity[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.teamId) {
    where.push('s.team_id = :teamId');
    params.teamId = f.teamId;
  }
  if (f.staffId) {
    where.push('o.staff_id = :staffId');
    params.staffId = f.staffId;
  }
  if (f.productId) {
    where.push('o.product_id = :productId');
    params.productId = f.productId;
  }
  if (f.from) {
    where.push('o.expected_date >= :from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('o.expected_date <= :to');
    params.to = f.to;
  }
  if (f.stage) {
    where.push('o.stage = :stage');
    params.stage = f.stage;
  }
  const rows = db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.expected_date, o.id`)
    .all(params) as Row[];
  const prob = pipelineSettings(db).probabilities;
  return rows.map((r) => toOpportunity(r, prob, today));
}

/** P3.1: the board, one column per stage in the policy's order. */
export function board(db: Database, f: OpportunityFilter): BoardColumn[] {
  const all = listOpportunities(db, f);
  const prob = pipelineSettings(db).probabilities;
  return STAGES.map((stage) => {
    const cards = all.filter((o) => o.stage === stage);
    return {
      stage,
      probability: prob[stage],
      count: cards.length,
      total: Math.round(cards.reduce((t, o) => t + (o.amount ?? 0) * 100, 0)) / 100,
      weighted: Math.round(cards.reduce((t, o) => t + o.weighted * 100, 0)) / 100,
      cards,
    };
  });
}

export function getOpportunity(db: Database, id: number): Opportunity {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new WorkbenchError('pipeline/not-found', { id });
  return toOpportunity(r, pipelineSettings(db).probabilities, localToday());
}

function checkRefs(db: Database, p: { customerId?: number; staffId?: number | null; productId?: number | null }): void {
  if (p.customerId !== undefined && !customerExists(db, p.customerId))
    throw new WorkbenchError('pipeline/unknown-customer', { id: p.customerId });
  if (p.staffId && !staffExists(db, p.staffId)) throw new WorkbenchError('pipeline/unknown-staff', { id: p.staffId });
  if (p.productId && !db.prepare('SELECT 1 FROM products WHERE id = ?').get(p.productId))
    throw new WorkbenchError('pipeline/unknown-product', { id: p.productId });
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));

/** P3.1: a new opportunity; a won one needs its amount. */
export function createOpportunity(ctx: ServiceContext, input: ParsedInput<'opportunities/create'>): Opportunity {
  const db = ctx.db;
  const id = db.transaction(() => {
    checkRefs(db, input);
    if (input.stage === 'won' && !input.amount)
      throw new WorkbenchError('pipeline/won-without-amount', { title: input.title });
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO opportunities (customer_id, staff_id, title, stage, amount, expected_date, contact, source, product_id, stage_since, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        input.staffId ?? null,
        input.title,
        input.stage,
        fen(input.amount),
        input.expectedDate ?? null,
        input.contact ?? null,
        input.source ?? null,
        input.productId ?? null,
        at,
        at,
      );
    const oid = Number(r.lastInsertRowid);
    db.prepare(
      'INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at, actor) VALUES (?, NULL, ?, ?, ?)',
    ).run(oid, input.stage, at, ctx.actor);
    audit(db, { actor: ctx.actor, entity: 'opportunity', entityId: oid, field: 'created', newValue: input.title });
    return oid;
  })();
  return getOpportunity(db, id);
}

export function updateOpportunity(ctx: ServiceContext, input: ParsedInput<'opportunities/update'>): Opportunity {
  const db = ctx.db;
  db.transaction(() => {
    const before = getOpportunity(db, input.id);
    const p = input.patch;
    checkRefs(db, p);
    if (before.stage === 'won' && p.amount === null)
      throw new WorkbenchError('pipeline/won-without-amount', { title: before.title });
    const cols: Record<string, unknown> = {
      title: p.title,
      customer_id: p.customerId,
      contact: p.contact,
      staff_id: p.staffId,
      product_id: p.productId,
      source: p.source,
      amount: p.amount === undefined ? undefined : fen(p.amount),
      expected_date: p.expectedDate,
    };
    const set = Object.entries(cols).filter(([, v]) => v !== undefined);
    if (!set.length) return;
    db.prepare(`UPDATE opportunities SET ${set.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
      ...set.map(([, v]) => v),
      input.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'opportunity',
      entityId: input.id,
      field: 'update',
      oldValue: before,
      newValue: p,
    });
  })();
  return getOpportunity(db, input.id);
}

/** P3.1: moves an opportunity to a stage, kept in its history; won needs an amount, lost a reason. */
export function moveOpportunity(ctx: ServiceContext, input: ParsedInput<'opportunities/move'>): Opportunity {
  const db = ctx.db;
  db.transaction(() => {
    const o = getOpportunity(db, input.id);
    const amount = input.amount ?? o.amount;
    if (input.stage === 'won' && !amount) throw new WorkbenchError('pipeline/won-without-amount', { title: o.title });
    if (input.stage === 'lost' && !input.lostReason)
      throw new WorkbenchError('pipeline/lost-without-reason', { title: o.title });
    let orderId: number | null = null;
    if (input.orderNo) {
      orderId = firstOrderLineId(db, input.orderNo) ?? null;
      if (orderId === null) throw new WorkbenchError('pipeline/unknown-order', { orderNo: input.orderNo });
    }
    if (o.stage === input.stage && input.amount === undefined && !orderId) return;
    const at = input.at ? `${input.at}T00:00:00Z` : nowIso();
    db.prepare(
      `UPDATE opportunities SET stage = ?, amount = ?, stage_since = CASE WHEN stage = ? THEN stage_since ELSE ? END,
         lost_reason = ?, competitor = ?, order_id = COALESCE(?, order_id) WHERE id = ?`,
    ).run(
      input.stage,
      fen(amount),
      input.stage,
      at,
      input.stage === 'lost' ? input.lostReason : null,
      input.stage === 'lost' ? (input.competitor ?? null) : null,
      orderId,
      o.id,
    );
    if (o.stage !== input.stage) {
      db.prepare(
        'INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?)',
      ).run(o.id, o.stage, input.stage, at, ctx.actor);
      audit(db, {
        actor: ctx.actor,
        entity: 'opportunity',
        entityId: o.id,
        field: 'stage',
        oldValue: o.stage,
        newValue: input.stage,
        reason: input.lostReason ?? null,
      });
    }
  })();
  return getOpportunity(db, input.id);
}

export function stageHistory(db: Database, id: number): StageMove[] {
  getOpportunity(db, id);
  return db
    .prepare(
      'SELECT from_stage AS "from", to_stage AS "to", at, actor FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY at, id',
    )
    .all(id) as StageMove[];
}

export function getDemo(db: Database, id: number): DemoPrep | null {
  getOpportunity(db, id);
  const r = db.prepare('SELECT * FROM opportunity_demos WHERE opportunity_id = ?').get(id) as
    Record<string, string | null> | undefined;
  if (!r) return null;
  return {
    opportunityId: id,
    demoDate: r.demo_date!,
    productLine: r.product_line,
    checklist: JSON.parse(r.checklist!),
    attendees: JSON.parse(r.attendees!),
    outcome: r.outcome,
  };
}

/** P3.2: the demo's date, checklist (from the product line's template when none is given), attendees and outcome. */
export function setDemo(ctx: ServiceContext, input: ParsedInput<'opportunities/set-demo'>): DemoPrep {
  const db = ctx.db;
  db.transaction(() => {
    const before = getDemo(db, input.id);
    const templates = pipelineSettings(db).demoTemplates;
    const checklist =
      input.checklist ??
      before?.checklist ??
      (templates[input.productLine ?? ''] ?? templates.default ?? []).map((item) => ({ item, done: false }));
    db.prepare(
      `INSERT INTO opportunity_demos (opportunity_id, demo_date, product_line, checklist, attendees, outcome) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(opportunity_id) DO UPDATE SET demo_date = excluded.demo_date, product_line = excluded.product_line, checklist = excluded.checklist,
         attendees = excluded.attendees, outcome = excluded.outcome`,
    ).run(
      input.id,
      input.demoDate,
      input.productLine ?? null,
      JSON.stringify(checklist),
      JSON.stringify(input.attendees),
      input.outcome ?? null,
    );
    db.prepare('UPDATE opportunities SET demo_date = ? WHERE id = ?').run(input.demoDate, input.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'opportunity',
      entityId: input.id,
      field: 'demo',
      oldValue: before,
      newValue: { ...input, checklist },
    });
  })();
  return getDemo(db, input.id)!;
}
