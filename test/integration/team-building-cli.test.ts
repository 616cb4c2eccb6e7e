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

  it('P5.5 training effects: the demo appraises the quarters around its sessions, so a course has trained and untrained groups to compare', () => {
    const r = cli(['--data-dir', dir, '--json', 'training', 'effects']);
    expect(r.status, r.stderr).toBe(0);
    const table = JSON.parse(r.stdout) as {
      course: { id: number };
      kpi: string | null;
      trained: { n: number; before: number | null };
      untrained: { n: number };
      tooSmall: boolean;
    }[];
    const judged = table.filter((e) => !e.tooSmall);
    expect(judged.length).toBeGreaterThan(0);
    // the trained group, counted independently: attendees of the course whose KPI is held for both neighbouring quarters
    const e = judged[0];
    const db = new Database(path.join(dir, 'workbench.db'), { readonly: true });
    try {
      const firsts = db
        .prepare(
          'SELECT a.staff_id AS s, min(x.date) AS d FROM training_attendance a JOIN training_sessions x ON x.id = a.session_id WHERE x.plan_id = ? AND a.attended = 1 GROUP BY a.staff_id',
        )
        .all(e.course.id) as { s: number; d: string }[];
      const value = db.prepare(
        'SELECT v.value FROM review_kpi_values v JOIN reviews r ON r.id = v.review_id WHERE r.quarter = ? AND v.kpi_key = ? AND v.staff_id = ? AND v.value IS NOT NULL',
      );
      const q = (d: string, shift: number) => {
        const i = Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3) + shift;
        return `${Math.floor(i / 4)}Q${(i % 4) + 1}`;
      };
      const pairs = firsts.flatMap(({ s, d }) => {
        const b = value.pluck().get(q(d, -1), e.kpi, s) as number | undefined;
        const a = value.pluck().get(q(d, 1), e.kpi, s) as number | undefined;
        return b === undefined || a === undefined ? [] : [b];
      });
      expect(e.trained.n).toBe(pairs.length);
      expect(e.trained.before).toBeCloseTo(pairs.reduce((x, y) => x + y, 0) / pairs.length, 2);
    } finally {
      db.close();
    }
  });

  it('P5.5 training feedback: a questionnaire for a held session, a platform export imported into it, bad usage and a session to come refused', () => {
    const held = sql<number>("SELECT id FROM training_sessions WHERE date <= '2026-08-20' ORDER BY date DESC LIMIT 1");
    // a session still to come by the real calendar (the demo's own sessions are all in the past by now)
    const db = new Database(path.join(dir, 'workbench.db'));
    const coming = Number(
      db
        .prepare(
          "INSERT INTO training_sessions (plan_id, date, hours, place) SELECT plan_id, ?, 2, '总部' FROM training_sessions LIMIT 1",
        )
        .run(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)).lastInsertRowid,
    );
    db.close();
    const made = cli([
      '--data-dir',
      dir,
      '--lang',
      'zh-CN',
      'training',
      'feedback',
      'create',
      '--session',
      String(held),
    ]);
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(dir, 'feedback.xlsx');
    fs.copyFileSync(path.join(import.meta.dirname, '../fixtures/team-building/feedback-wjx-openpyxl.xlsx'), file);
    const imp = cli(['--data-dir', dir, 'training', 'feedback', 'import', file, '--session', String(held)]);
    expect(imp.status, imp.stderr).toBe(0);
    const shown = JSON.parse(
      cli(['--data-dir', dir, '--json', 'training', 'feedback', '--session', String(held)]).stdout,
    );
    expect([shown.responses, shown.analysis.responses]).toEqual([4, 4]);
    expect(cli(['--data-dir', dir, 'training', 'feedback', 'import', '--session', String(held)]).status).toBe(2);
    expect(cli(['--data-dir', dir, 'training', 'feedback', 'rename', '--session', String(held)]).status).toBe(2);
    expect(cli(['--data-dir', dir, 'training', 'feedback']).status).toBe(2);
    expect(cli(['--data-dir', dir, 'training', 'feedback', 'create', '--session', String(coming)]).status).toBe(0);
    const early = cli(['--data-dir', dir, 'training', 'feedback', 'import', file, '--session', String(coming)]);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('has not happened yet');
  });

  it('P5.5 probation review on the command line: due list, decide on the rubric, print; bad levels and usage refused', () => {
    const person = sql<string>("SELECT employee_no FROM staff WHERE status = 'active' ORDER BY hire_date DESC LIMIT 1");
    const db = new Database(path.join(dir, 'workbench.db'));
    db.prepare("UPDATE staff SET probation_end = '2026-08-31' WHERE employee_no = ?").run(person);
    db.close();
    const due = JSON.parse(cli(['--data-dir', dir, '--json', 'training', 'probation', 'due']).stdout) as {
      employeeNo: string;
    }[];
    expect(due.map((d) => d.employeeNo)).toContain(person);
    const rate = [
      '--rate',
      'initiative=4',
      '--rate',
      'communication=3',
      '--rate',
      'sellingSkill=4',
      '--rate',
      'teamwork=4',
    ];
    const off = cli([
      '--data-dir',
      dir,
      'training',
      'probation',
      'decide',
      '--person',
      person,
      '--decision',
      'confirm',
      ...rate.slice(0, 6),
      '--rate',
      'teamwork=9',
    ]);
    expect(off.status).toBe(1);
    expect(off.stderr).toContain('9');
    expect(
      cli([
        '--data-dir',
        dir,
        'training',
        'probation',
        'decide',
        '--person',
        person,
        '--decision',
        'confirm',
        '--rate',
        'teamwork',
      ]).status,
    ).toBe(2);
    expect(
      cli(['--data-dir', dir, 'training', 'probation', 'decide', '--person', person, '--decision', 'maybe']).status,
    ).toBe(2);
    expect(sql('SELECT count(*) FROM probation_reviews')).toBe(0);
    const ok = cli([
      '--data-dir',
      dir,
      'training',
      'probation',
      'decide',
      '--person',
      person,
      '--decision',
      'confirm',
      ...rate,
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(sql('SELECT decision FROM probation_reviews')).toBe('confirm');
    const page = path.join(dir, 'probation.html');
    expect(cli(['--data-dir', dir, 'training', 'probation', 'print', '--person', person, '--out', page]).status).toBe(
      0,
    );
    expect(fs.readFileSync(page, 'utf8')).toContain('Confirm');
  });
});
