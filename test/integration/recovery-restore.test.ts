import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/db/backup';
import { DB_FILE, RESTORE_TEMP_SUFFIX, Workspace } from '../../src-main/db/workspace';
import { readSettings } from '../../src-main/services/system/settings';
import { cliSync, type ChildResult } from '../support/cli-child';
import { tmpWorkspace } from '../support/workspace';

// Issue 17, item 1: a restore or a backup killed (kill -9) at any byte leaves the database as it was,
// and the next command lists and restores backups as usual.

async function folderWithBackup() {
  const { dir, ws, call } = tmpWorkspace();
  await call('demo/create', { size: 'small', seed: 5, today: '2026-11-27' });
  await call('settings/set', { companyName: 'Backed up' });
  const backup = await call('backup/create');
  await call('settings/set', { companyName: 'Current' });
  ws.close();
  return { dir, backup };
}

/** Killed at its kill point: the signal, or 128 + 9 where a wrapper passes it on as an exit status. */
const killed = (r: ChildResult) => r.signal === 'SIGKILL' || r.status === 137;

function company(dir: string): string {
  const ws = new Workspace(dir);
  try {
    if (ws.damage) return `damaged: ${ws.damage.reason}`;
    expect(ws.db.pragma('quick_check', { simple: true })).toBe('ok');
    return readSettings(ws.db).companyName;
  } finally {
    ws.close();
  }
}

describe('restore killed while copying (issue 17, item 1)', () => {
  it('killed at byte 0, 4 KB, half-way and before the rename: the database is the one before the restore', async () => {
    const { dir, backup } = await folderWithBackup();
    const kills = [
      'restore-copy:0',
      'restore-copy:4096',
      `restore-copy:${Math.floor(backup.sizeBytes / 2)}`,
      'restore-rename',
    ];
    for (const at of kills) {
      const r = cliSync(['--data-dir', dir, 'backup', 'restore', backup.name], { WORKBENCH_TEST_KILL_AT: at });
      expect(killed(r), `${at}: ${r.stderr}`).toBe(true);
      expect(company(dir), at).toBe('Current');
      // The killed command's lock and its half-copied file do not stop the next command.
      const list = cliSync(['--data-dir', dir, '--json', 'backup', 'list']);
      expect(list.status, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout).map((b: { name: string }) => b.name)).toContain(backup.name);
    }
    const done = cliSync(['--data-dir', dir, 'backup', 'restore', backup.name]);
    expect(done.status, done.stderr).toBe(0);
    expect(company(dir)).toBe('Backed up');
    expect(fs.existsSync(path.join(dir, DB_FILE + RESTORE_TEMP_SUFFIX))).toBe(false);
  });

  it('a backup killed while it is written is never listed, and the next command removes what it left', async () => {
    const { dir } = await folderWithBackup();
    const before = listBackups(dir).map((b) => b.name);
    const r = cliSync(['--data-dir', dir, 'backup', 'create'], { WORKBENCH_TEST_KILL_AT: 'backup-written' });
    expect(killed(r)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'backups')).some((n) => n.endsWith('.partial'))).toBe(true);
    expect(listBackups(dir).map((b) => b.name)).toEqual(before);
    expect(cliSync(['--data-dir', dir, 'backup', 'create']).status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'backups')).some((n) => n.endsWith('.partial'))).toBe(false);
    expect(company(dir)).toBe('Current');
  });
});
