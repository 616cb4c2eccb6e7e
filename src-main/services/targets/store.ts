import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { nowIso, type ServiceContext } from '../context';
import { PERIODS } from './periods';
import { allNodes, nodeKey, type Plan } from './plan';

/**
 * Writing a plan back (P2.2, P2.6 workflow): only the cells that changed are written, and every node
 * whose amounts or locks changed gets one audit row holding its 17 amounts and locked periods before
 * and after, so the history of any single cell can be read back (cell-history.ts).
 */

export type PlanStatus = 'draft' | 'submitted' | 'approved';

interface PlanHeader {
  year: number;
  status: PlanStatus;
  method: string | null;
  growthPct: number | null;
  weights: number[] | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

export function planHeader(db: Database, year: number): PlanHeader {
  const r = db
    .prepare(
      'SELECT year, status, method, growth_pct AS growthPct, weights, approved_by AS approvedBy, approved_at AS approvedAt FROM target_plans WHERE year = ?',
    )
    .get(year) as (Omit<PlanHeader, 'weights'> & { weights: string | null }) | undefined;
  if (!r)
    return { year, status: 'draft', method: null, growthPct: null, weights: null, approvedBy: null, approvedAt: null };
  let weights: number[] | null = null;
  try {
    weights = r.weights ? (JSON.parse(r.weights) as number[]) : null;
  } catch {
    weights = null;
  }
  return { ...r, weights };
}

/**
 * Whether the year's plan may change now (P2.6 workflow): a submitted plan waits for approval (reopen it
 * to change it); an approved plan changes only through an adjustment that gives a reason.
 */
export function checkEditable(db: Database, year: number, reason: string | null | undefined): void {
  const { status } = planHeader(db, year);
  if (status === 'submitted') throw new WorkbenchError('targets/plan-submitted', { year });
  if (status === 'approved' && !reason?.trim()) throw new WorkbenchError('targets/adjustment-needs-reason', { year });
}

export function ensurePlanRow(db: Database, year: number): void {
  db.prepare("INSERT INTO target_plans (year, status) VALUES (?, 'draft') ON CONFLICT(year) DO NOTHING").run(year);
}

const lockedList = (locked: boolean[]) => PERIODS.filter((_, i) => locked[i]);

interface SaveSummary {
  /** Nodes (company, teams, people) whose amounts or locks changed. */
  rowsChanged: number;
  cellsWritten: number;
}

/** Writes every changed cell of the plan and audits each changed node; call inside a transaction. */
/** Told of every cell written (an import logs them so that the whole import can be undone). */
interface CellWriteLog {
  inserted(table: string, rowId: number): void;
  updated(table: string, rowId: number, oldRow: Record<string, unknown>): void;
}

export function savePlan(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  plan: Plan,
  action: string,
  reason: string | null | undefined,
  log?: CellWriteLog,
): SaveSummary {
  const { db } = ctx;
  ensurePlanRow(db, plan.year);
  const at = nowIso();
  // Existing cells are updated by row id (measured ≈ 3× faster than an upsert through the unique index).
  const update = db.prepare('UPDATE target_cells SET amount = ?, locked = ?, updated_at = ? WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO target_cells (year, scope, scope_id, period, metric, amount, locked, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The same rows audit() writes, through one prepared statement: a breakdown audits ≈ 1,000 rows and
  // preparing the statement for each took half the breakdown's time on the large demo.
  const auditRow = db.prepare(
    'INSERT INTO audit_log (at, actor, entity, entity_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let rowsChanged = 0;
  let cellsWritten = 0;
  for (const n of allNodes(plan)) {
    const key = nodeKey(n);
    const old = plan.stored.get(key);
    // Teams and the company keep a lock only on their year; their other locks live on their people.
    const locked = n.scope === 'person' ? n.locked : n.locked.map((l, i) => i === 0 && l);
    let changed = false;
    const ids = old ? [...old.ids] : new Array<number | null>(17).fill(null);
    for (let i = 0; i < 17; i++) {
      if (old && old.row[i] === n.row[i] && old.locked[i] === locked[i]) continue;
      const rowId = old?.ids[i];
      if (rowId != null) {
        log?.updated('target_cells', rowId, { amount: (old!.row[i] ?? 0) * 100, locked: old!.locked[i] ? 1 : 0 });
        update.run(n.row[i] * 100, locked[i] ? 1 : 0, at, rowId);
      } else {
        ids[i] = Number(
          insert.run(plan.year, n.scope, n.id, PERIODS[i], plan.metric, n.row[i] * 100, locked[i] ? 1 : 0, at)
            .lastInsertRowid,
        );
        log?.inserted('target_cells', ids[i]!);
      }
      cellsWritten++;
      changed = true;
    }
    if (!changed) continue;
    rowsChanged++;
    auditRow.run(
      at,
      ctx.actor,
      'target_row',
      `${plan.year}:${key}:${plan.metric}`,
      action,
      old ? JSON.stringify({ amounts: old.row, locked: lockedList(old.locked) }) : null,
      JSON.stringify({ amounts: n.row, locked: lockedList(locked) }),
      reason?.trim() || null,
    );
    plan.stored.set(key, { row: [...n.row], locked: [...locked], ids });
  }
  return { rowsChanged, cellsWritten };
}
