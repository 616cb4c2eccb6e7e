import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { writeBackup } from '../../db/backup';
import { audit } from '../audit';
import { ensureSurveyCache } from '../survey/score-cache';
import type { ServiceContext } from '../context';

import type { ImportHistoryEntry } from '../../contract/import';
import { syncOrderTrigrams } from '../../db/order-derived';

/** Import history (file, hash, time, counts), newest first. */
export function importHistory(db: Database, limit = 200): ImportHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.kind, i.file_name AS fileName, i.file_hash AS fileHash, i.sheet, i.at, i.rows_read AS rowsRead, i.inserted, i.updated,
              i.skipped, i.invalid, i.mapping, i.status, (SELECT count(*) FROM import_changes c WHERE c.import_id = i.id) AS changes
       FROM imports i ORDER BY i.id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<ImportHistoryEntry, 'mapping'> & { mapping: string | null })[];
  return rows.map((r) => ({ ...r, mapping: r.mapping ? JSON.parse(r.mapping) : null }));
}

const SAFE = /^[a-z_]+$/;

/**
 * A survey import that created its survey is undone by deleting the survey, which would take with it
 * responses that came later: from another import (undo that first) or typed in by phone entry (refused).
 */
function refuseSurveyWithOtherResponses(db: Database, id: number): void {
  const other = db
    .prepare(
      `SELECT s.name, r.import_id AS later, count(*) AS n FROM import_changes c
       JOIN surveys s ON s.id = c.row_id
       JOIN survey_responses r ON r.survey_id = s.id AND (r.import_id IS NULL OR r.import_id <> c.import_id)
       WHERE c.import_id = ? AND c.table_name = 'surveys' AND c.action = 'insert'
       GROUP BY r.import_id ORDER BY r.import_id IS NULL, r.import_id DESC LIMIT 1`,
    )
    .get(id) as { name: string; later: number | null; n: number } | undefined;
  if (!other) return;
  if (other.later !== null) throw new WorkbenchError('import/undo-later-import', { id, later: other.later });
  throw new WorkbenchError('import/undo-survey-responses', { id, survey: other.name, n: other.n });
}

/**
 * Undoes a whole import: rows it inserted are deleted and rows it updated get their old values back,
 * newest change first, in one transaction after a backup. Refused when a later import (not undone)
 * changed the same rows, or when other records now refer to a row it created.
 */
export function undoImport(
  ctx: ServiceContext,
  id: number,
): { undone: number; deleted: number; restored: number; backup: string } {
  const { db } = ctx;
  const imp = db.prepare('SELECT id, status FROM imports WHERE id = ?').get(id) as
    { id: number; status: string } | undefined;
  if (!imp) throw new WorkbenchError('import/not-found', { id });
  if (imp.status === 'undone') throw new WorkbenchError('import/already-undone', { id });
  const later = db
    .prepare(
      `SELECT b.import_id AS id FROM import_changes a JOIN import_changes b ON b.table_name = a.table_name AND b.import_id > a.import_id
         AND b.row_id BETWEEN a.row_id AND (CASE WHEN a.action = 'insert' THEN coalesce(json_extract(a.old_row, '$.through'), a.row_id) ELSE a.row_id END)
       JOIN imports i ON i.id = b.import_id AND i.status = 'committed' WHERE a.import_id = ? LIMIT 1`,
    )
    .get(id) as { id: number } | undefined;
  if (later) throw new WorkbenchError('import/undo-later-import', { id, later: later.id });
  refuseSurveyWithOtherResponses(db, id);
  const backup = writeBackup(db, ctx.ws.dataDir, 'before-undo');
  let deleted = 0;
  let restored = 0;
  try {
    db.transaction(() => {
      // Rows are removed newest change first, but an import's customers and its orders may come in any
      // order: foreign keys are checked when the undo commits, which still refuses a dangling reference.
      db.pragma('defer_foreign_keys = ON');
      const changes = db
        .prepare(
          'SELECT table_name AS tableName, row_id AS rowId, action, old_row AS oldRow FROM import_changes WHERE import_id = ? ORDER BY seq DESC',
        )
        .all(id) as {
        tableName: string;
        rowId: number;
        action: 'insert' | 'update';
        oldRow: string | null;
      }[];
      changes.forEach((c, i) => {
        if (i % 5000 === 0) ctx.checkCancelled();
        if (!SAFE.test(c.tableName)) return;
        if (c.action === 'insert') {
          const through = c.oldRow ? ((JSON.parse(c.oldRow) as { through?: number }).through ?? c.rowId) : c.rowId;
          deleted += db.prepare(`DELETE FROM ${c.tableName} WHERE rowid BETWEEN ? AND ?`).run(c.rowId, through).changes;
        } else {
          const old = JSON.parse(c.oldRow ?? '{}') as Record<string, unknown>;
          const cols = Object.keys(old).filter((k) => SAFE.test(k));
          if (!cols.length) return;
          restored += db
            .prepare(`UPDATE ${c.tableName} SET ${cols.map((k) => `${k} = ?`).join(', ')} WHERE rowid = ?`)
            .run(...cols.map((k) => old[k]), c.rowId).changes;
        }
      });
      // Survey responses taken out: the survey score cache is brought back in line (P4.7).
      if (changes.some((c) => c.tableName === 'survey_responses')) ensureSurveyCache(db);
      // …and the order numbers' trigram index, in one statement rather than one per line (migration 017).
      syncOrderTrigrams(db);
      db.prepare("UPDATE imports SET status = 'undone' WHERE id = ?").run(id);
      audit(db, {
        actor: ctx.actor,
        entity: 'import',
        entityId: id,
        field: 'status',
        oldValue: 'committed',
        newValue: 'undone',
        reason: 'undo',
      });
    })();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      throw new WorkbenchError('import/undo-referenced', { id });
    throw e;
  }
  return { undone: id, deleted, restored, backup: backup.name };
}
