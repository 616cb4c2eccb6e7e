import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

async function ready(lang: 'en' | 'zh-CN' = 'en') {
  const w = tmpWorkspace(lang);
  seedAppraisalCompany(w.ws.db);
  w.ws.db.prepare("INSERT INTO settings (key, value) VALUES ('companyName', '华信智能设备有限公司')").run();
  await w.call('appraisal/record-incident', {
    person: 'S2',
    date: '2026-08-15',
    kind: 'major-loss',
    description: '擅自降价导致重大损失',
    evidence: '合同与审批记录',
    lossAmount: 120000,
  });
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  await w.call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
  await w.call('appraisal/feedback', {
    quarter: '2026Q3',
    person: 'S1',
    feedback: 'Strong quarter; keep up the return visits.',
  });
  return w;
}

const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]);

describe('P6.4 the printed appraisal report', () => {
  it('is ONE self-contained A4 HTML document, one page per person', async () => {
    const { call } = await ready();
    const { html, people } = await call('report/appraisal-html', { quarter: '2026Q3' });
    expect(people).toBe(3);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html.match(/<section class="page">/g)).toHaveLength(3);
    // nothing fetched from outside: no scripts, stylesheets, images or fonts by URL
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    const one = await call('report/appraisal-html', { quarter: '2026Q3', person: 'S2' });
    expect(one.people).toBe(1);
    expect(one.html).toContain('李娜');
    expect(one.html).not.toContain('张伟');
  });

  it('printed to PDF by Chromium carries every part of the report (checked with pdftotext)', async () => {
    const { call, dir } = await ready();
    const out = path.join(dir, 'appraisal.pdf');
    const r = await call('report/appraisal', { quarter: '2026Q3', format: 'pdf', out: { path: out } });
    expect(r).toMatchObject({ path: out, people: 3 });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(out)).toBe(3);
    const page1 = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(page1).not.toContain('CN¥');
    for (const text of [
      '华信智能设备有限公司',
      'Quarterly appraisal report · Q3 2026',
      '张伟',
      'S1',
      '华东区',
      '销售代表',
      'Target completion',
      '¥100,000',
      '¥115,000 (115%)',
      'Total score: 93.89',
      'Grade: S',
      'Bonus',
      '¥7,000',
      'P6.2',
      'Commendation',
      'Promotion nomination',
      "Manager's feedback",
      'Strong quarter; keep up the return visits.',
      'Employee',
      'Manager',
      'HR',
      'Date',
    ]) {
      expect(page1, text).toContain(text);
    }
    const all = pdfText(out).replace(/\s+/g, ' ');
    expect(all).toContain('Dismissal proposal');
    expect(all).toContain('Demotion proposal');
    expect(all).toContain('P6.3');
  }, 60_000);

  it('speaks the user language: the Chinese report', async () => {
    const { call, dir } = await ready('zh-CN');
    const out = path.join(dir, 'one.pdf');
    await call('report/appraisal', { quarter: '2026Q3', person: 'S3', format: 'pdf', out: { path: out } });
    expect(pdfPages(out)).toBe(1);
    const text = pdfText(out).replace(/\s+/g, '');
    for (const s of [
      '2026年第3季度绩效考核报告',
      '王芳',
      '华南区',
      '目标完成率',
      '嘉奖表彰',
      '晋升提名',
      '员工签字',
      '经理签字',
      '人事签字',
    ])
      expect(text).toContain(s);
  }, 60_000);

  it('P6.1 teamwork: the line shows the peer part when it counted, and the page stays one A4 page', async () => {
    const { call, dir } = await ready();
    // S1: manager 3, peers 4 and 5 → mean 4.5 (2); 0.7 × 3 + 0.3 × 4.5 = 3.45
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 4 });
    await call('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 'S3',
      kpi: 'teamwork',
      level: 5,
      comment: '经常帮同事准备方案',
    });
    // S2: a single peer is below the minimum of two: not shown, not counted
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S2', rater: 'S3', kpi: 'teamwork', level: 5 });
    const s1 = await call('report/appraisal-html', { quarter: '2026Q3', person: 'S1' });
    expect(s1.html).toContain('3 · Meets expectations · peers 4.5 (2) → 3.45');
    const s2 = await call('report/appraisal-html', { quarter: '2026Q3', person: 'S2' });
    expect(s2.html).not.toContain('peers');
    const out = path.join(dir, 'peers.pdf');
    await call('report/appraisal', { quarter: '2026Q3', person: 'S1', format: 'pdf', out: { path: out } });
    expect(pdfPages(out)).toBe(1);
    expect(pdfText(out).replace(/\s+/g, ' ')).toContain('peers 4.5 (2) → 3.45');
  }, 60_000);

  it('hands the bytes back when no path is given (browser mode), and exports the appraisal to .xlsx', async () => {
    const { call, dir } = await ready();
    const r = await call('report/appraisal', { quarter: '2026Q3', format: 'html' });
    expect(r.path).toBeNull();
    expect(Buffer.from(r.base64!, 'base64').toString('utf8')).toContain('<!DOCTYPE html>');
    const out = path.join(dir, 'appraisal.xlsx');
    await call('appraisal/export', { quarter: '2026Q3', out: { path: out } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Sales results',
      'Customer satisfaction',
      'Attitude and ability',
      'Teamwork',
    ]);
    const show = await call('appraisal/show', { quarter: '2026Q3' });
    const summary = wb.getWorksheet('Summary')!;
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const rows = show.people.map((_p, i) => {
      const v = (summary.getRow(i + 2).values as unknown[]).slice(1);
      return [v[0], v[header.indexOf('Total')], v[header.indexOf('Grade')]];
    });
    expect(rows).toEqual(show.people.map((p) => [p.employeeNo, p.total, p.grade]));
  });

  it('P6.4 the appraisal workbook has number formats, a frozen header and filters on every sheet, like the orders export', async () => {
    const { call, dir } = await ready();
    const out = path.join(dir, 'review.xlsx');
    await call('appraisal/export', { quarter: '2026Q3', out: { path: out } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    const show = await call('appraisal/show', { quarter: '2026Q3' });
    const sales = wb.getWorksheet('Sales results')!;
    const header = (sales.getRow(1).values as unknown[]).slice(1) as string[];
    // Completion is held as percent points (e.g. 121.39); the sheet holds the ratio, shown as %.
    const completionLabel = show.scheme.kpis.find((x) => x.source === 'completion')!.label;
    const col = header.findIndex((h) => h.startsWith(completionLabel) && / · value$/.test(h)) + 1;
    expect(col).toBeGreaterThan(0);
    const completionKey = Object.keys(show.people[0].kpis).find(
      (k) => show.scheme.kpis.find((x) => x.key === k)?.source === 'completion',
    )!;
    const cell = sales.getRow(2).getCell(col);
    expect(cell.numFmt).toBe('0.00%');
    expect(cell.value as number).toBeCloseTo(show.people[0].kpis[completionKey].value! / 100, 10);
    const summary = wb.getWorksheet('Summary')!;
    const sHeader = (summary.getRow(1).values as unknown[]).slice(1) as string[];
    expect(summary.getRow(2).getCell(sHeader.indexOf('Total') + 1).numFmt).toBe('0.00');
    expect(summary.getColumn(sHeader.findIndex((h) => /Bonus/.test(h)) + 1).numFmt).toBe('"¥"#,##0.00');
  });
});
