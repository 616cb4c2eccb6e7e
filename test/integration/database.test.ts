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
    const tables = ws.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['staff', 'teams', 'orders', 'target_cells', 'surveys', 'reviews', 'audit_log']),
    );
    // Every table we create is STRICT; a full-text index (a virtual table) and the tables SQLite keeps
    // for it (its name then _data, _idx…) are SQLite's own and cannot be.
    const virtual = tables.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => `${t.name}_`);
    for (const t of tables)
      if (!t.sql.startsWith('CREATE VIRTUAL TABLE') && !virtual.some((v) => t.name.startsWith(v)))
        expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    expect(virtual).toEqual(['order_no_trigrams_']);
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
    const extra = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'test', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' },
    ];
    const backups: number[] = [];
    const r = migrate(db, extra, (from) => backups.push(from));
    expect(r).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION + 1 });
    expect(backups).toEqual([SCHEMA_VERSION]);
    // A failing migration rolls back entirely, including user_version.
    const broken = [
      ...extra,
      {
        version: SCHEMA_VERSION + 2,
        name: 'broken',
        sql: 'CREATE TABLE ok2 (id INTEGER) STRICT; SELECT * FROM missing_table;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ok2'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('P2.6 migration 7 (order lines): a version-6 database keeps every order under the same id as line 1, references intact', () => {
    const dir = tmpDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    const v6 = MIGRATIONS.filter((m) => m.version <= 6);
    expect(migrate(db, v6)).toEqual({ from: 0, to: 6 });
    db.prepare("INSERT INTO customers (id, name, created_at) VALUES (1, '甲公司', 'x')").run();
    const order = db.prepare(
      "INSERT INTO orders (id, order_no, date, customer_id, amount) VALUES (?, ?, '2025-01-02', 1, ?)",
    );
    order.run(5, 'A-1', 1000);
    order.run(9, 'A-2', 2500);
    db.prepare(
      "INSERT INTO tickets (ticket_no, customer_id, order_id, department, opened_date, status) VALUES ('T1', 1, 9, 'service', '2025-01-05', 'open')",
    ).run();

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 7),
      ),
    ).toEqual({ from: 6, to: 7 }); // later migrations add indexes of their own (011)
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(db.prepare('SELECT id, order_no, line, amount FROM orders ORDER BY id').all()).toEqual([
      { id: 5, order_no: 'A-1', line: 1, amount: 1000 },
      { id: 9, order_no: 'A-2', line: 1, amount: 2500 },
    ]);
    expect(
      db
        .prepare("SELECT o.order_no FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.ticket_no = 'T1'")
        .pluck()
        .get(),
    ).toBe('A-2');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Foreign keys are back on, and they still guard the rebuilt table.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare('DELETE FROM orders WHERE id = 9').run()).toThrow(/FOREIGN KEY/);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['orders_customer', 'orders_date', 'orders_salesperson_date']);
    // One order number, several lines; the same line twice is refused.
    db.prepare("INSERT INTO orders (order_no, line, date, amount) VALUES ('A-1', 2, '2025-01-02', 300)").run();
    expect(() =>
      db.prepare("INSERT INTO orders (order_no, line, date, amount) VALUES ('A-1', 2, '2025-01-02', 1)").run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO orders (order_no, line, date, amount) VALUES ('A-3', 0, '2025-01-02', 1)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('a migration with foreign keys off rolls back when a reference is broken, and foreign keys come back on', () => {
    const dir = tmpDir();
    const db = new Database(path.join(dir, DB_FILE));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO customers (id, name, created_at) VALUES (1, '甲公司', 'x')").run();
    db.prepare(
      "INSERT INTO tickets (ticket_no, customer_id, order_id, department, opened_date, status) VALUES ('T1', 1, 77, 'service', '2025-01-05', 'open')",
    ).run();
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/broken references/);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('orders') WHERE name = 'line'").pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file that is not a database, and leaves it as it was', () => {
    const dir = tmpDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, 'this is not sqlite at all, just some text '.repeat(100));
    const before = fs.readFileSync(file);
    const ws = new Workspace(dir);
    expect(ws.damage?.reason).toBe('not-a-database');
    expect(() => ws.db).toThrowError(expect.objectContaining({ code: 'db/damaged' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up and restores, keeping a safety copy of the data it replaces', async () => {
    const { ws, call, attempt } = tmpWorkspace();
    open.push(ws);
    await call('settings/set', { companyName: 'Before' });
    const backup = await call('backup/create');
    expect(fs.existsSync(backup.file)).toBe(true);
    await call('settings/set', { companyName: 'After' });
    const restored = await call('backup/restore', { name: backup.name });
    expect(restored.restored).toBe(backup.name);
    expect((await call('settings/get')).companyName).toBe('Before');
    expect(restored.safetyBackup!.name).toMatch(/before-restore/);
    const names = (await call('backup/list')).map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining([backup.name, restored.safetyBackup!.name]));

    const missing = await attempt('backup/restore', { name: '../workbench.db' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('backup/not-found');

    // A corrupt backup is refused before anything is replaced.
    fs.writeFileSync(path.join(ws.dataDir, 'backups', 'workbench-20250101-000000-manual.db'), 'garbage'.repeat(1000));
    const bad = await attempt('backup/restore', { name: 'workbench-20250101-000000-manual.db' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('backup/invalid');
    expect((await call('settings/get')).companyName).toBe('Before');
  });
});
