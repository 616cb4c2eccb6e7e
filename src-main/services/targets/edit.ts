import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../contract';
import type { TargetChange, TierMetric } from '../../contract/targets';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { cellLabel, findNode, nodeById, parseAmount, periodIndex } from './cells';
import { setCell } from './distribute';
import { PERIOD_INDEX, PERIODS } from './periods';
import { loadPlan, nodeKey, rollUp, type Plan, type PlanNode } from './plan';
import { checkEditable, savePlan } from './store';

/** Typing, locking, pasting and undoing target cells (P2.2 hold and override; P2.6 workflow and audit). */

/** Names one change so that "undo" can find every row it touched: `set#k3x9…`. */
export const actionId = (action: string) => `${action}#${randomUUID().slice(0, 8)}`;

const result = (plan: Plan, s: { rowsChanged: number; cellsWritten: number }): TargetChange => ({
  year: plan.year,
  rowsChanged: s.rowsChanged,
  cellsWritten: s.cellsWritten,
  companyAnnual: plan.company.row[0],
});

/** Sets a person's stretch, challenge or proposal for the year (P2.2 tiers, bottom-up proposals). */
function setTier(ctx: ServiceContext, input: ParsedInput<'targets/set'> & { metric: TierMetric }): TargetChange {
  const { db } = ctx;
  const amount = parseAmount(input.amount);
  const plan = loadPlan(db, input.year);
  const n = findNode(plan, input);
  if (n.scope !== 'person' || periodIndex(input) !== 0)
    throw new WorkbenchError('targets/tier-person-only', { metric: input.metric });
  if (input.metric !== 'proposal') checkEditable(db, input.year, input.reason);
  const tiers = db
    .prepare(
      "SELECT metric, amount FROM target_cells WHERE year = ? AND scope = 'person' AND scope_id = ? AND period = 'Y' AND metric IN ('stretch', 'challenge', 'proposal')",
    )
    .all(input.year, n.id) as { metric: string; amount: number }[];
  const tier = (m: string) => tiers.find((x) => x.metric === m)?.amount;
  // Tiers rise: target ≤ stretch ≤ challenge (P2.2 item 5), so that rewards can rank them.
  if (input.metric === 'stretch' && amount < n.row[0])
    throw new WorkbenchError('targets/tier-below', { tier: input.metric, amount, below: n.row[0] });
  const stretch = tier('stretch');
  if (input.metric === 'challenge' && amount < Math.max(n.row[0], (stretch ?? 0) / 100))
    throw new WorkbenchError('targets/tier-below', {
      tier: input.metric,
      amount,
      below: Math.max(n.row[0], (stretch ?? 0) / 100),
    });
  const old = tier(input.metric);
  if (old === amount * 100) return result(plan, { rowsChanged: 0, cellsWritten: 0 });
  db.prepare(
    `INSERT INTO target_cells (year, scope, scope_id, period, metric, amount, locked, updated_at) VALUES (?, 'person', ?, 'Y', ?, ?, 0, ?)
     ON CONFLICT(year, scope, scope_id, period, metric) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at`,
  ).run(input.year, n.id, input.metric, amount * 100, nowIso());
  audit(db, {
    actor: ctx.actor,
    entity: 'target_row',
    entityId: `${input.year}:${nodeKey(n)}:${input.metric}`,
    field: actionId('set'),
    oldValue: old === undefined ? null : { amounts: [old / 100], locked: [] },
    newValue: { amounts: [amount], locked: [] },
    reason: input.reason ?? null,
  });
  return result(plan, { rowsChanged: 1, cellsWritten: 1 });
}

/** `targets set`: types an amount into one cell, optionally locking or unlocking it. */
export function setTarget(ctx: ServiceContext, input: ParsedInput<'targets/set'>): TargetChange {
  const { db } = ctx;
  return db.transaction(() => {
    if (input.metric === 'stretch' || input.metric === 'challenge' || input.metric === 'proposal')
      return setTier(ctx, { ...input, metric: input.metric });
    const amount = parseAmount(input.amount);
    checkEditable(db, input.year, input.reason);
    const plan = loadPlan(db, input.year, input.metric);
    const n = findNode(plan, input);
    const i = periodIndex(input);
    setCell(plan, n, i, amount, cellLabel(ctx.lang, plan.year));
    if (input.lock !== undefined) applyLock(n, i, input.lock);
    return result(plan, savePlan(ctx, plan, actionId('set'), input.reason));
  })();
}

