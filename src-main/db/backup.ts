import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as DB } from 'better-sqlite3';
import dayjs from 'dayjs';
import { WorkbenchError } from '../contract/errors';
import type { BackupInfo } from '../contract/system';
import { killPoint } from './kill-point';

export type { BackupInfo };

const NAME = /^workbench-(\d{8}-\d{6}(?:-\d+)?)-([a-z-]+)\.db$/;
/** A backup being written: never listed (the name does not end in .db) until it is complete and renamed. */
const PARTIAL = '.partial';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * Writes a consistent copy of the open database into the backup folder (VACUUM INTO). The copy is
 * written under a temporary name and renamed once complete, so that a backup interrupted while being
 * written is never listed or offered for a restore.
 */
export function writeBackup(db: DB, dataDir: string, reason: string): BackupInfo {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = dayjs().format('YYYYMMDD-HHmmss');
  let name = `workbench-${stamp}-${reason}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `workbench-${stamp}-${i}-${reason}.db`;
  const file = path.join(dir, name);
  const partial = file + PARTIAL;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
    killPoint('backup-written');
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return describe(file)!;
}

function describe(file: string): BackupInfo | undefined {
  const name = path.basename(file);
  const m = NAME.exec(name);
  if (!m) return undefined;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  const [d, t] = m[1].split('-');
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
  return { file, name, reason: m[2], createdAt, sizeBytes: st.size };
}

/** The backups in the data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((n) => describe(path.join(dir, n)))
    .filter((b): b is BackupInfo => b !== undefined)
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Resolves a backup by its file name; only files inside the backup folder are accepted. */
export function findBackup(dataDir: string, name: string): BackupInfo {
  const found = listBackups(dataDir).find((b) => b.name === name);
  if (!found) throw new WorkbenchError('backup/not-found', { name });
  return found;
}

/**
 * Why a database file cannot be used (PRAGMA quick_check, a workbench settings table, a schema this
 * version reads), or undefined when it can. Opens the file read-only: it is never changed.
 */
export function checkDatabaseFile(
  file: string,
  maxVersion: number,
  nativeBinding?: string,
): { reason: 'not-a-database' | 'malformed' | 'newer-version'; detail: string; version?: number } | undefined {
  let db: DB | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0].quick_check !== 'ok')
      return {
        reason: 'malformed',
        detail: problems
          .map((p) => p.quick_check)
          .slice(0, 3)
          .join('; '),
      };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > maxVersion) return { reason: 'newer-version', detail: `schema ${version}`, version };
    db.prepare('SELECT count(*) FROM settings').get();
    return undefined;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return {
      reason: code === 'SQLITE_NOTADB' ? 'not-a-database' : 'malformed',
      detail: `${code} ${(e as Error).message}`.trim(),
    };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes checkDatabaseFile: the one to offer when the database is damaged. */
export function newestGoodBackup(dataDir: string, maxVersion: number, nativeBinding?: string): BackupInfo | undefined {
  return listBackups(dataDir).find((b) => checkDatabaseFile(b.file, maxVersion, nativeBinding) === undefined);
}

/**
 * Removes what an interrupted backup or restore left behind; only the folder's owner calls this.
 * Tidying never stops the work that follows: a file that cannot be removed stays (and is never listed).
 */
export function removeLeftovers(dataDir: string, restoreTemp: string): void {
  try {
    fs.rmSync(restoreTemp, { force: true });
    const dir = backupDir(dataDir);
    if (!fs.existsSync(dir)) return;
    for (const n of fs.readdirSync(dir)) if (n.endsWith(PARTIAL)) fs.rmSync(path.join(dir, n), { force: true });
  } catch {
    // See above.
  }
}

/**
 * Copies a file in chunks, flushed to disk before it returns. `onProgress` sees the bytes written so
 * far (the kill point of the restore test sits there).
 */
export function copyFileDurably(from: string, to: string, onProgress?: (written: number) => void): void {
  const src = fs.openSync(from, 'r');
  const dst = fs.openSync(to, 'w');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let written = 0;
    onProgress?.(0);
    for (;;) {
      const n = fs.readSync(src, buf, 0, buf.length, written);
      if (n === 0) break;
      // A partial chunk is written out before the progress check, so that a kill lands mid-file.
      for (let off = 0; off < n;) {
        const step = Math.min(n - off, 4096);
        fs.writeSync(dst, buf, off, step, written + off);
        off += step;
        onProgress?.(written + off);
      }
      written += n;
    }
    fs.fsyncSync(dst);
  } finally {
    fs.closeSync(src);
    fs.closeSync(dst);
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
