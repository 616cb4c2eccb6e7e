import type { Database } from 'better-sqlite3';
import { nowIso } from './context';

interface AuditChange {
  actor: string;
  entity: string;
  entityId: string | number;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

const text = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);

/** Records one change in the audit trail (who, when, what, old, new, why). Call inside the change's transaction. */
export function audit(db: Database, c: AuditChange): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, entity, entity_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    nowIso(),
    c.actor,
    c.entity,
    String(c.entityId),
    c.field ?? null,
    text(c.oldValue),
    text(c.newValue),
    c.reason ?? null,
  );
}
