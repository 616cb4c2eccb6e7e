import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import { SALES_REPORT_SECTIONS, type salesReportOps, type SalesReport } from '../../contract/sales-report';
import type { FileOut, FileOutTarget } from '../../contract/files';
import type { ServiceContext } from '../context';
import { checkFileOut, writeFileOut } from '../files/write';
import type { HandlersOf } from '../handler-types';
import { discardChromium, htmlToPdf, launchChromium, type LaunchedChromium } from '../report/chromium';
import { getSetting } from '../system/settings';
import { t } from '../../i18n/messages';
import { homePage } from '../home/home';
import { salesReportHtml } from './html';
import { reportPeriod } from './periods';
import { commentReport, deleteReport, generateReport, listReports, showReport, teamByName } from './store';
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
  launched?: LaunchedChromium,
): Promise<FileOut & { format: Format }> {
  if (out) checkFileOut(out, EXT[format]);
  if (format !== 'pdf') discardChromium(launched);
  const r = showReport(ctx.db, id);
  const base = `sales-report-${r.period}${r.team ? `-${r.team}` : ''}`;
  ctx.progress(0, 2, 'plans.progress.salesReport');
  let bytes: Uint8Array;
  if (format === 'xlsx') bytes = salesReportXlsx(r, SALES_REPORT_SECTIONS);
  else {
    const html = salesReportHtml(r, companyName(ctx, r), SALES_REPORT_SECTIONS);
    ctx.progress(1, 2, 'plans.progress.salesReport');
    bytes = format === 'html' ? Buffer.from(html, 'utf8') : await htmlToPdf(html, () => ctx.checkCancelled(), launched);
  }
  const written = writeFileOut(out, `${base}.${format}`, bytes, EXT[format]);
  ctx.progress(2, 2, 'plans.progress.salesReport');
  return { ...written, format };
}

/**
 * `report sales`: generate, keep and write in one step. For a PDF, Chromium is started first and starts up
 * while the figures are computed (on the large demo each takes about a second), rather than after.
 */
async function make(ctx: ServiceContext, input: ParsedInput<'sales-report/make'>) {
  if (input.out) checkFileOut(input.out, EXT[input.format]);
  // a refusal comes before Chromium is started for nothing
  reportPeriod(input.period);
  if (input.team) teamByName(ctx.db, input.team);
  const launched = input.format === 'pdf' ? launchChromium() : undefined;
  let id: number;
  try {
    if (launched) await launched.spawned;
    id = generateReport(ctx, { period: input.period, team: input.team, lang: input.lang }).id;
  } catch (e) {
    discardChromium(launched);
    throw e;
  }
  return { ...(await reportFile(ctx, id, input.format, input.out, launched)), id };
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
