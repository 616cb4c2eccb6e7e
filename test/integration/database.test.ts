import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/db/backup';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/db/migrations';
import { DB_FILE, Workspace } from '../../src-main/db/workspace';
import { tmpDir, tmpWorkspace } from '../support/workspace';

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

describe('database (architecture: the data)', () => {
  it('migrates an empty file to the current schema with WAL, foreign keys and STRICT tables', () => {
    const ws = new Workspace(tmpDir());
    open.push(ws);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = ws.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['staff', 'teams', 'orders', 'target_cells', 'surveys', 'reviews', 'audit_log']));
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    // No backup for a brand-new database: there was nothing to lose.
    expect(listBackups(ws.dataDir)).toHaveLength(0);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = tmpDir();
    const file = path.join(dir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => new Workspace(dir)).toThrowError(expect.objectContaining({ code: 'db/newer-version' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('takes a backup before migrating an existing database, in one transaction', () => {
    const dir = tmpDir();
    const db = new Database(path.join(dir, DB_FILE));
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO settings (key, value) VALUES ('companyName', 'ACME')").run();
    const extra = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'test', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' }];
    const backups: number[] = [];
    const r = migrate(db, extra, (from) => backups.push(from));
    expect(r).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION + 1 });
    expect(backups).toEqual([SCHEMA_VERSION]);
    // A failing migration rolls back entirely, including user_version.
    const broken = [...extra, { version: SCHEMA_VERSION + 2, name: 'broken', sql: 'CREATE TABLE ok2 (id INTEGER) STRICT; SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ok2'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file that is not a database', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, DB_FILE), 'this is not sqlite at all, just some text '.repeat(100));
    expect(() => new Workspace(dir)).toThrowError(expect.objectContaining({ code: 'db/not-a-database' }));
  });

  it('backs up and restores, keeping a safety copy of the data it replaces', async () => {
    const { ws, call, attempt } = tmpWorkspace();
    open.push(ws);
    await call('settings/set', { companyName: 'Before' });
    const backup = await call<{ name: string; file: string }>('backup/create');
    expect(fs.existsSync(backup.file)).toBe(true);
    await call('settings/set', { companyName: 'After' });
    const restored = await call<{ restored: string; safetyBackup: { name: string } }>('backup/restore', { name: backup.name });
    expect(restored.restored).toBe(backup.name);
    expect((await call<{ companyName: string }>('settings/get')).companyName).toBe('Before');
    expect(restored.safetyBackup.name).toMatch(/before-restore/);
    const names = (await call<{ name: string }[]>('backup/list')).map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining([backup.name, restored.safetyBackup.name]));

    const missing = await attempt('backup/restore', { name: '../workbench.db' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('backup/not-found');

    // A corrupt backup is refused before anything is replaced.
    fs.writeFileSync(path.join(ws.dataDir, 'backups', 'workbench-20250101-000000-manual.db'), 'garbage'.repeat(1000));
    const bad = await attempt('backup/restore', { name: 'workbench-20250101-000000-manual.db' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('backup/invalid');
    expect((await call<{ companyName: string }>('settings/get')).companyName).toBe('Before');
  });
});
