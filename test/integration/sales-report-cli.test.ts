import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { cli } from '../support/cli';
import { tmpDir } from '../support/workspace';

// cli.md: report sales --period YYYY-MM|YYYY-Www [--team NAME] --out FILE.pdf|FILE.html|FILE.xlsx (P2.6, P5.6)
async function folder(): Promise<string> {
  const dir = tmpDir('wb-sales-cli-');
  const ws = new Workspace(dir);
  const r = await dispatch(
    ws,
    'demo/create',
    { size: 'small', seed: 3, today: '2026-07-15' },
    { lang: 'en', actor: 'tester' },
  );
  if (!r.ok) throw new Error(r.error.message);
  ws.close();
  return dir;
}

describe('report sales (cli.md)', () => {
  it('writes the monthly report as PDF, HTML and .xlsx, keeps each, and report appraisal still answers', async () => {
    const dir = await folder();
    const pdf = path.join(dir, 'june.pdf');
    const r = cli(['--data-dir', dir, '--json', 'report', 'sales', '--period', '2026-06', '--out', pdf]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: pdf, format: 'pdf', id: 1 });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const team = cli([
      '--data-dir',
      dir,
      '--lang',
      'zh-CN',
      'report',
      'sales',
      '--period',
      '2026-W26',
      '--team',
      '华东区',
      '--out',
      path.join(dir, 'w.xlsx'),
    ]);
    expect(team.status, team.stderr).toBe(0);
    expect(team.stdout).toContain('w.xlsx');
    const html = cli([
      '--data-dir',
      dir,
      'report',
      'sales',
      '--period',
      '2026-06',
      '--out',
      path.join(dir, 'june.html'),
    ]);
    expect(html.status, html.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'june.html'), 'utf8')).toContain('size: A4 portrait');
    const list = cli(['--data-dir', dir, '--json', 'plans', 'suggest', '--period', '2026-06', '--limit', '3']);
    expect(list.status, list.stderr).toBe(0);
    const suggested = JSON.parse(list.stdout) as {
      period: string;
      asOf: string;
      people: { employeeNo: string; suggestions: { key: string; customer: string }[] }[];
    };
    expect(suggested).toMatchObject({ period: '2026-06', asOf: '2026-06-30' });
    // one suggestion becomes an activity (plans take); the same again is refused, as are a missing key and an unknown one
    const who = suggested.people.find((p) => p.suggestions.length > 0)!;
    const take = ['--data-dir', dir, 'plans', 'take', '--period', '2026-06', '--person', who.employeeNo];
    const taken = cli([...take, '--key', who.suggestions[0].key, '--date', '2026-07-01']);
    expect(taken.status, taken.stderr).toBe(0);
    expect(taken.stdout).toContain('2026-07-01');
    const again = cli(['--lang', 'en', ...take, '--key', who.suggestions[0].key]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already an activity');
    expect(cli(take).status).toBe(2);
    const unknown = cli(['--lang', 'zh-CN', ...take, '--key', 'orders-fell:999999']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('orders-fell:999999');
    const appraisal = cli(['--data-dir', dir, 'report', 'appraisal', '--out', path.join(dir, 'a.pdf')]);
    expect(appraisal.status).toBe(2);
  }, 120_000);

  it('wrong usage exits 2, a wrong period or team exits 1 with the message, and nothing is kept', async () => {
    const dir = await folder();
    const noOut = cli(['--data-dir', dir, 'report', 'sales', '--period', '2026-06']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const ext = cli(['--data-dir', dir, 'report', 'sales', '--period', '2026-06', '--out', path.join(dir, 'x.docx')]);
    expect(ext.status).toBe(2);
    const period = cli(['--data-dir', dir, 'report', 'sales', '--period', 'June', '--out', path.join(dir, 'x.pdf')]);
    expect(period.status).toBe(1);
    expect(period.stderr).toContain('YYYY-MM');
    const team = cli([
      '--data-dir',
      dir,
      '--lang',
      'zh-CN',
      'report',
      'sales',
      '--period',
      '2026-06',
      '--team',
      '火星区',
      '--out',
      path.join(dir, 'x.pdf'),
    ]);
    expect(team.status).toBe(1);
    expect(team.stderr).toContain('没有名为“火星区”的团队');
    const ws = new Workspace(dir);
    expect(ws.db.prepare('SELECT count(*) FROM sales_reports').pluck().get()).toBe(0);
    ws.close();
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  }, 120_000);
});
