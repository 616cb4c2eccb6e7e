import path from 'node:path';
import { writeBackup } from '../../db/backup';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { openChangeLog } from './change-log';
import type { CommitResult } from './kinds/types';
import { rememberMapping } from './mapping';
import type { Analysis } from './pipeline';
import { createHash } from 'node:crypto';
import { syncOrderTrigrams } from '../../db/order-derived';

/**
 * Writes an analysed import: a backup first, then one transaction holding the history record, every
 * row's insert or update (each logged in import_changes for the undo) and the remembered mapping.
 * A cancel or any failure rolls the whole transaction back: nothing is half-written.
 *
 * A dry run (`rehearse`) does the very same writes without a backup and then rolls them back, so that
 * its counts (inserted, updated, unchanged, created) and its refusals are those of the real run (issue
 * 10 item 3: a dry run says what the real run would do).
 */
interface Committed {
  importId: number;
  result: CommitResult;
  backup: string;
}

class Rehearsed {
  constructor(readonly result: CommitResult) {}
}

export function commitImport(ctx: ServiceContext, a: Analysis, rehearse = false): Committed {
  const { db } = ctx;
  ctx.progress(0, a.valid.length, 'progress.importBackup');
  const backup = rehearse ? { name: '' } : writeBackup(db, ctx.ws.dataDir, 'before-import');
  const hash = createHash('sha256').update(a.bytes).digest('hex');
  const invalid = a.problems.size;
  const skipped = a.table.skipped.length + a.duplicates.length;
  const write = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_hash, sheet, at, rows_read, inserted, updated, skipped, invalid, mapping, status)
         VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 'committed')`,
      )
      .run(
        a.kind.kind,
        path.basename(a.fileName),
        hash,
        a.table.sheet,
        nowIso(),
        a.valid.length + invalid + skipped,
        skipped,
        invalid,
        JSON.stringify(a.mappingOut),
      );
    const importId = Number(lastInsertRowid);
    const changes = openChangeLog(db, importId);
    const result = a.kind.commit(
      a.valid.map((v) => v.record),
      a.state,
      {
        ...a.prepare,
        importId,
        changes,
        progress: (done, total) => {
          ctx.checkCancelled();
          ctx.progress(done, total, 'progress.importWrite');
        },
      },
    );
    changes.flush();
    // The order numbers' trigram index takes the new lines in one statement (migration 017).
    syncOrderTrigrams(db);
    db.prepare('UPDATE imports SET inserted = ?, updated = ? WHERE id = ?').run(
      result.inserted,
      result.updated,
      importId,
    );
    // Remember the full mapping (unmapped fields as null) for the next sheet with the same headers.
    const remembered: Record<string, string | string[] | null> = {};
    for (const f of a.kind.fields) remembered[f.key] = a.mappingOut[f.key] ?? null;
    rememberMapping(db, a.signature, a.kind.kind, remembered as Record<string, string | string[]>);
    audit(db, {
      actor: ctx.actor,
      entity: 'import',
      entityId: importId,
      field: null,
      newValue: { kind: a.kind.kind, file: path.basename(a.fileName), ...result },
      reason: 'import',
    });
    if (rehearse) throw new Rehearsed(result);
    return { importId, result, backup: backup.name };
  });
  // A large import's new rows and index pages stay in memory until the commit (64 MB of cache instead of
  // 16 MB: SQLite otherwise spills and re-reads pages mid-transaction); the cache is given back after.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  if (a.valid.length > 20_000) db.pragma('cache_size = -65536');
  try {
    return write();
  } catch (e) {
    if (e instanceof Rehearsed) return { importId: 0, result: e.result, backup: '' };
    throw e;
  } finally {
    if (a.valid.length > 20_000) db.pragma(`cache_size = ${cache}`);
  }
}
