import { WorkbenchError } from '../../contract/errors';
import type { TargetChange } from '../../contract/targets';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { actionId } from './edit';
import { loadPlan } from './plan';
import { checkEditable, ensurePlanRow, planHeader, type PlanStatus } from './store';

/**
 * The plan's workflow (P2.6 item 6): draft → submitted → approved. A submitted plan can be reopened to
 * draft; an approved plan stays approved and changes only through adjustments that give a reason.
 */
const NEXT: Record<'submit' | 'approve' | 'reopen', { from: PlanStatus; to: PlanStatus }> = {
  submit: { from: 'draft', to: 'submitted' },
  approve: { from: 'submitted', to: 'approved' },
  reopen: { from: 'submitted', to: 'draft' },
};

export function moveWorkflow(
  ctx: ServiceContext,
  input: { year: number; action: 'submit' | 'approve' | 'reopen'; reason?: string | null },
): { year: number; status: PlanStatus } {
  const { db } = ctx;
  return db.transaction(() => {
    const { status } = planHeader(db, input.year);
    const step = NEXT[input.action];
    if (status !== step.from)
      throw new WorkbenchError('targets/bad-transition', { year: input.year, status, action: input.action });
    if (input.action === 'submit' && loadPlan(db, input.year).company.row[0] <= 0)
      throw new WorkbenchError('targets/no-annual', { year: input.year });
    ensurePlanRow(db, input.year);
    const approved = step.to === 'approved';
    db.prepare('UPDATE target_plans SET status = ?, approved_by = ?, approved_at = ? WHERE year = ?').run(
      step.to,
      approved ? ctx.actor : null,
      approved ? nowIso() : null,
      input.year,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'target_plan',
      entityId: input.year,
      field: 'status',
      oldValue: status,
      newValue: step.to,
      reason: input.reason ?? null,
    });
    return { year: input.year, status: step.to };
  })();
}

/** Stretch (冲刺) and challenge (挑战) levels for every salesperson: the year's target plus a percentage. */
export function setTiers(
  ctx: ServiceContext,
  input: { year: number; stretchPct: number; challengePct: number; reason?: string | null },
): TargetChange {
  const { db } = ctx;
  return db.transaction(() => {
    checkEditable(db, input.year, input.reason);
    if (input.challengePct < input.stretchPct)
      throw new WorkbenchError('targets/tier-below', {
        tier: 'challenge',
        amount: `${input.challengePct}%`,
        below: `${input.stretchPct}%`,
      });
    const plan = loadPlan(db, input.year);
    const at = nowIso();
    const action = actionId('tiers');
    const get = db.prepare(
      "SELECT amount FROM target_cells WHERE year = ? AND scope = 'person' AND scope_id = ? AND period = 'Y' AND metric = ?",
    );
    const put = db.prepare(
      `INSERT INTO target_cells (year, scope, scope_id, period, metric, amount, locked, updated_at) VALUES (?, 'person', ?, 'Y', ?, ?, 0, ?)
       ON CONFLICT(year, scope, scope_id, period, metric) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at`,
    );
    let written = 0;
    for (const p of plan.people) {
      for (const [metric, pct] of [
        ['stretch', input.stretchPct],
        ['challenge', input.challengePct],
      ] as const) {
        const amount = Math.round((p.row[0] * (100 + pct)) / 100);
        const old = (get.get(input.year, p.id, metric) as { amount: number } | undefined)?.amount;
        if (old === amount * 100) continue;
        put.run(input.year, p.id, metric, amount * 100, at);
        audit(db, {
          actor: ctx.actor,
          entity: 'target_row',
          entityId: `${input.year}:person:${p.id}:${metric}`,
          field: action,
          oldValue: old === undefined ? null : { amounts: [old / 100], locked: [] },
          newValue: { amounts: [amount], locked: [] },
          reason: input.reason ?? null,
        });
        written++;
      }
    }
    return { year: input.year, rowsChanged: written, cellsWritten: written, companyAnnual: plan.company.row[0] };
  })();
}
