import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { RecruitPlan } from '../../contract/recruit';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

const SELECT = `
SELECT p.id, p.title, p.team_id AS teamId, t.name AS team, p.job_title AS jobTitle, p.headcount, p.criteria, p.channels,
       p.budget, p.start_date AS startDate, p.end_date AS endDate, rq.employee_no AS requestedBy, p.approval,
       ap.employee_no AS approvedBy, p.approved_at AS approvedAt, p.status, p.interview_items AS interviewItems,
       (SELECT count(*) FROM candidates c WHERE c.plan_id = p.id) AS applied,
       (SELECT count(*) FROM candidates c WHERE c.plan_id = p.id AND c.staff_id IS NOT NULL) AS hired,
       (SELECT COALESCE(sum(amount), 0) FROM recruitment_costs k WHERE k.plan_id = p.id) AS spent
FROM recruitment_plans p LEFT JOIN teams t ON t.id = p.team_id
LEFT JOIN staff rq ON rq.id = p.requested_by LEFT JOIN staff ap ON ap.id = p.approved_by`;

type Row = Omit<RecruitPlan, 'criteria' | 'channels' | 'interviewItems' | 'progress'> & {
  criteria: string | null;
  channels: string | null;
  interviewItems: string | null;
  applied: number;
  hired: number;
};

const json = <T>(s: string | null, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

function toPlan(r: Row): RecruitPlan {
  const { applied, hired, ...rest } = r;
  return {
    ...rest,
    budget: r.budget / 100,
    spent: r.spent / 100,
    criteria: json(r.criteria, {}),
    channels: json(r.channels, []),
    interviewItems: json(r.interviewItems, []),
    progress: { applied, hired, headcount: r.headcount },
  };
}

/** P5.1: the recruitment plans, each with its progress (applied, hired against headcount) and spending. */
export function listPlans(db: Database, status?: 'open' | 'closed'): RecruitPlan[] {
  const rows = (
    status
      ? db.prepare(`${SELECT} WHERE p.status = ? ORDER BY p.id DESC`).all(status)
      : db.prepare(`${SELECT} ORDER BY p.id DESC`).all()
  ) as Row[];
  return rows.map(toPlan);
}

export function getPlan(db: Database, id: number): RecruitPlan {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!row) throw new WorkbenchError('recruit/plan-not-found', { id });
  return toPlan(row);
}

export function staffIdOf(db: Database, employeeNo: string): number {
  const id = db.prepare('SELECT id FROM staff WHERE lower(employee_no) = lower(?)').pluck().get(employeeNo) as
    number | undefined;
  if (id === undefined) throw new WorkbenchError('recruit/person-not-found', { person: employeeNo });
  return id;
}

