import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCells, reconcileProblems, seedOrg } from '../support/targets-org';
import { tmpDir, tmpWorkspace } from '../support/workspace';

const FIXTURE = path.resolve(__dirname, '../fixtures/external/NikkiMittal__E-Commerce-Sales-Analysis/Sales target.csv');
type ImportAnswer = {
  committed: boolean;
  rows: { valid: number; invalid: number; inserted: number; updated: number; unchanged: number };
  errors: { row: number; message: string; code: string }[];
};

async function wideSheet(file: string, header: (string | number)[], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026目标');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

const MONTHS_ZH = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

describe('targets import and export (P2.2 item 9)', () => {
  it('an exported plan imports back unchanged (wide layout, both languages)', async () => {
    const w = tmpWorkspace();
    await w.call('demo/create', { size: 'small', seed: 3, today: '2026-06-15' });
    const before = JSON.stringify([...readCells(w.ws.db, 2026)].sort());
    for (const lang of ['en', 'zh-CN'] as const) {
      const file = path.join(w.dir, `plan-${lang}.xlsx`);
      const out = await w.attempt('targets/export', { year: 2026, out: { path: file } }, lang);
      expect(out.ok).toBe(true);
      const r = (await w.call('import/run', { kind: 'targets', file: { path: file } })) as ImportAnswer;
      expect(r.committed).toBe(true);
      expect(r.rows.invalid).toBe(0);
      expect(r.rows.inserted + r.rows.updated).toBe(0);
      expect(r.rows.unchanged).toBeGreaterThanOrEqual(20);
      expect(JSON.stringify([...readCells(w.ws.db, 2026)].sort())).toBe(before);
    }
  });

  it('imports a wide sheet with Chinese month headers and a year-total column; the plan reconciles', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [2]);
    const file = path.join(tmpDir(), 'wide.xlsx');
    const a = Array.from({ length: 12 }, (_, i) => 10_000 * (i + 1));
    const b = Array.from({ length: 12 }, () => 5_000);
    await wideSheet(
      file,
      ['工号', '姓名', ...MONTHS_ZH, '全年合计'],
      [
        ['E001', 'Person 1', ...a, a.reduce((x, y) => x + y, 0)],
        ['E002', 'Person 2', ...b, 60_000],
      ],
    );
    const r = (await w.call('import/run', { kind: 'targets', file: { path: file }, year: 2026 })) as ImportAnswer;
    expect(r.rows).toMatchObject({ valid: 2, inserted: 2 });
    const cells = readCells(w.ws.db, 2026);
    expect(cells.get(`person:${org.people[0].id}:M12`)!.amount).toBe(120_000);
    expect(cells.get(`person:${org.people[0].id}:Y`)!.amount).toBe(780_000);
    expect(cells.get('company:0:Y')!.amount).toBe(840_000);
    expect(reconcileProblems(w.ws.db, 2026)).toEqual([]);
    const again = (await w.call('import/run', { kind: 'targets', file: { path: file }, year: 2026 })) as ImportAnswer;
    expect(again.rows).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a wide sheet with a wrong year total, a negative month, a text amount or an unknown person: nothing written', async () => {
    const w = tmpWorkspace();
    seedOrg(w.ws.db, [2]);
    const file = path.join(tmpDir(), 'bad.xlsx');
    const ok = Array.from({ length: 12 }, () => 1_000);
    await wideSheet(
      file,
      ['工号', '年度', ...MONTHS_ZH, '全年合计'],
      [
        ['E001', 2026, ...ok, 99_999],
        ['E002', 2026, -5, ...ok.slice(1), null],
        ['E002', 2027, 'abc', ...ok.slice(1), null],
        ['X999', 2026, ...ok, null],
      ],
    );
    const r = (await w.call('import/run', { kind: 'targets', file: { path: file } })) as ImportAnswer;
    expect(r.committed).toBe(false);
    expect(r.rows.invalid).toBe(4);
    const byRow = new Map(r.errors.map((e) => [e.row, e]));
    expect(byRow.get(2)!.code).toBe('targets.import.problem.total-mismatch');
    expect(byRow.get(2)!.message).toContain('99,999');
    expect(byRow.get(5)!.message).toMatch(/X999/);
    expect([...byRow.keys()].sort()).toEqual([2, 3, 4, 5]);
    expect(readCells(w.ws.db, 2026).size).toBe(0);
  });

  it('a real long sheet (Kaggle "Sales target.csv": month-year text, team names in odd case) goes to the right years', async () => {
    const w = tmpWorkspace();
    const names = ['Furniture', 'Clothing', 'Electronics'];
    const db = w.ws.db;
    names.forEach((n, i) => {
      db.prepare("INSERT INTO teams (name, created_at) VALUES (?, 'x')").run(n);
      db.prepare(
        "INSERT INTO staff (employee_no, name, team_id, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')",
      ).run(`C${i}`, n, i + 1);
    });
    const unmapped = (await w.call('import/run', { kind: 'targets', file: { path: FIXTURE } })) as ImportAnswer;
    expect(unmapped.committed).toBe(false);
    expect(unmapped.errors[0].message).toMatch(/year|neither/);
    const r = (await w.call('import/run', {
      kind: 'targets',
      file: { path: FIXTURE },
      mapping: { team: 'Category' },
      year: 2018,
    })) as ImportAnswer;
    expect(r.rows).toMatchObject({ valid: 36, inserted: 36 });
    // Independent reading of the CSV: "Apr-18,Furniture,10400".
    const expected = new Map<string, number>();
    for (const line of fs.readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/).slice(1)) {
      const [mon, cat, target] = line.split(',');
      const [m, yy] = mon.trim().split('-');
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m) + 1;
      const team = names.findIndex((n) => n.toLowerCase() === cat.trim().toLowerCase()) + 1;
      expected.set(`${2000 + Number(yy)}:team:${team}:M${month}`, Number(target));
    }
    for (const [k, v] of expected) {
      const [year, ...rest] = k.split(':');
      expect(readCells(db, Number(year)).get(rest.join(':'))!.amount, k).toBe(v);
    }
    expect(reconcileProblems(db, 2018)).toEqual([]);
    expect(reconcileProblems(db, 2019)).toEqual([]);
  });
});
