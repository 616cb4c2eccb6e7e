import type { FileOut, FileOutTarget } from '../../contract/files';
import type { ServiceContext } from '../context';
import { getSetting } from '../system/settings';
import { t } from '../../i18n/messages';
import { showAppraisal } from '../appraisal/show';
import { requireAppraisal } from '../appraisal/appraisal-store';
import { schemeById } from '../appraisal/scheme';
import { appraisalHtml } from './appraisal-html';
import { htmlToPdf } from './chromium';
import { checkFileOut, writeFileOut } from '../files/write';
import { today } from '../context';

/** The printable appraisal of a quarter (everyone, or one person) as one HTML document. */
export function appraisalReport(
  ctx: ServiceContext,
  quarter: string,
  person?: string,
): { html: string; people: number } {
  const appraisal = showAppraisal(ctx.db, ctx.lang, quarter, person);
  const { definition } = schemeById(ctx.db, requireAppraisal(ctx.db, quarter).schemeId);
  const company = getSetting(ctx.db, 'companyName') || t(ctx.lang, 'appraisal.report.companyFallback');
  const html = appraisalHtml({
    lang: ctx.lang,
    company,
    appraisal,
    definition,
    printedOn: today(),
  });
  return { html, people: appraisal.people.length };
}

/** Writes (or returns) the report as HTML, or as PDF printed by Chromium (CLI, browser mode). */
export async function appraisalFile(
  ctx: ServiceContext,
  input: { quarter: string; person?: string; format: 'html' | 'pdf'; out?: FileOutTarget },
): Promise<FileOut & { people: number; format: 'html' | 'pdf' }> {
  const extensions = input.format === 'pdf' ? ['.pdf'] : ['.html', '.htm'];
  if (input.out) checkFileOut(input.out, extensions);
  ctx.progress(0, 2, 'progress.appraisalReport');
  const { html, people } = appraisalReport(ctx, input.quarter, input.person);
  const base = `appraisal-${input.quarter}${input.person ? `-${input.person}` : ''}`;
  ctx.checkCancelled();
  if (input.format === 'html') {
    const r = writeFileOut(input.out, `${base}.html`, Buffer.from(html, 'utf8'), extensions);
    ctx.progress(2, 2, 'progress.appraisalReport');
    return { ...r, people, format: 'html' };
  }
  ctx.progress(1, 2, 'progress.appraisalReport');
  const pdf = await htmlToPdf(html, () => ctx.checkCancelled());
  const r = writeFileOut(input.out, `${base}.pdf`, pdf, extensions);
  ctx.progress(2, 2, 'progress.appraisalReport');
  return { ...r, people, format: 'pdf' };
}
