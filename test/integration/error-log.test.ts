import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, logFile, logInternalError } from '../../src-main/runtime/error-log';
import { cliSync } from '../support/cli-child';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 17, item 3: an unexpected error reaches a person as one line with its code and where the
// details were written; the stack goes to a rotated log in the data folder, never to the terminal.

describe('unexpected errors (issue 17, item 3)', () => {
  it('the CLI prints one line naming the log; the log holds the stack', () => {
    const dir = tmpDir();
    expect(cliSync(['--data-dir', dir, 'init']).status).toBe(0);
    // A file where the backups folder belongs: the backup fails in a way no message foresees.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    for (const lang of ['en', 'zh-CN']) {
      const r = cliSync(['--data-dir', dir, '--lang', lang, 'backup', 'create']);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('(internal)');
      expect(r.stderr).toContain(logFile(dir));
      expect(r.stderr).not.toMatch(/\bat \S+ \(/);
      const ref = /(?:reference|编号) ([0-9a-f]{8})/.exec(r.stderr)?.[1];
      expect(ref, r.stderr).toBeDefined();
      const log = fs.readFileSync(logFile(dir), 'utf8');
      expect(log).toMatch(new RegExp(`ref=${ref} pid=\\d+ backup/create\\n\\w*Error: .*\\n\\s+at `));
    }
  });

  it('every door answers internal with the log and reference in its details, not the stack', async () => {
    const { ws, attempt } = tmpWorkspace();
    fs.writeFileSync(path.join(ws.dataDir, 'backups'), 'not a folder');
    const r = await attempt('backup/create');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { log: logFile(ws.dataDir), ref: expect.stringMatching(/^[0-9a-f]{8}$/) } },
    });
    if (!r.ok) expect(r.error.message).not.toMatch(/\n/);
    ws.close();
  });

  it('the log is rotated at 1 MB, three old files kept', () => {
    const dir = tmpDir();
    const big = new Error('x'.repeat(300 * 1024));
    for (let i = 0; i < 20; i++) logInternalError(dir, `op ${i}`, big);
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['workbench.1.log', 'workbench.2.log', 'workbench.3.log', 'workbench.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThan(LOG_MAX_BYTES + 400 * 1024);
    expect(fs.readFileSync(logFile(dir), 'utf8')).toContain('op 19');
  });
});
