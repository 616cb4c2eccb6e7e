import type { Database } from 'better-sqlite3';
import type { TargetCellHistoryEntry } from '../../contract/targets';
import { PERIOD_INDEX } from './periods';

/**
 * The audit trail of one target cell (P2.6 item 6), newest first: every change of its amount or lock,
 * read from the row-level audit entries that each change writes (store.ts), with the plan's own
 * workflow steps (submitted, approved) in between.
 */
export function cellHistory(
  db: Database,
  input: { year: number; scope: string; id: number; period: string; metric: string },
): TargetCellHistoryEntry[] {
  const i = PERIOD_INDEX[input.period];
  const rows = db
    .prepare(
      `SELECT id, at, actor, entity, field, old_value AS oldValue, new_value AS newValue, reason FROM audit_log
       WHERE (entity = 'target_row' AND entity_id = ?) OR (entity = 'target_plan' AND entity_id = ?) ORDER BY id DESC`,
    )
    .all(`${input.year}:${input.scope}:${input.id}:${input.metric}`, String(input.year)) as {
    id: number;
    at: string;
    actor: string;
    entity: string;
    field: string | null;
    oldValue: string | null;
    newValue: string | null;
    reason: string | null;
  }[];
  const out: TargetCellHistoryEntry[] = [];
  type Row = { amounts: (number | null)[]; locked: string[] };
  const parse = (s: string | null): Row | null => (s ? (JSON.parse(s) as Row) : null);
  for (const r of rows) {
    if (r.entity === 'target_plan') {
      out.push({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: `status:${r.newValue}`,
        oldAmount: null,
        newAmount: null,
        oldLocked: null,
        newLocked: null,
        reason: r.reason,
      });
      continue;
    }
    const o = parse(r.oldValue);
    const n = parse(r.newValue);
    const oldAmount = o?.amounts[i] ?? null;
    const newAmount = n?.amounts[i] ?? null;
    const oldLocked = o ? o.locked.includes(input.period) : null;
    const newLocked = n ? n.locked.includes(input.period) : null;
    if (oldAmount === newAmount && oldLocked === newLocked) continue;
    out.push({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: (r.field ?? '').split('#')[0],
      oldAmount,
      newAmount,
      oldLocked,
      newLocked,
      reason: r.reason,
    });
  }
  return out;
}
