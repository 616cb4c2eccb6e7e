import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { BackupInfo, RestoreResult } from '../../contract/system';
import { WorkbenchError } from '../../contract/errors';
import { checkDatabaseFile, copyFileDurably, findBackup, writeBackup } from '../../db/backup';
import { killPoint } from '../../db/kill-point';
import { schemaVersion } from '../../db/migrate';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { Workspace } from '../../db/workspace';

const SIDE_FILES = ['-wal', '-shm'];

/**
 * Restores a backup from the data folder (issue 17, items 1 and 2). Nothing replaces the database
 * until a complete, checked copy of the backup sits beside it: the backup is checked (quick_check,
 * schema version), copied to a temporary file, flushed, checked again, and renamed over the database
 * (a rename is atomic), its WAL and SHM removed first so that they cannot be replayed into it. A kill
 * at any moment leaves either the old database or the restored one.
 *
 * A healthy database gets a safety backup first; if that copy cannot be made, nothing is changed. A
 * damaged one cannot be copied that way: it is moved aside untouched into `damaged/` instead, and the
 * restore goes on.
 */
export function restoreBackup(ws: Workspace, name: string): RestoreResult {
  const backup = findBackup(ws.dataDir, name);
  const problem = checkDatabaseFile(backup.file, SCHEMA_VERSION, ws.nativeBinding);
  if (problem?.reason === 'newer-version')
    throw new WorkbenchError('db/newer-version', { found: problem.version, supported: SCHEMA_VERSION });
  if (problem) throw new WorkbenchError('backup/invalid', { name });

  let safetyBackup: BackupInfo | null = null;
  let damaged = ws.damage !== undefined;
  if (!damaged) {
    try {
      safetyBackup = writeBackup(ws.db, ws.dataDir, 'before-restore');
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      // Damage quick_check did not see (it surfaces while every page is read): the file is moved aside instead.
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') damaged = true;
      else throw new WorkbenchError('backup/safety-failed', { reason: (e as Error).message });
    }
  }

  const temp = ws.restoreTemp;
  try {
    copyFileDurably(backup.file, temp, (written) => killPoint('restore-copy', written));
    if (checkDatabaseFile(temp, SCHEMA_VERSION, ws.nativeBinding)) throw new WorkbenchError('backup/invalid', { name });
  } catch (e) {
    fs.rmSync(temp, { force: true });
    if (e instanceof WorkbenchError) throw e;
    throw new WorkbenchError('backup/copy-failed', { name, reason: (e as Error).message });
  }

  ws.close();
  let damagedCopy: string | undefined;
  if (damaged) damagedCopy = moveAside(ws);
  else for (const suffix of SIDE_FILES) fs.rmSync(ws.dbPath + suffix, { force: true });
  killPoint('restore-rename');
  fs.renameSync(temp, ws.dbPath);
  syncFolder(ws.dataDir);
  ws.open();
  return {
    restored: backup.name,
    safetyBackup,
    ...(damagedCopy ? { damagedCopy } : {}),
    schemaVersion: schemaVersion(ws.db),
  };
}

/** Moves the damaged database and its WAL and SHM into damaged/, renamed (never rewritten). */
function moveAside(ws: Workspace): string | undefined {
  if (!fs.existsSync(ws.dbPath)) return undefined;
  const dir = path.join(ws.dataDir, 'damaged');
  fs.mkdirSync(dir, { recursive: true });
  let base = path.join(dir, `workbench-${dayjs().format('YYYYMMDD-HHmmss')}.db`);
  for (let i = 2; fs.existsSync(base); i++)
    base = path.join(dir, `workbench-${dayjs().format('YYYYMMDD-HHmmss')}-${i}.db`);
  for (const suffix of SIDE_FILES)
    if (fs.existsSync(ws.dbPath + suffix)) fs.renameSync(ws.dbPath + suffix, base + suffix);
  fs.renameSync(ws.dbPath, base);
  return base;
}

/** Makes the rename itself durable (POSIX); Windows has no directory handles to flush. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}
