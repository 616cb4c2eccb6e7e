import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(async () => {
  env = tmpWorkspace('en');
  const db = env.ws.db;
  seedAppraisalCompany(db);
  // S1 has two A customers (monthly cadence): one visited 2026-09-15 (due 10-15, on time on 09-30), one last
  // visited 2026-07-01 (due 07-31, overdue on 09-30). Hand-computed: 1 of 2 on time = 50%.
  db.exec(`
    INSERT INTO customers (id, code, name, stage, owner_id, grade, created_at) VALUES
      (101, 'A1', '甲公司', 'customer', 1, 'A', '2025-01-01T00:00:00Z'),
      (102, 'A2', '乙公司', 'customer', 1, 'A', '2025-01-01T00:00:00Z');
    INSERT INTO interactions (customer_id, staff_id, date, kind) VALUES (101, 1, '2026-09-15', 'visit'), (102, 1, '2026-07-01', 'visit');
  `);
  // The scheme's complaint-handling KPI reads the visit cadence instead (P6.1 initiative, switchable in the scheme).
  const { definition } = await env.call('appraisal/scheme', { quarter: '2026Q3' });
  const kpis = definition.kpis.map((k) =>
    k.source === 'complaintHandling'
      ? { ...k, source: 'visitCadence' as const, label: { 'zh-CN': 'A 类客户按时拜访率', en: 'A visited on time' } }
      : k,
  );
  await env.call('appraisal/save-scheme', { quarter: '2026Q3', definition: { ...definition, kpis } });
  await env.call('appraisal/compute', { quarter: '2026Q3' });
});
afterEach(() => env.ws.close());

describe('visitCadence is a percentage wherever the appraisal shows it (P4.2, P6.1)', () => {
  it('held as percent points; the workbook holds the ratio in a % format; the printed report in the locale’s percent', async () => {
    const show = await env.call('appraisal/show', { quarter: '2026Q3' });
    const kpi = show.scheme.kpis.find((k) => k.source === 'visitCadence')!;
    expect(show.people.find((p) => p.employeeNo === 'S1')!.kpis[kpi.key].value).toBe(50);

    const out = path.join(env.dir, 'appraisal.xlsx');
    await env.call('appraisal/export', { quarter: '2026Q3', out: { path: out } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells = wb.worksheets.flatMap((ws) => {
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const col = header.indexOf('A visited on time · value') + 1;
      if (col === 0) return [];
      const row = (ws.getColumn(1).values as unknown[]).indexOf('S1');
      return [ws.getRow(row).getCell(col)];
    });
    expect(cells).toHaveLength(1);
    expect([cells[0].value, cells[0].numFmt]).toEqual([0.5, '0.00%']);

    for (const [lang, text] of [
      ['en', '50%'],
      ['zh-CN', '50%'],
    ] as const) {
      const r = await env.attempt('report/appraisal-html', { quarter: '2026Q3', person: 'S1' }, lang);
      if (!r.ok) throw new Error(r.error.message);
      const html = (r.value as { html: string }).html;
      const label = lang === 'en' ? 'A visited on time' : 'A 类客户按时拜访率';
      const at = html.indexOf(label);
      expect(at).toBeGreaterThan(0);
      expect(html.slice(at, at + 300)).toContain(`>${text}<`);
    }
  });
});
