import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { WorkbenchError } from '../contract/errors';
import type { BackupInfo } from '../contract/system';

export type { BackupInfo };

const NAME = /^workbench-(\d{8}-\d{6}(?:-\d+)?)-([a-z-]+)\.db$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Writes a consistent copy of the open database into the backup folder (VACUUM INTO). */
export function writeBackup(db: Database, dataDir: string, reason: string): BackupInfo {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = dayjs().format('YYYYMMDD-HHmmss');
  let name = `workbench-${stamp}-${reason}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `workbench-${stamp}-${i}-${reason}.db`;
  const file = path.join(dir, name);
  db.prepare('VACUUM INTO ?').run(file);
  return describe(file)!;
}

function describe(file: string): BackupInfo | undefined {
  const name = path.basename(file);
  const m = NAME.exec(name);
  if (!m) return undefined;
  const st = fs.statSync(file);
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
