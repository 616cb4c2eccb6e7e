import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { Workspace } from '../../src-main/db/workspace';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

/** A data folder with the hand-computed company, its 2026Q3 appraisal computed and fully rated. */
async function folder(): Promise<string> {
  const dir = tmpDir('wb-appraisal-cli-');
  const ws = new Workspace(dir);
  seedAppraisalCompany(ws.db);
  for (const [name, input] of [
    ['appraisal/compute', { quarter: '2026Q3' }],
    [
      'appraisal/rate-many',
      { quarter: '2026Q3', ratings: HAND_RATINGS.filter((r) => !(r.person === 'S1' && r.kpi === 'teamwork')) },
    ],
  ] as const) {
    const r = await dispatch(ws, name, input, { lang: 'en', actor: 'tester' });
    if (!r.ok) throw new Error(r.error.message);
  }
  ws.close();
  return dir;
}

describe('review and report commands (cli.md)', () => {
  it('review show --json is exactly the documented shape, one document', async () => {
    const dir = await folder();
    const r = cli(['--data-dir', dir, '--json', 'review', 'show', '--quarter', '2026Q3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ quarter: '2026Q3', status: 'draft' });
    for (const k of doc.scheme.kpis)
      expect(Object.keys(k)).toEqual(expect.arrayContaining(['key', 'label', 'weight', 'source']));
    const a = doc.people.find((p: { employeeNo: string }) => p.employeeNo === 'S1');
    expect(a).toMatchObject({ employeeNo: 'S1', name: '张伟', total: expect.any(Number), grade: expect.any(String) });
    expect(a.kpis.completion).toEqual(expect.objectContaining({ value: 115, score: 115 }));
    for (const o of a.outcomes) expect(Object.keys(o)).toEqual(expect.arrayContaining(['type', 'amount', 'reason']));
    expect(a.outcomes.map((o: { type: string }) => o.type)).toContain('bonus');
    // `appraisal` is the command's own name, `review` the one cli.md gives it: the same answer either way
    const same = cli(['--data-dir', dir, '--json', 'appraisal', 'show', '--quarter', '2026Q3']);
    expect(same.status, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toEqual(doc);
    // a usage error repeats the name that was typed
    expect(cli(['--data-dir', dir, 'appraisal', 'show']).stderr).toContain('appraisal show needs --quarter');
    expect(cli(['--data-dir', dir, 'review', 'show']).stderr).toContain('review show needs --quarter');
  });

  it('review compute prints the appraisal and who changed; --json is the documented shape (cli.md)', async () => {
    const dir = await folder();
    const r = cli(['--data-dir', dir, 'review', 'compute', '--quarter', '2026Q3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^2026Q3 · .* · 3 people · 1 ratings missing · bonus ¥/),
      '0 people changed, 0 no longer appraised.',
    ]);
    const json = cli(['--data-dir', dir, '--json', 'appraisal', 'compute', '--quarter', '2026Q3']);
    expect(json.status, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc).sort()).toEqual(
      ['changed', 'computedAt', 'previousComputedAt', 'quarter', 'removed', 'scheme', 'status', 'summary'].sort(),
    );
    expect(doc).toMatchObject({ quarter: '2026Q3', changed: [], removed: [], summary: { people: 3 } });
    const zh = cli(['--data-dir', dir, '--lang', 'zh-CN', 'review', 'compute', '--quarter', '2026Q3']);
    expect(zh.stdout).toContain('0 人的结果有变化，0 人不再参加考核。');
  });

  it('rate → approve → lock, then every change exits 1 with review/locked (and --json still one document)', async () => {
    const dir = await folder();
    const early = cli(['--data-dir', dir, 'review', 'approve', '--quarter', '2026Q3']);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('review/ratings-missing');
    const rate = cli([
      '--data-dir',
      dir,
      '--json',
      'review',
      'rate',
      '--quarter',
      '2026Q3',
      '--person',
      'S1',
      '--kpi',
      'teamwork',
      '--score',
      '3',
      '--note',
      '乐于分享',
    ]);
    expect(rate.status, rate.stderr).toBe(0);
    expect(JSON.parse(rate.stdout)).toMatchObject({
      employeeNo: 'S1',
      total: 93.89,
      grade: 'S',
      kpis: { teamwork: { value: 3, score: 60, note: '乐于分享' } },
    });
    // P6.2, P6.3: not approved while rewards and penalties are only proposed; the refusal names them.
    const undecided = cli(['--data-dir', dir, 'review', 'approve', '--quarter', '2026Q3']);
    expect(undecided.status).toBe(1);
    expect(undecided.stderr).toContain('(review/outcomes-undecided)');
    expect(undecided.stderr).toContain('张伟 (S1): Bonus');
    const shown = JSON.parse(cli(['--data-dir', dir, '--json', 'review', 'show', '--quarter', '2026Q3']).stdout) as {
      people: { outcomes: { id: number }[] }[];
    };
    for (const o of shown.people.flatMap((p) => p.outcomes))
      expect(
        cli([
          '--data-dir',
          dir,
          'review',
          'outcome',
          '--quarter',
          '2026Q3',
          '--id',
          String(o.id),
          '--decision',
          'confirmed',
        ]).status,
      ).toBe(0);
    expect(cli(['--data-dir', dir, 'review', 'approve', '--quarter', '2026Q3']).status).toBe(0);
    const lock = cli(['--data-dir', dir, 'review', 'lock', '--quarter', '2026Q3']);
    expect(lock.status).toBe(0);
    expect(lock.stdout).toContain('2026Q3 is now Locked.');
    const refused = cli([
      '--data-dir',
      dir,
      'review',
      'rate',
      '--quarter',
      '2026Q3',
      '--person',
      'S1',
      '--kpi',
      'teamwork',
      '--score',
      '5',
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('locked');
    expect(refused.stderr).toContain('(review/locked)');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const json = cli(['--data-dir', dir, '--json', 'review', 'compute', '--quarter', '2026Q3']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'review/locked' } });
    const zh = cli(['--data-dir', dir, '--lang', 'zh-CN', 'review', 'lock', '--quarter', '2026Q3']);
    expect(zh.stderr).toContain('2026Q3的考核已锁定');
  });

  it('wrong usage exits 2; refused input exits 1', async () => {
    const dir = await folder();
    for (const args of [
      ['review', 'rate', '--quarter', '2026Q3', '--kpi', 'teamwork', '--score', '3'],
      ['review', 'rate', '--quarter', '2026Q3', '--person', 'S1', '--kpi', 'teamwork', '--score', 'high'],
      ['review', 'frobnicate'],
      ['review', 'show'],
      ['report', 'appraisal', '--quarter', '2026Q3', '--out', 'x.docx'],
      ['report', 'summary', '--quarter', '2026Q3', '--out', 'x.html'],
    ]) {
      const r = cli(['--data-dir', dir, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const outside = cli([
      '--data-dir',
      dir,
      'review',
      'rate',
      '--quarter',
      '2026Q3',
      '--person',
      'S1',
      '--kpi',
      'teamwork',
      '--score',
      '7',
    ]);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain('7 is not a level of the rubric of "teamwork"');
    const badFile = cli([
      '--data-dir',
      dir,
      'review',
      'scheme',
      '--quarter',
      '2026Q3',
      '--file',
      path.join(dir, 'missing.json'),
    ]);
    expect(badFile.status).toBe(1);
    expect(badFile.stderr).toContain('review/scheme-file');
    const noDir = cli([
      '--data-dir',
      dir,
      'report',
      'appraisal',
      '--quarter',
      '2026Q3',
      '--out',
      path.join(dir, 'nope', 'r.html'),
    ]);
    expect(noDir.status).toBe(1);
    expect(noDir.stderr).toContain('file/out-dir-missing');
    const noBrowser = cli(
      ['--data-dir', dir, 'report', 'appraisal', '--quarter', '2026Q3', '--out', path.join(dir, 'r.pdf')],
      { WORKBENCH_CHROMIUM: '/nonexistent/chrome' },
    );
    expect(noBrowser.status).toBe(1);
    expect(noBrowser.stderr).toContain('report/no-browser');
  });
});