/** Locks or unlocks a cell; a team's or the company's quarter or month locks all its people's. */
function applyLock(n: PlanNode, i: number, locked: boolean): void {
  if (n.scope === 'person' || i === 0) n.locked[i] = locked;
  else for (const p of n.scope === 'team' ? n.children : n.children.flatMap((x) => x.children)) p.locked[i] = locked;
}

/** Locks or unlocks one cell without changing amounts. */
export function lockTarget(ctx: ServiceContext, input: ParsedInput<'targets/lock'>): TargetChange {
  const { db } = ctx;
  return db.transaction(() => {
    checkEditable(db, input.year, input.reason);
    const plan = loadPlan(db, input.year, input.metric);
    const n = findNode(plan, input);
    applyLock(n, periodIndex(input), input.locked);
    return result(plan, savePlan(ctx, plan, actionId('lock'), input.reason));
  })();
}

/** A block of typed cells (pasted from Excel): each applied in turn like a typed cell; all or nothing. */
export function pasteTargets(ctx: ServiceContext, input: ParsedInput<'targets/paste'>): TargetChange {
  const { db } = ctx;
  return db.transaction(() => {
    checkEditable(db, input.year, input.reason);
    const plan = loadPlan(db, input.year, input.metric);
    const label = cellLabel(ctx.lang, plan.year);
    for (const c of input.cells) {
      const n = nodeById(plan, c.scope, c.id);
      let amount: number;
      try {
        amount = parseAmount(c.amount);
      } catch (e) {
        // Say which pasted cell was refused, not only what it held.
        if (e instanceof WorkbenchError)
          throw new WorkbenchError('targets/paste-cell', {
            cell: label(n, PERIOD_INDEX[c.period]),
            value: String(c.amount),
          });
        throw e;
      }
      setCell(plan, n, PERIOD_INDEX[c.period], amount, label);
    }
    return result(plan, savePlan(ctx, plan, actionId('paste'), input.reason));
  })();
}

/**
 * Undoes the latest change of a year's plan (a typed cell, a paste, a lock, a breakdown, an import):
 * every row it touched gets back its amounts and locks, as its audit rows recorded them.
 */
export function undoLast(
  ctx: ServiceContext,
  input: ParsedInput<'targets/undo'>,
): TargetChange & { undone: string | null } {
  const { db } = ctx;
  return db.transaction(() => {
    checkEditable(db, input.year, input.reason);
    const like = `${input.year}:%:${input.metric}`;
    const last = db
      .prepare(
        "SELECT field FROM audit_log WHERE entity = 'target_row' AND entity_id LIKE ? AND field LIKE '%#%' ORDER BY id DESC LIMIT 1",
      )
      .get(like) as { field: string } | undefined;
    const plan = loadPlan(db, input.year, input.metric);
    if (!last) return { ...result(plan, { rowsChanged: 0, cellsWritten: 0 }), undone: null };
    const rows = db
      .prepare(
        "SELECT entity_id AS entityId, old_value AS oldValue FROM audit_log WHERE entity = 'target_row' AND entity_id LIKE ? AND field = ?",
      )
      .all(like, last.field) as {
      entityId: string;
      oldValue: string | null;
    }[];
    for (const r of rows) {
      const [, scope, id] = r.entityId.split(':');
      const n =
        scope === 'company'
          ? plan.company
          : (scope === 'team' ? plan.teams : plan.people).find((x) => x.id === Number(id));
      if (!n) continue;
      const old = r.oldValue
        ? (JSON.parse(r.oldValue) as { amounts: (number | null)[]; locked: string[] })
        : { amounts: [], locked: [] };
      if (n.scope === 'person') for (let m = 5; m < 17; m++) n.row[m] = old.amounts[m] ?? 0;
      n.locked = PERIODS.map((p, i) => (n.scope === 'person' || i === 0) && old.locked.includes(p));
    }
    rollUp(plan);
    const s = savePlan(ctx, plan, actionId('undo'), input.reason);
    return { ...result(plan, s), undone: last.field.split('#')[0] };
  })();
}