/** Creates or changes a plan; an approved plan's headcount, budget or criteria change sends it back to draft. */
export function savePlan(ctx: ServiceContext, input: ParsedInput<'recruit/plan-save'>): RecruitPlan {
  const { db } = ctx;
  return db.transaction(() => {
    if (input.startDate && input.endDate && input.endDate < input.startDate)
      throw new WorkbenchError('recruit/plan-dates', { start: input.startDate, end: input.endDate });
    if (input.teamId != null && !db.prepare('SELECT 1 FROM teams WHERE id = ?').get(input.teamId))
      throw new WorkbenchError('team/not-found', { id: input.teamId });
    const requestedBy = input.requestedBy ? staffIdOf(db, input.requestedBy) : null;
    const values = [
      input.title,
      input.teamId ?? null,
      input.jobTitle ?? null,
      input.headcount,
      JSON.stringify(input.criteria),
      JSON.stringify(input.channels),
      Math.round(input.budget * 100),
      input.startDate ?? null,
      input.endDate ?? null,
      requestedBy,
      JSON.stringify(input.interviewItems),
    ];
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            `INSERT INTO recruitment_plans (title, team_id, job_title, headcount, criteria, channels, budget, start_date, end_date, requested_by, interview_items, created_at, period)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...values, nowIso(), input.startDate?.slice(0, 4) ?? null).lastInsertRowid,
      );
      audit(db, { actor: ctx.actor, entity: 'recruitment_plan', entityId: id, newValue: input, reason: 'created' });
    } else {
      const before = getPlan(db, id);
      db.prepare(
        `UPDATE recruitment_plans SET title = ?, team_id = ?, job_title = ?, headcount = ?, criteria = ?, channels = ?, budget = ?, start_date = ?, end_date = ?, requested_by = ?, interview_items = ?,
         approval = CASE WHEN approval = 'approved' THEN 'draft' ELSE approval END WHERE id = ?`,
      ).run(...values, id);
      audit(db, {
        actor: ctx.actor,
        entity: 'recruitment_plan',
        entityId: id,
        oldValue: before,
        newValue: input,
        reason: 'changed',
      });
    }
    return getPlan(db, id);
  })();
}

/** The manager hands the plan to their superior for approval. */
export function submitPlan(ctx: ServiceContext, id: number): RecruitPlan {
  return ctx.db.transaction(() => {
    const plan = getPlan(ctx.db, id);
    if (!plan.requestedBy) throw new WorkbenchError('recruit/plan-no-requester', { title: plan.title });
    if (plan.approval === 'approved') throw new WorkbenchError('recruit/plan-already-approved', { title: plan.title });
    ctx.db.prepare("UPDATE recruitment_plans SET approval = 'submitted' WHERE id = ?").run(id);
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'recruitment_plan',
      entityId: id,
      field: 'approval',
      oldValue: plan.approval,
      newValue: 'submitted',
    });
    return getPlan(ctx.db, id);
  })();
}

/** P5.1: only the requesting manager's own superior approves (or rejects, with a reason). */
export function approvePlan(ctx: ServiceContext, input: ParsedInput<'recruit/plan-approve'>): RecruitPlan {
  const { db } = ctx;
  return db.transaction(() => {
    const plan = getPlan(db, input.id);
    if (plan.approval !== 'submitted') throw new WorkbenchError('recruit/plan-not-submitted', { title: plan.title });
    const approver = staffIdOf(db, input.approver);
    const superior = db
      .prepare('SELECT s.manager_id FROM staff s WHERE lower(s.employee_no) = lower(?)')
      .pluck()
      .get(plan.requestedBy) as number | null;
    if (superior !== approver)
      throw new WorkbenchError('recruit/approver-not-superior', {
        approver: input.approver,
        manager: plan.requestedBy,
      });
    if (!input.approve && !input.reason) throw new WorkbenchError('recruit/reason-required');
    const next = input.approve ? 'approved' : 'rejected';
    db.prepare('UPDATE recruitment_plans SET approval = ?, approved_by = ?, approved_at = ? WHERE id = ?').run(
      next,
      approver,
      nowIso(),
      input.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'recruitment_plan',
      entityId: input.id,
      field: 'approval',
      oldValue: plan.approval,
      newValue: next,
      reason: input.reason ?? null,
    });
    return getPlan(db, input.id);
  })();
}

export function closePlan(ctx: ServiceContext, id: number): RecruitPlan {
  return ctx.db.transaction(() => {
    getPlan(ctx.db, id);
    ctx.db.prepare("UPDATE recruitment_plans SET status = 'closed' WHERE id = ?").run(id);
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'recruitment_plan',
      entityId: id,
      field: 'status',
      oldValue: 'open',
      newValue: 'closed',
    });
    return getPlan(ctx.db, id);
  })();
}

/** Records what a channel cost the plan (job-site fee, agency fee), for cost per hire. */
export function addCost(ctx: ServiceContext, input: ParsedInput<'recruit/cost-add'>): { id: number } {
  return ctx.db.transaction(() => {
    getPlan(ctx.db, input.planId);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO recruitment_costs (plan_id, channel, date, amount, note) VALUES (?, ?, ?, ?, ?)')
        .run(input.planId, input.channel, input.date, Math.round(input.amount * 100), input.note ?? null)
        .lastInsertRowid,
    );
    audit(ctx.db, { actor: ctx.actor, entity: 'recruitment_cost', entityId: id, newValue: input });
    return { id };
  })();
}
