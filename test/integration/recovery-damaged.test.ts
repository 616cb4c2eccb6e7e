import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import dayjs from 'dayjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE, Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { logFile } from '../../src-main/runtime/error-log';
import { readSettings } from '../../src-main/services/system/settings';
import { cliSync } from '../support/cli-child';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 17, item 2: a damaged database is found when it is opened, kept aside untouched, and every door
// can still list and restore the backups.

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

let template: string;
let goodBackup: string;
let ordersPage: number;
let orderCount: number;

beforeAll(async () => {
  const { dir, ws, call } = tmpWorkspace();
  await call('demo/create', { size: 'small', seed: 3, today: '2026-11-27' });
  await call('settings/set', { companyName: 'Backed up' });
  goodBackup = (await call('backup/create')).name;
  // An older backup that is itself damaged: never the one offered.
  fs.writeFileSync(path.join(dir, 'backups', 'workbench-20200101-000000-manual.db'), Buffer.alloc(8192, 7));
  await call('settings/set', { companyName: 'Current' });
  orderCount = ws.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  const leaves = ws.db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'orders' AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all() as number[];
  ordersPage = leaves[Math.floor(leaves.length / 2)];
  ws.close();
  template = dir;
});

/** A copy of the demo data folder whose database is damaged the given way. */
function damagedFolder(kind: 'truncated' | 'overwritten' | 'header' | 'middle' | 'empty'): string {
  const dir = tmpDir();
  fs.cpSync(template, dir, { recursive: true });
  const file = path.join(dir, DB_FILE);
  let b = fs.readFileSync(file);
  if (kind === 'truncated') b = b.subarray(0, Math.floor(b.length / 2) + 1234);
  if (kind === 'overwritten') b = Buffer.alloc(b.length, 0x5a);
  if (kind === 'header') b.fill(0x41, 0, 100);
  // One page of order rows in the middle of the file, overwritten.
  if (kind === 'middle') b.fill(0xab, (ordersPage - 1) * 4096, ordersPage * 4096);
  if (kind === 'empty') b = Buffer.alloc(0);
  fs.writeFileSync(file, b);
  return dir;
}

const KINDS = [
  ['truncated', 'malformed'],
  ['overwritten', 'not-a-database'],
  ['header', 'not-a-database'],
  ['middle', 'malformed'],
  ['empty', 'empty'],
] as const;

