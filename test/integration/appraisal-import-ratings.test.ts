import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normalizeQuarter } from '../../src-main/services/import/kinds/ratings';
import { seedAppraisalCompany, decideOutcomes } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

async function sheet(dir: string, rows: unknown[][], name = 'ratings.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分');
  ws.addRow(['季度', '工号', '姓名', '指标', '等级', '备注']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function computed() {
  const w = tmpWorkspace('zh-CN');
  seedAppraisalCompany(w.ws.db);
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  const count = () => (w.ws.db.prepare('SELECT COUNT(*) AS n FROM review_ratings').get() as { n: number }).n;
  return { ...w, count };
}

const GOOD = [
  ['2026Q3', 'S1', '张伟', '团队协作', 3, '乐于分享'],
  ['2026年第3季度', '', '张伟', 'initiative', 4, null],
  ['2026 Q3', 'S1', '', 'Communication', 5, null],
  ['2026Q3', 'S1', '', '销售技巧', 4, null],
];

describe('import ratings from Excel (P6.1 rated KPIs)', () => {
  it('reads quarter, person (number or unique name), KPI by key or label in either language, level and note; rescores', async () => {
    const { call, dir, count } = await computed();
    const r = await call('import/run', { kind: 'ratings', file: { path: await sheet(dir, GOOD) } });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 4 } });
    expect(count()).toBe(4);
    const show = await call('appraisal/show', { quarter: '2026Q3', person: 'S1' });
    expect(show.people[0].kpis.teamwork).toMatchObject({ value: 3, score: 60, note: '乐于分享' });
    expect(show.people[0].total).toBe(93.89); // the hand-computed case of appraisal-compute.test.ts
    const again = await call('import/run', { kind: 'ratings', file: { path: await sheet(dir, GOOD, 'again.xlsx') } });
    expect(again.rows).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('one bad row (level outside the rubric, a computed KPI, an unknown person, a bad quarter) writes nothing', async () => {
    const { attempt, dir, count } = await computed();
    const bad = [
      ...GOOD,
      ['2026Q3', 'S2', '', '团队协作', 7, null],
      ['2026Q3', 'S2', '', '目标完成率', 3, null],
      ['2026Q3', 'S9', '', '团队协作', 3, null],
      ['2026Q9', 'S2', '', '团队协作', 3, null],
    ];
    const r = await attempt('import/run', { kind: 'ratings', file: { path: await sheet(dir, bad) } });
    const value = r.ok ? (r.value as { committed: boolean; errors: { row: number; message: string }[] }) : null;
    const errors = r.ok
      ? value!.errors
      : ((r.error.details as { errors?: { row: number; message: string }[] })?.errors ?? []);
    if (r.ok) expect(value!.committed).toBe(false);
    expect(count()).toBe(0);
    const text = JSON.stringify(r);
    expect(text).toContain('7 不是团队协作评分标准中的等级');
    expect(text).toContain('“目标完成率”不是评分指标');
    expect(text).toContain('“2026Q9”不是季度');
    expect(errors.length === 0 || errors.some((e) => e.row === 6)).toBe(true);
  });

  it('P6.4 a locked appraisal refuses the import', async () => {
    const { call, attempt, dir, count, ws } = await computed();
    const all = ['S1', 'S2', 'S3'].flatMap((p) =>
      ['initiative', 'communication', 'sellingSkill', 'teamwork'].map((k) => ['2026Q3', p, '', k, 3, null]),
    );
    await call('import/run', { kind: 'ratings', file: { path: await sheet(dir, all, 'all.xlsx') } });
    await decideOutcomes(call, '2026Q3');
    await call('appraisal/approve', { quarter: '2026Q3' });
    await call('appraisal/lock', { quarter: '2026Q3' });
    const before = count();
    const audit = (ws.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const r = await attempt('import/run', {
      kind: 'ratings',
      file: { path: await sheet(dir, [['2026Q3', 'S1', '', 'teamwork', 5, null]], 'late.xlsx') },
    });
    expect(JSON.stringify(r)).toContain('2026Q3的考核已锁定');
    if (r.ok) expect((r.value as { committed: boolean }).committed).toBe(false);
    expect(count()).toBe(before);
    expect(
      (
        ws.db
          .prepare(
            "SELECT score FROM review_ratings r JOIN staff s ON s.id = r.staff_id WHERE s.employee_no = 'S1' AND kpi_key = 'teamwork'",
          )
          .get() as { score: number }
      ).score,
    ).toBe(3);
    expect(
      (ws.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'review_rating'").get() as { n: number }).n,
    ).toBeLessThanOrEqual(audit);
  });

  it('understands the usual ways of writing a quarter', () => {
    expect(
      ['2026Q3', '2026 q3', 'Q3 2026', '2026-Q3', '2026年第3季度', '2026年第三季度'].map(normalizeQuarter),
    ).toEqual(Array(6).fill('2026Q3'));
    expect(['2026Q5', '三季度', ''].map(normalizeQuarter)).toEqual([null, null, null]);
  });
});
