import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
  const r = cli(['--data-dir', dir, '--json', 'demo', '--today', '2026-08-20']);
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

const sql = <T>(q: string, ...args: unknown[]): T => {
  const db = new Database(path.join(dir, 'workbench.db'), { readonly: true });
  try {
    return db
      .prepare(q)
      .pluck()
      .get(...args) as T;
  } finally {
    db.close();
  }
};

describe('recruitment and training on the command line (cli.md, P5.1–P5.5)', () => {
  it('recruit funnel --json has cli.md’s shape, and its counts match the demo’s candidates', () => {
    const r = cli(['--data-dir', dir, '--json', 'recruit', 'funnel']);
    expect(r.status, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'applied',
      'screened',
      'interviewed',
      'offered',
      'hired',
    ]);
    expect(f.stages[0].count).toBe(sql('SELECT count(*) FROM candidates'));
    expect(f.hired).toBe(sql('SELECT count(*) FROM candidates WHERE staff_id IS NOT NULL'));
    expect(f.stages.map((s: { count: number }) => s.count)).toEqual(
      [...f.stages.map((s: { count: number }) => s.count)].sort((a, b) => b - a),
    );
    expect(typeof f.timeToHireDays).toBe('number');
    const running = sql<number>("SELECT id FROM recruitment_plans WHERE status = 'open'");
    const p = JSON.parse(cli(['--data-dir', dir, '--json', 'recruit', 'funnel', '--plan', String(running)]).stdout);
    // the running plan has someone at every stage before hire
    expect(p.stages.slice(0, 4).every((s: { count: number }) => s.count > 0)).toBe(true);
  });

  it('training effect --json has cli.md’s shape; an unknown course is refused (exit 1), a missing option is usage (exit 2)', () => {
    const course = sql<number>('SELECT id FROM training_plans ORDER BY id LIMIT 1');
    const r = cli(['--data-dir', dir, '--json', 'training', 'effect', '--course', String(course)]);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['course', 'trained', 'untrained', 'tooSmall']));
    expect(Object.keys(e.trained)).toEqual(expect.arrayContaining(['n', 'before', 'after']));
    const bad = cli(['--data-dir', dir, 'training', 'effect', '--course', '999']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('No course with id 999');
    const zh = cli(['--data-dir', dir, '--lang', 'zh-CN', 'training', 'effect', '--course', '999']);
    expect(zh.stderr).toContain('找不到编号为 999 的课程');
    expect(cli(['--data-dir', dir, 'training', 'effect']).status).toBe(2);
  });

  it('prints a sign-in sheet and a blank interview scorecard to files', () => {
    const session = sql<number>("SELECT id FROM training_sessions WHERE date > '2026-08-20' ORDER BY id LIMIT 1");
    const sheet = path.join(dir, 'sign-in.html');
    expect(cli(['--data-dir', dir, 'training', 'sign-in', '--session', String(session), '--out', sheet]).status).toBe(
      0,
    );
    expect(fs.readFileSync(sheet, 'utf8')).toContain('sign-in sheet');
    const candidate = sql<number>("SELECT id FROM candidates WHERE status = 'interview' LIMIT 1");
    const card = path.join(dir, 'card.html');
    expect(
      cli([
        '--data-dir',
        dir,
        '--lang',
        'zh-CN',
        'recruit',
        'scorecard',
        '--candidate',
        String(candidate),
        '--round',
        'first',
        '--out',
        card,
      ]).status,
    ).toBe(0);
    const html = fs.readFileSync(card, 'utf8');
    expect(html).toContain('面试评分表');
    expect(html).toContain('优秀'); // the rubric's top level, spelled out
  });
});