describe('a damaged database (issue 17, item 2)', () => {
  it.each(KINDS)(
    '%s: found when opened, left untouched, the newest good backup offered and restored',
    async (kind, reason) => {
      const dir = damagedFolder(kind);
      const file = path.join(dir, DB_FILE);
      const damaged = fs.readFileSync(file);
      const ws = new Workspace(dir);
      open.push(ws);
      expect(ws.damage?.reason).toBe(reason);

      // Every other operation is refused with one code, naming the backup to restore, in both languages.
      const refused = await dispatch(ws, 'system/info', {}, { lang: 'en' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'db/damaged', details: { backup: goodBackup, reason } },
      });
      if (!refused.ok) expect(refused.error.message).toContain(goodBackup);
      const zh = await dispatch(ws, 'settings/get', {}, { lang: 'zh-CN' });
      if (!zh.ok) expect(zh.error.message).toContain('已损坏');
      expect(zh.ok).toBe(false);
      expect(fs.readFileSync(file).equals(damaged)).toBe(true);

      const list = await dispatch(ws, 'backup/list', {}, { lang: 'en' });
      expect(list.ok && (list.value as { name: string }[]).map((b) => b.name)).toEqual([
        goodBackup,
        'workbench-20200101-000000-manual.db',
      ]);
      const restored = await dispatch(ws, 'backup/restore', { name: goodBackup }, { lang: 'en' });
      expect(restored).toMatchObject({ ok: true, value: { restored: goodBackup, safetyBackup: null } });
      const copy = restored.ok ? (restored.value as { damagedCopy: string }).damagedCopy : '';
      expect(path.dirname(copy)).toBe(path.join(dir, 'damaged'));
      expect(fs.readFileSync(copy).equals(damaged)).toBe(true);
      expect(ws.damage).toBeUndefined();
      expect(readSettings(ws.db).companyName).toBe('Backed up');
      expect(ws.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(orderCount);
    },
  );

  it('a damaged backup is refused before anything is replaced', async () => {
    const dir = damagedFolder('header');
    const ws = new Workspace(dir);
    open.push(ws);
    const r = await dispatch(ws, 'backup/restore', { name: 'workbench-20200101-000000-manual.db' }, { lang: 'en' });
    expect(r).toMatchObject({ ok: false, error: { code: 'backup/invalid' } });
    expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false);
  });

  it('no good backup: the message says so', async () => {
    const dir = damagedFolder('truncated');
    fs.rmSync(path.join(dir, 'backups', goodBackup));
    const ws = new Workspace(dir);
    open.push(ws);
    const r = await dispatch(ws, 'system/info', {}, { lang: 'en' });
    expect(r).toMatchObject({ ok: false, error: { code: 'db/damaged', details: { backup: null } } });
    if (!r.ok) expect(r.error.message).toMatch(/no good backup/);
  });

  it('damage the check on opening did not look for is caught when a read meets it: db/damaged, not internal', async () => {
    const dir = damagedFolder('middle');
    const damaged = fs.readFileSync(path.join(dir, DB_FILE));
    // A command that only reads checks the header alone (a full check of a large file takes seconds).
    const ws = new Workspace(dir, { check: 'header' });
    open.push(ws);
    expect(ws.damage).toBeUndefined();
    const r = await dispatch(ws, 'orders/page', { sort: [{ field: 'amount', dir: 'desc' }] }, { lang: 'en' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'db/damaged', details: { backup: goodBackup, reason: 'malformed' } },
    });
    expect(ws.damage?.reason).toBe('malformed');
    expect(fs.readFileSync(path.join(dir, DB_FILE)).equals(damaged)).toBe(true);
    expect(fs.readFileSync(logFile(dir), 'utf8')).toMatch(/orders\/page\nSqliteError: /);
    // The header check alone finds the other kinds.
    for (const [kind, reason] of KINDS.filter(([k]) => k !== 'middle')) {
      const other = new Workspace(damagedFolder(kind), { check: 'header' });
      open.push(other);
      expect(other.damage?.reason, kind).toBe(reason);
    }
  });

  it('a safety copy that cannot be made does not stop a restore onto a damaged database', async () => {
    // Opened without the check, the damage in the middle surfaces only when the safety copy reads every page.
    const dir = damagedFolder('middle');
    const damaged = fs.readFileSync(path.join(dir, DB_FILE));
    const ws = new Workspace(dir, { check: false });
    open.push(ws);
    expect(ws.damage).toBeUndefined();
    const r = await dispatch(ws, 'backup/restore', { name: goodBackup }, { lang: 'en' });
    expect(r).toMatchObject({ ok: true, value: { safetyBackup: null } });
    if (r.ok) expect(fs.readFileSync((r.value as { damagedCopy: string }).damagedCopy).equals(damaged)).toBe(true);
    expect(readSettings(ws.db).companyName).toBe('Backed up');
  });

  it('a healthy database is kept by a safety backup, and the restore is refused when that copy fails', async () => {
    const { ws, call, attempt } = tmpWorkspace();
    open.push(ws);
    await call('settings/set', { companyName: 'Kept' });
    const b = await call('backup/create');
    // Folders where the safety backup is about to be written (this second and the next ones) make it fail.
    for (let i = 0; i < 5; i++)
      fs.mkdirSync(
        path.join(
          ws.dataDir,
          'backups',
          `workbench-${dayjs().add(i, 'second').format('YYYYMMDD-HHmmss')}-before-restore.db.partial`,
        ),
      );
    const r = await attempt('backup/restore', { name: b.name });
    expect(r).toMatchObject({ ok: false, error: { code: 'backup/safety-failed' } });
    expect(readSettings(ws.db).companyName).toBe('Kept');
    await call('settings/set', { companyName: 'Still here' });
    expect(readSettings(ws.db).companyName).toBe('Still here');
  });

  it('CLI: every command is refused with db/damaged, but backup list and backup restore work', () => {
    const dir = damagedFolder('middle');
    const init = cliSync(['--data-dir', dir, 'init']);
    expect(init.status).toBe(1);
    expect(init.stderr).toContain('(db/damaged)');
    expect(init.stderr).toContain(goodBackup);
    expect(init.stderr).not.toMatch(/\n\s+at /);
    const list = cliSync(['--data-dir', dir, '--json', 'backup', 'list']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)[0].name).toBe(goodBackup);
    const restore = cliSync(['--data-dir', dir, 'backup', 'restore', goodBackup]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(path.join(dir, 'damaged'));
    const db = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'companyName'").pluck().get()).toBe('Backed up');
    db.close();
  });
});
