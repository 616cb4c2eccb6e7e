import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

describe('command line (cli.md)', () => {
  it('init creates the database and --json prints exactly one JSON document', () => {
    const dir = tmpDir();
    const r = cli(['--data-dir', dir, '--json', 'init']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ database: path.join(dir, 'workbench.db'), schemaVersion: expect.any(Number) });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'workbench.db'))).toBe(true);
  });

  it('accepts global options after the command and WORKBENCH_DATA_DIR', () => {
    const dir = tmpDir();
    const r = cli(['init', '--json'], { WORKBENCH_DATA_DIR: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).database).toBe(path.join(dir, 'workbench.db'));
  });

  it('wrong usage exits 2 with a one-line message in the chosen language and no stack trace', () => {
    const dir = tmpDir();
    for (const args of [
      ['frobnicate'],
      ['demo', '--size', 'huge'],
      ['demo', '--seed', 'abc'],
      ['init', '--bogus'],
      ['backup', 'explode'],
    ]) {
      const r = cli(['--data-dir', dir, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    const zh = cli(['--data-dir', dir, '--lang', 'zh-CN', 'demo', '--size', 'huge']);
    expect(zh.stderr).toContain('只能是');
    const badLang = cli(['--data-dir', dir, '--lang', 'fr', 'init']);
    expect(badLang.status).toBe(2);
  });

  it('refused input exits 1 with the error code, and --json still gives one document', () => {
    const dir = tmpDir();
    const r = cli(['--data-dir', dir, '--json', 'backup', 'restore', 'nope.db']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'backup/not-found' } });
    expect(r.stderr).toContain('backup/not-found');
  });

  it('backs up and lists backups', () => {
    const dir = tmpDir();
    expect(cli(['--data-dir', dir, 'init']).status).toBe(0);
    const made = cli(['--data-dir', dir, '--json', 'backup', 'create']);
    expect(made.status).toBe(0);
    const { name } = JSON.parse(made.stdout);
    const list = cli(['--data-dir', dir, '--json', 'backup', 'list']);
    expect(JSON.parse(list.stdout).map((b: { name: string }) => b.name)).toContain(name);
    const restored = cli(['--data-dir', dir, 'backup', 'restore', name]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(name);
  });

  it('demo fills an empty database once and refuses a second time with exit 1', () => {
    const dir = tmpDir();
    const r = cli(['--data-dir', dir, '--json', 'demo', '--seed', '7', '--today', '2026-11-27']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ size: 'small', reviewQuarter: '2026Q3', targetYear: 2026 });
    expect(doc.staff).toBeGreaterThanOrEqual(20);
    expect(doc.customers).toBe(300);
    const again = cli(['--data-dir', dir, 'demo']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('demo/not-empty');
  });
});
