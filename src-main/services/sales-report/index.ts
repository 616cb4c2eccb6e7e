import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import { SALES_REPORT_SECTIONS, type salesReportOps, type SalesReport } from '../../contract/sales-report';
import type { FileOut, FileOutTarget } from '../../contract/files';
import type { ServiceContext } from '../context';
import { checkFileOut, writeFileOut } from '../files/write';
import type { HandlersOf } from '../handler-types';
import { htmlToPdf } from '../report/chromium';
import { getSetting } from '../system/settings';
import { t } from '../../i18n/messages';
import { homePage } from '../home/home';
import { salesReportHtml } from './html';
import { commentReport, deleteReport, generateReport, listReports, showReport } from './store';
import { salesReportXlsx } from './xlsx';

type Format = 'html' | 'pdf' | 'xlsx';
const EXT: Record<Format, string[]> = { html: ['.html', '.htm'], pdf: ['.pdf'], xlsx: ['.xlsx'] };

function companyName(ctx: ServiceContext, r: SalesReport): string {
  return getSetting(ctx.db, 'companyName') || t(r.lang, 'appraisal.report.companyFallback');
}

export function reportHtml(ctx: ServiceContext, id: number): string {
  const r = showReport(ctx.db, id);
  return salesReportHtml(r, companyName(ctx, r), SALES_REPORT_SECTIONS);
}

/** A kept report written as HTML, PDF (Chromium) or .xlsx through the one writer. */
export async function reportFile(
  ctx: ServiceContext,
  id: number,
  format: Format,
  out: FileOutTarget,
): Promise<FileOut & { format: Format }> {
  if (out) checkFileOut(out, EXT[format]);
  const r = showReport(ctx.db, id);
  const base = `sales-report-${r.period}${r.team ? `-${r.team}` : ''}`;
  ctx.progress(0, 2, 'plans.progress.salesReport');
  let bytes: Uint8Array;
  if (format === 'xlsx') bytes = salesReportXlsx(r, SALES_REPORT_SECTIONS);
  else {
    const html = salesReportHtml(r, companyName(ctx, r), SALES_REPORT_SECTIONS);
    ctx.progress(1, 2, 'plans.progress.salesReport');
    bytes = format === 'html' ? Buffer.from(html, 'utf8') : await htmlToPdf(html, () => ctx.checkCancelled());
  }
  const written = writeFileOut(out, `${base}.${format}`, bytes, EXT[format]);
  ctx.progress(2, 2, 'plans.progress.salesReport');
  return { ...written, format };
}

async function make(ctx: ServiceContext, input: ParsedInput<'sales-report/make'>) {
  if (input.out) checkFileOut(input.out, EXT[input.format]);
  const r = generateReport(ctx, { period: input.period, team: input.team, lang: input.lang });
  return { ...(await reportFile(ctx, r.id, input.format, input.out)), id: r.id };
}

export const salesReportHandlers = {
  'sales-report/generate': (ctx, input) => generateReport(ctx, input),
  'sales-report/list': (ctx, input) => listReports(ctx.db, input.period),
  'sales-report/show': (ctx, input) => showReport(ctx.db, input.id),
  'sales-report/comment': (ctx, input) => commentReport(ctx, input),
  'sales-report/delete': (ctx, input) => deleteReport(ctx, input.id),
  'sales-report/html': (ctx, input) => ({ html: reportHtml(ctx, input.id) }),
  'sales-report/file': (ctx, input) => reportFile(ctx, input.id, input.format, input.out),
  'sales-report/make': (ctx, input) => make(ctx, input),
  // the desktop's main process answers this itself (src-main/electron/print-report.ts); elsewhere the window prints
  'sales-report/print': () => {
    throw new WorkbenchError('report/desktop-only');
  },
  'home/show': (ctx, input) => homePage(ctx.db, input),
} satisfies HandlersOf<typeof salesReportOps>;
