import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetAndActualByPerson } from '../../src-main/services/targets/actuals';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
  const r = cli(['--data-dir', dir, '--json', 'demo', '--today', '2026-08-20']);
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

describe('targets on the command line (cli.md)', () => {
  it('targets show --json has exactly the shape cli.md gives, in yuan, and reconciles', () => {
    const r = cli(['--data-dir', dir, '--json', 'targets', 'show', '--year', '2026']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const s = JSON.parse(r.stdout);
    expect(s.year).toBe(2026);
    expect(Object.keys(s.company)).toEqual(expect.arrayContaining(['annual', 'quarters', 'months', 'actualMonths']));
    expect(s.company.quarters).toHaveLength(4);
    expect(s.company.months).toHaveLength(12);
    expect(s.company.actualMonths).toHaveLength(12);
    for (const t of s.teams)
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['name', 'annual', 'quarters', 'months', 'actualMonths']));
    for (const p of s.people) {
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining([
          'employeeNo',
          'name',
          'team',
          'annual',
          'quarters',
          'months',
          'actualMonths',
          'locked',
        ]),
      );
      expect(p.months.reduce((a: number, b: number) => a + b, 0)).toBe(p.annual);
    }
    expect(s.teams.reduce((a: number, t: { annual: number }) => a + t.annual, 0)).toBe(s.company.annual);
    // Actual sales for July from the orders table, independently.
    const db = new Database(path.join(dir, 'workbench.db'), { readonly: true });
    const july =
      (
        db.prepare("SELECT sum(amount) AS s FROM orders WHERE date BETWEEN '2026-07-01' AND '2026-07-31'").get() as {
          s: number;
        }
      ).s / 100;
    expect(s.company.actualMonths[6]).toBeCloseTo(july, 2);
    db.close();
  });

  it('set, lock, breakdown and undo; a bad amount is refused input (exit 1), wrong usage exits 2', () => {
    const base = ['--data-dir', dir, '--json', 'targets'];
    const set = cli([
      ...base,
      'set',
      '--year',
      '2026',
      '--person',
      'S0003',
      '--month',
      '9',
      '--amount',
      '450000',
      '--lock',
      '--reason',
      'key account',
    ]);
    expect(set.status, set.stderr).toBe(0);
    const bd = cli([
      ...base,
      'breakdown',
      '--year',
      '2026',
      '--method',
      'weights',
      '--weights',
      '1,1,1,1,1,1,1,1,2,1,1,1',
      '--reason',
      'reseason',
    ]);
    expect(bd.status, bd.stderr).toBe(0);
    const shown = JSON.parse(cli([...base, 'show', '--year', '2026']).stdout);
    const p = shown.people.find((x: { employeeNo: string }) => x.employeeNo === 'S0003');
    expect(p.months[8]).toBe(450000);
    expect(p.locked).toEqual([9]);
    const bad = cli([...base, 'set', '--year', '2026', '--amount', 'abc', '--reason', 'x']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'targets/not-a-number' } });
    const neg = cli([...base, 'set', '--year', '2026', '--amount=-10', '--reason', 'x']);
    expect(neg.status).toBe(1);
    expect(neg.stderr).toContain('targets/negative');
    const noReason = cli([...base, 'set', '--year', '2026', '--amount', '1']);
    expect(noReason.status).toBe(1);
    expect(noReason.stderr).toContain('targets/adjustment-needs-reason');
    for (const args of [
      ['breakdown', '--year', '2026'],
      ['breakdown', '--year', '2026', '--method', 'magic'],
      ['breakdown', '--year', '2026', '--method', 'weights', '--weights', '1,2'],
      ['set', '--amount', '5'],
      ['frob', '--year', '2026'],
    ]) {
      const r = cli([...base, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const undo = cli([...base, 'undo', '--year', '2026', '--reason', 'oops']);
    expect(JSON.parse(undo.stdout).undone).toBe('breakdown');
    const text = cli(['--data-dir', dir, '--lang', 'zh-CN', 'targets', 'track', '--year', '2026']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('完成率');
  });

  it('P6.1 target and actual per person for a quarter match an independent sum over target_cells and orders', () => {
    const db = new Database(path.join(dir, 'workbench.db'), { readonly: true });
    const rows = targetAndActualByPerson(db, { year: 2026, months: [4, 5, 6] });
    expect(rows.length).toBeGreaterThan(15);
    for (const r of rows.slice(0, 8)) {
      const target = (
        db
          .prepare(
            "SELECT coalesce(sum(amount), 0) AS s FROM target_cells WHERE year = 2026 AND scope = 'person' AND scope_id = ? AND metric = 'sales' AND period IN ('M4', 'M5', 'M6')",
          )
          .get(r.staffId) as { s: number }
      ).s;
      const actual = (
        db
          .prepare(
            "SELECT coalesce(sum(amount), 0) AS s FROM orders WHERE salesperson_id = ? AND date >= '2026-04-01' AND date <= '2026-06-30'",
          )
          .get(r.staffId) as { s: number }
      ).s;
      expect(r.target).toBe(target);
      expect(r.actual).toBe(actual);
      if (target > 0) expect(r.completion).toBeCloseTo(actual / target, 10);
    }
    db.close();
  });
});
