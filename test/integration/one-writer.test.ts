import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, tryLockFolder } from '../../src-main/db/folder-lock';
import { DB_FILE, Workspace } from '../../src-main/db/workspace';
import { dispatch, type DispatchOptions } from '../../src-main/runtime/dispatch';
import { createJobRunner } from '../../src-main/runtime/jobs';
import { startWeb, type RunningWeb } from '../support/browser';
import { cliAsync, cliSync } from '../support/cli-child';
import { tmpDir } from '../support/workspace';

// Issue 17, items 4 to 6: one writer at a time. Two commands take turns, a command does not write under
// an open window, and the window's edits wait for a long import instead of failing.

/** A products sheet of `n` rows, every column given, names unique. */
function productsCsv(dir: string, n: number): string {
  const file = path.join(dir, 'products.csv');
  const rows = ['产品名称,类别,单价,成本,在售'];
  for (let i = 0; i < n; i++)
    rows.push(`产品${String(i).padStart(6, '0')},类${i % 7},${100 + (i % 50)},${50 + (i % 20)},是`);
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

const count = (dir: string, table: string) => {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

let web: RunningWeb | undefined;
afterEach(async () => {
  await web?.stop();
  web = undefined;
});

describe('one writer at a time (issue 17)', () => {
  it('item 5: two imports started at once from the command line both succeed, one after the other', async () => {
    const dir = tmpDir();
    expect(cliSync(['--data-dir', dir, 'init']).status).toBe(0);
    const csv = productsCsv(dir, 10_000);
    const [a, b] = await Promise.all([
      cliAsync(['--data-dir', dir, '--json', 'import', 'products', csv]),
      cliAsync(['--data-dir', dir, '--json', 'import', 'products', csv]),
    ]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const inserted = [a, b].map((r) => JSON.parse(r.stdout).rows.inserted as number).sort((x, y) => x - y);
    // The second import finds every product the first one wrote.
    expect(inserted).toEqual([0, 10_000]);
    expect(count(dir, 'products')).toBe(10_000);
    expect(`${a.stderr}${b.stderr}`).toMatch(/Waiting for another command \(process \d+\)/);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('item 6: while browser mode runs, a restore from the command line is refused and changes nothing', async () => {
    const dir = tmpDir();
    expect(cliSync(['--data-dir', dir, 'init']).status).toBe(0);
    const made = cliSync(['--data-dir', dir, '--json', 'backup', 'create']);
    const { name } = JSON.parse(made.stdout) as { name: string };
    web = await startWeb(dir);
    const owner = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ kind: 'web', pid: expect.any(Number) });

    const before = fs.readFileSync(path.join(dir, DB_FILE));
    const en = cliSync(['--data-dir', dir, '--json', 'backup', 'restore', name]);
    expect(en.status).toBe(1);
    expect(JSON.parse(en.stdout)).toMatchObject({ ok: false, error: { code: 'workspace/in-use' } });
    expect(en.stderr).toContain('The workbench is open in another window');
    expect(en.stderr).toContain(`process ${owner.pid}`);
    const zh = cliSync(['--data-dir', dir, '--lang', 'zh-CN', 'backup', 'restore', name]);
    expect(zh.stderr).toContain('工作台已在另一个窗口中');
    expect(fs.readFileSync(path.join(dir, DB_FILE)).equals(before)).toBe(true);
    // Reading is no write: the list still works.
    expect(cliSync(['--data-dir', dir, 'backup', 'list']).status).toBe(0);
    // Nor does a second browser mode start on the same folder.
    await expect(startWeb(dir)).rejects.toThrow(/workspace\/in-use/);

    // Killed (kill -9), browser mode leaves its mark behind; the next command sees it is gone and takes over.
    process.kill(owner.pid, 'SIGKILL');
    await web.stop();
    web = undefined;
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const restored = cliSync(['--data-dir', dir, 'backup', 'restore', name]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    // Stopped the ordinary way, it clears its mark.
    web = await startWeb(dir);
    expect(await web.stop()).toBe(0);
    web = undefined;
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 180_000);

  it('item 6: a lock naming a running process is respected; one left by a dead process, a reused PID or half a write is taken over', () => {
    const dir = tmpDir();
    const file = path.join(dir, LOCK_FILE);
    const mark = (o: object | string) =>
      fs.writeFileSync(
        file,
        typeof o === 'string' ? o : JSON.stringify({ host: os.hostname(), kind: 'web', since: 'earlier', ...o }),
      );
    mark({ pid: process.ppid });
    expect(tryLockFolder(dir, 'cli')).toMatchObject({ pid: process.ppid, kind: 'web' });
    const stale = [
      { pid: 2 ** 22 + 12345 },
      '{"pid": 12',
      ...(process.platform === 'linux' ? [{ pid: process.ppid, startTicks: 1 }] : []),
    ];
    for (const o of stale) {
      mark(o);
      const lock = tryLockFolder(dir, 'cli');
      expect('release' in lock, JSON.stringify(o)).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
      if ('release' in lock) lock.release();
      expect(fs.existsSync(file)).toBe(false);
    }
  });

  it('item 4: edits made while a long import runs in a worker all succeed (0 failed), and the import keeps every row', async () => {
    const dir = tmpDir();
    const ws = new Workspace(dir);
    const runner = createJobRunner({ dataDir: dir, lang: () => 'en', actor: () => 'tester', onProgress: () => {} });
    const opts: DispatchOptions = {
      lang: 'en',
      actor: 'tester',
      runLong: (op, input, id) => runner.run(op, input, id),
      jobsRunning: () => runner.running(),
    };
    try {
      const team = await dispatch(ws, 'teams/create', { name: 'Edits' }, opts);
      expect(team.ok).toBe(true);
      const id = team.ok ? (team.value as { id: number }).id : 0;
      const csv = productsCsv(dir, 30_000);
      const backup = await dispatch(ws, 'backup/create', {}, opts);
      let importing = true;
      const imported = dispatch(ws, 'import/run', { kind: 'products', file: { path: csv } }, opts).finally(
        () => (importing = false),
      );
      // The worker's connection would outlive a file replaced under it: a restore waits for the job.
      const restore = await dispatch(
        ws,
        'backup/restore',
        { name: backup.ok ? (backup.value as { name: string }).name : '' },
        opts,
      );
      expect(restore).toMatchObject({ ok: false, error: { code: 'backup/jobs-running' } });
      let edits = 0;
      const failed: string[] = [];
      while (importing) {
        const r = await dispatch(ws, 'teams/update', { id, name: `Edits ${edits}` }, opts);
        edits++;
        if (!r.ok) failed.push(`${r.error.code}: ${r.error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const result = await imported;
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(failed).toEqual([]);
      expect(edits).toBeGreaterThan(20);
      expect(ws.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(30_000);
      expect(ws.db.prepare('SELECT name FROM teams WHERE id = ?').pluck().get(id)).toBe(`Edits ${edits - 1}`);
    } finally {
      await runner.close();
      ws.close();
    }
  }, 180_000);
});
