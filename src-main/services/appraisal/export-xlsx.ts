import { PERCENT_SOURCES } from '../../contract/appraisal-scheme';
import type ExcelJS from 'exceljs';
import type { FileOut, FileOutTarget } from '../../contract/files';
import { t } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import { checkFileOut, writeFileOut } from '../files/write';
import { requireAppraisal } from './appraisal-store';
import { schemeById } from './scheme';
import { showAppraisal } from './show';

const MONEY_SOURCES = new Set(['sales', 'profit']);
const PERCENT = '0.00%';
const MONEY = '"¥"#,##0.00';
const DECIMAL = '#,##0.00';
const SCORE = '0.00';

/**
 * The whole appraisal as a workbook (P6.4): a summary sheet (one row per person: team, total, grade,
 * outcomes) and one sheet per P6.1 dimension with each KPI's value and score.
 */
export async function exportAppraisal(
  ctx: ServiceContext,
  quarter: string,
  out?: FileOutTarget,
): Promise<FileOut & { rows: number }> {
  if (out) checkFileOut(out, ['.xlsx']);
  const { lang } = ctx;
  const appraisal = showAppraisal(ctx.db, lang, quarter);
  const def = schemeById(ctx.db, requireAppraisal(ctx.db, quarter).schemeId).definition;
  const L = (k: string) => t(lang, `appraisal.export.${k}`);
  // exceljs is loaded on first use: every CLI command would otherwise pay for it at start-up.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = 'Sales Workbench';
  // Like the orders export: bold frozen header, a filter on every column, and cells that say what they hold.
  const bold = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  };
  // A percentage KPI's value is held as percent points (121.39); Excel's % format wants the ratio.
  const kpiValue = (source: string, v: number | null | undefined) =>
    v == null ? null : PERCENT_SOURCES.has(source) ? v / 100 : v;
  const kpiFormat = (source: string) =>
    PERCENT_SOURCES.has(source) ? PERCENT : MONEY_SOURCES.has(source) ? MONEY : DECIMAL;

  const summary = wb.addWorksheet(L('summary'));
  summary.columns = [
    { header: L('employeeNo'), key: 'no', width: 12 },
    { header: L('name'), key: 'name', width: 12 },
    { header: L('team'), key: 'team', width: 14 },
    { header: L('title'), key: 'title', width: 14 },
    ...def.kpis.map((k) => ({ header: `${k.label[lang]} (${k.weight}%)`, key: `k_${k.key}`, width: 14 })),
    { header: L('originalTotal'), key: 'original', width: 12 },
    { header: L('total'), key: 'total', width: 10 },
    { header: L('grade'), key: 'grade', width: 8 },
    { header: L('bonus'), key: 'bonus', width: 12 },
    { header: L('outcomes'), key: 'outcomes', width: 50 },
    { header: L('adjustReason'), key: 'why', width: 30 },
    { header: L('feedback'), key: 'feedback', width: 40 },
  ];
  ctx.progress(0, appraisal.people.length, 'progress.appraisalExport');
  for (const p of appraisal.people) {
    const row: Record<string, unknown> = {
      no: p.employeeNo,
      name: p.name,
      team: p.team,
      title: p.title,
      original: p.originalTotal,
      total: p.total,
      grade: p.grade,
      why: p.adjustment?.reason ?? null,
      feedback: p.feedback,
    };
    for (const k of def.kpis) row[`k_${k.key}`] = p.kpis[k.key]?.score ?? null;
    row.bonus = p.outcomes
      .filter((o) => o.type === 'bonus' && o.status !== 'rejected')
      .reduce((s, o) => s + (o.amount ?? 0), 0);
    row.outcomes = p.outcomes
      .map(
        (o) =>
          `${t(lang, `appraisal.outcome.${o.type}`)}${o.amount === null ? '' : ` ¥${o.amount}`} (${o.clause}, ${t(lang, `appraisal.outcomeStatus.${o.status}`)})`,
      )
      .join('; ');
    summary.addRow(row);
  }
  summary.getColumn('bonus').numFmt = MONEY;
  for (const key of ['original', 'total', ...def.kpis.map((k) => `k_${k.key}`)]) summary.getColumn(key).numFmt = SCORE;
  bold(summary);

  for (const dim of ['sales', 'satisfaction', 'attitude', 'teamwork'] as const) {
    const kpis = def.kpis.filter((k) => k.dimension === dim);
    if (kpis.length === 0) continue;
    const ws = wb.addWorksheet(t(lang, `appraisal.dimension.${dim}`));
    ws.columns = [
      { header: L('employeeNo'), key: 'no', width: 12 },
      { header: L('name'), key: 'name', width: 12 },
      { header: L('team'), key: 'team', width: 14 },
      ...kpis.flatMap((k) => [
        { header: `${k.label[lang]} · ${L('value')}`, key: `v_${k.key}`, width: 16 },
        { header: `${k.label[lang]} · ${L('score')}`, key: `s_${k.key}`, width: 12 },
        ...(k.source === 'rated' ? [{ header: `${k.label[lang]} · ${L('note')}`, key: `n_${k.key}`, width: 24 }] : []),
      ]),
    ];
    for (const p of appraisal.people) {
      const row: Record<string, unknown> = { no: p.employeeNo, name: p.name, team: p.team };
      for (const k of kpis) {
        row[`v_${k.key}`] = kpiValue(k.source, p.kpis[k.key]?.value);
        row[`s_${k.key}`] = p.kpis[k.key]?.score ?? null;
        if (k.source === 'rated') row[`n_${k.key}`] = p.kpis[k.key]?.note ?? null;
      }
      ws.addRow(row);
    }
    for (const k of kpis) {
      ws.getColumn(`v_${k.key}`).numFmt = kpiFormat(k.source);
      ws.getColumn(`s_${k.key}`).numFmt = SCORE;
    }
    bold(ws);
  }
  ctx.checkCancelled();
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  ctx.progress(appraisal.people.length, appraisal.people.length, 'progress.appraisalExport');
  // rows: the people of the summary sheet, which the command line reports ("Exported N rows").
  return { ...writeFileOut(out, `review-${quarter}.xlsx`, bytes), rows: appraisal.people.length };
}
