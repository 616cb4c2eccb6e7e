import { describe, expect, it } from 'vitest';
import { seedOrg } from '../support/targets-org';
import { cli } from '../support/cli';
import { tmpWorkspace } from '../support/workspace';

/** Issue 12 item 7: "by whom" is the person's display name from Settings, not the computer's account name. */

const actors = (db: import('better-sqlite3').Database) =>
  (db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').all() as { actor: string }[]).map((r) => r.actor);

describe('the display name in the audit trail', () => {
  it('defaults to the account name until given; then every "by whom" shows it', async () => {
    const { call, ws } = tmpWorkspace();
    seedOrg(ws.db, [2]);
    const before = await call('settings/get');
    expect(before.displayName).toBe('');
    expect(before.accountName.length).toBeGreaterThan(0);
    // Until a name is given the door's account name stands in ('tester' here).
    await call('targets/set', { year: 2026, amount: 100_000 });
    expect(actors(ws.db)).toEqual(['tester']);

    const after = await call('settings/set', { displayName: '  王经理 ' });
    expect(after.displayName).toBe('王经理');
    await call('targets/breakdown', { year: 2026, method: 'even' });
    await call('targets/workflow', { year: 2026, action: 'submit' });
    await call('targets/workflow', { year: 2026, action: 'approve' });
    expect((await call('targets/show', { year: 2026 })).approvedBy).toBe('王经理');
    expect(actors(ws.db)).toEqual(['tester', '王经理']);
    const history = await call('targets/cell-history', { year: 2026, scope: 'company', id: 0, period: 'Y' });
    expect(history.map((h) => h.actor)).toContain('王经理');
  });

  it('refuses an empty or too long name in both languages and keeps the old one', async () => {
    const { call, attempt } = tmpWorkspace();
    await call('settings/set', { displayName: 'Li' });
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const displayName of ['   ', 'x'.repeat(51)]) {
        const r = await attempt('settings/set', { displayName }, lang);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('request/invalid-input');
      }
    }
    expect((await call('settings/get')).displayName).toBe('Li');
  });

  it('the command line signs its changes with the display name too', async () => {
    const { call, ws, dir } = tmpWorkspace();
    seedOrg(ws.db, [1]);
    await call('settings/set', { displayName: 'Zhang Wei' });
    ws.close();
    const r = cli(['--data-dir', dir, 'targets', 'set', '--year', '2026', '--amount', '5000']);
    expect(r.status, r.stderr).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(`${dir}/workbench.db`, { readonly: true });
    expect(actors(db)).toEqual(['Zhang Wei']);
    db.close();
  });
});
