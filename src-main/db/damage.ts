import fs from 'node:fs';
import Database, { type Database as DB } from 'better-sqlite3';
import { listBackups } from './backup';

/** Why the database cannot be used; the file is left exactly as it was found (issue 17, item 2). */
export interface Damage {
  reason: 'empty' | 'not-a-database' | 'malformed';
  /** SQLite's own words, for the log and the details; the message shown is the translated one. */
  detail: string;
}

/**
 * 'full' reads every page (PRAGMA quick_check: about 3 s for a 230 MB database on a busy machine), for
 * the window, browser mode and commands that write; 'header' checks the file's header against its
 * size and reads the schema, for commands that only read (a read that meets deeper damage is caught
 * when it happens, see markDamaged).
 */
export type CheckLevel = 'full' | 'header';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at the file before anything may write to it: an empty file where backups exist (what an
 * interrupted copy leaves), a foreign or truncated header, and a file that fails the check are damage,
 * never a new database. Read-only: nothing is written to a damaged file, not even a last checkpoint.
 */
export function inspectDatabaseFile(
  file: string,
  dataDir: string,
  level: CheckLevel,
  nativeBinding?: string,
): Damage | undefined {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return undefined;
  }
  const wal = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  if (size === 0 && wal === 0)
    return listBackups(dataDir).length ? { reason: 'empty', detail: 'the database file is empty' } : undefined;
  const header = headerDamage(file, size, wal);
  if (header) return header;
  let db: DB | undefined;
  try {
    db = new Database(file, { nativeBinding, readonly: true, fileMustExist: true });
    if (level === 'header') {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return undefined;
    }
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length === 1 && rows[0].quick_check === 'ok') return undefined;
    return {
      reason: 'malformed',
      detail: rows
        .map((r) => r.quick_check)
        .slice(0, 3)
        .join('; '),
    };
  } catch (e) {
    const damage = damageOf(e);
    if (damage) return damage;
    throw e;
  } finally {
    db?.close();
  }
}

/** The damage an SQLite error reports, if it is one (SQLITE_CORRUPT, SQLITE_NOTADB). */
export function damageOf(e: unknown): Damage | undefined {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return { reason: 'not-a-database', detail: (e as Error).message };
  if (code.startsWith('SQLITE_CORRUPT')) return { reason: 'malformed', detail: `${code} ${(e as Error).message}` };
  return undefined;
}

/** The first 100 bytes: the magic string, a valid page size, and (without a WAL) no fewer bytes than the header counts. */
function headerDamage(file: string, size: number, wal: number): Damage | undefined {
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 100 || !head.subarray(0, 16).equals(MAGIC))
    return { reason: 'not-a-database', detail: 'no SQLite header' };
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    return { reason: 'not-a-database', detail: `page size ${raw}` };
  const pages = head.readUInt32BE(28);
  // The page count is valid only when its "version-valid-for" matches the change counter (SQLite ≥ 3.7.0).
  const countValid = head.readUInt32BE(92) === head.readUInt32BE(24);
  if (wal === 0 && countValid && pages > 0 && size < pages * pageSize)
    return { reason: 'malformed', detail: `truncated: ${size} bytes, the header counts ${pages} pages of ${pageSize}` };
  return undefined;
}
