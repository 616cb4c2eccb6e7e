import { PERCENT_SOURCES } from '../../contract/appraisal-scheme';
import type { AppraisalPerson, AppraisalShow } from '../../contract/appraisal';
import type { KpiDefinition, SchemeDefinition } from '../../contract/appraisal-scheme';
import { t, type Lang } from '../../i18n/messages';
import { kpiTarget } from '../appraisal/curves';

/** What one printed appraisal needs beyond the appraisal itself. */
interface ReportContext {
  lang: Lang;
  company: string;
  appraisal: AppraisalShow;
  definition: SchemeDefinition;
  /** ISO date printed in the footer */
  printedOn: string;
}

const esc = (s: string | number | null | undefined): string =>
  s === null || s === undefined
    ? ''
    : String(s).replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
      );

const MONEY_SOURCES = new Set(['sales', 'profit']);

function formatters(lang: Lang) {
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 });
  return {
    num: (x: number | null | undefined) => (x === null || x === undefined ? '—' : num.format(x)),
    /** A percentage source's value (0–100) in the locale's percent format. */
    pct: (x: number | null | undefined) => (x === null || x === undefined ? '—' : percent.format(x / 100)),
    money: (x: number | null | undefined) => (x === null || x === undefined ? '—' : money.format(x)),
  };
}

/** A KPI's value as people read it: 112.5%, ¥1,234, "4 · Exceeds expectations". */
function valueText(kpi: KpiDefinition, value: number | null, lang: Lang): string {
  const f = formatters(lang);
  if (value === null)
    return kpi.source === 'rated' ? t(lang, 'appraisal.report.notRated') : t(lang, 'appraisal.report.noData');
  if (kpi.source === 'rated') {
    const level = kpi.rubric?.find((r) => r.level === value);
    return level ? `${value} · ${level.label[lang]}` : String(value);
  }
  if (PERCENT_SOURCES.has(kpi.source)) return f.pct(value);
  if (MONEY_SOURCES.has(kpi.source)) return f.money(value);
  return f.num(value);
}

function kpiRows(ctx: ReportContext, p: AppraisalPerson): string {
  const { lang } = ctx;
  const f = formatters(lang);
  return ctx.definition.kpis
    .map((k) => {
      const cell = p.kpis[k.key] ?? { value: null, score: null };
      let target = '—';
      let actual = valueText(k, cell.value, lang);
      if (k.source === 'completion') {
        target = f.money(cell.target ?? null);
        actual = `${f.money(cell.actual ?? null)} (${cell.value === null ? '—' : `${f.num(cell.value)}%`})`;
      } else if (cell.peers?.counted && cell.rating != null) {
        // P6.1 teamwork: the manager's level, then the peers' part that counted in the score
        actual = `${valueText(k, cell.rating, lang)} · ${t(lang, 'appraisal.report.peers', { mean: f.num(cell.peers.mean), count: cell.peers.count })} → ${f.num(cell.value)}`;
      } else if (k.source !== 'rated') {
        const x = kpiTarget(k);
        if (x !== null)
          target = PERCENT_SOURCES.has(k.source) ? f.pct(x) : MONEY_SOURCES.has(k.source) ? f.money(x) : f.num(x);
      }
      return `<tr><td>${esc(t(lang, `appraisal.dimension.${k.dimension}`))}</td><td>${esc(k.label[lang])}</td><td class="n">${esc(f.num(k.weight))}%</td><td class="n">${esc(target)}</td><td class="n">${esc(actual)}</td><td class="n">${esc(f.num(cell.score))}</td></tr>`;
    })
    .join('');
}

function outcomeRows(ctx: ReportContext, p: AppraisalPerson): string {
  const { lang } = ctx;
  const f = formatters(lang);
  if (p.outcomes.length === 0)
    return `<tr><td colspan="5" class="none">${esc(t(lang, 'appraisal.report.noOutcomes'))}</td></tr>`;
  return p.outcomes
    .map(
      (o) =>
        `<tr><td class="nw">${esc(t(lang, `appraisal.outcome.${o.type}`))}</td><td class="n">${o.amount === null ? '—' : esc(f.money(o.amount))}</td><td>${esc(o.reason)}</td><td>${esc(o.clause)}</td><td>${esc(t(lang, `appraisal.outcomeStatus.${o.status}`))}</td></tr>`,
    )
    .join('');
}

function page(ctx: ReportContext, p: AppraisalPerson): string {
  const { lang, appraisal } = ctx;
  const f = formatters(lang);
  const L = (k: string, params?: Record<string, unknown>) => esc(t(lang, `appraisal.report.${k}`, params));
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const adjusted = p.adjustment
    ? `<div class="adjusted">${L('adjusted', { original: f.num(p.originalTotal), by: p.adjustment.by, at: p.adjustment.at.slice(0, 10), reason: p.adjustment.reason })}</div>`
    : '';
  const self = p.selfAssessment ? `<h2>${L('selfAssessment')}</h2><div class="box">${esc(p.selfAssessment)}</div>` : '';
  const sign = (who: string) =>
    `<div class="sign"><div>${L(who)}</div><div class="line"></div><div>${L('date')}</div><div class="line short"></div></div>`;
  return `<section class="page">
<header><div class="company">${esc(ctx.company)}</div><h1>${L('title', { quarter: quarterLabel(appraisal.quarter, lang) })}</h1></header>
<table class="who"><tr><th>${L('name')}</th><td>${esc(p.name)}</td><th>${L('employeeNo')}</th><td>${esc(p.employeeNo)}</td></tr>
<tr><th>${L('team')}</th><td>${esc(p.team ?? '—')}</td><th>${L('jobTitle')}</th><td>${esc(p.title ?? '—')}</td></tr></table>
<h2>${L('kpis')}</h2>
<table class="grid"><thead><tr><th>${L('dimension')}</th><th>${L('kpi')}</th><th class="n">${L('weight')}</th><th class="n">${L('target')}</th><th class="n">${L('actual')}</th><th class="n">${L('score')}</th></tr></thead>
<tbody>${kpiRows(ctx, p)}</tbody></table>
<div class="total"><span>${L('total')}${colon}<b>${esc(f.num(p.total))}</b></span><span>${L('grade')}${colon}<b class="grade">${esc(p.grade ?? '—')}</b></span></div>${adjusted}
<h2>${L('outcomes')}</h2>
<table class="grid"><thead><tr><th>${L('outcomeType')}</th><th class="n">${L('amount')}</th><th>${L('reason')}</th><th>${L('clause')}</th><th>${L('decision')}</th></tr></thead><tbody>${outcomeRows(ctx, p)}</tbody></table>
<h2>${L('feedback')}</h2><div class="box">${p.feedback ? esc(p.feedback) : '&nbsp;'}</div>${self}
<div class="signatures">${sign('signEmployee')}${sign('signManager')}${sign('signHr')}</div>
<footer>${L('footer', { company: ctx.company, quarter: appraisal.quarter, status: t(lang, `appraisal.status.${appraisal.status}`), date: ctx.printedOn })}</footer>
</section>`;
}

function quarterLabel(quarter: string, lang: Lang): string {
  return t(lang, 'appraisal.quarterLabel', { year: quarter.slice(0, 4), q: quarter.slice(5) });
}

const STYLE = `@page { size: A4 portrait; margin: 14mm 15mm 14mm 15mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; font-size: 9.5pt; color: #111; line-height: 1.35; }
.page { break-after: page; page-break-after: always; position: relative; min-height: 262mm; }
.page:last-child { break-after: auto; page-break-after: auto; }
header { border-bottom: 2px solid #1f5fd6; padding-bottom: 2mm; margin-bottom: 3mm; }
.company { font-size: 10pt; color: #444; }
h1 { font-size: 15pt; margin: 1mm 0 0; }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; color: #1f3f86; }
table { width: 100%; border-collapse: collapse; }
.who th { text-align: left; width: 16%; color: #555; font-weight: normal; padding: 1mm; }
.who td { width: 34%; padding: 1mm; font-weight: 600; }
.grid th, .grid td { border: 0.3mm solid #c9d1de; padding: 1mm 1.5mm; vertical-align: top; }
.grid th { background: #eef2f8; text-align: left; font-weight: 600; }
.n { text-align: right; white-space: nowrap; }
.nw { white-space: nowrap; }
.none { color: #777; text-align: center; }
.total { display: flex; gap: 12mm; margin-top: 2.5mm; font-size: 11pt; }
.grade { font-size: 13pt; color: #1f5fd6; }
.adjusted { font-size: 8.5pt; color: #555; margin-top: 1mm; }
.box { border: 0.3mm solid #c9d1de; min-height: 18mm; padding: 1.5mm 2mm; white-space: pre-wrap; }
.signatures { display: flex; justify-content: space-between; gap: 6mm; margin-top: 8mm; }
.sign { flex: 1; display: grid; grid-template-columns: auto 1fr; gap: 4mm 2mm; align-items: end; }
.line { border-bottom: 0.3mm solid #333; height: 6mm; }
footer { position: absolute; bottom: 0; left: 0; right: 0; font-size: 7.5pt; color: #888; border-top: 0.2mm solid #ddd; padding-top: 1mm; }
@media screen { body { background: #e9edf3; } .page { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 14mm 15mm; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
  footer { left: 15mm; right: 15mm; bottom: 10mm; } }`;

/**
 * The printed appraisal (P6.4): ONE self-contained HTML document, one A4 page per person, in the
 * user's language, with the KPI table, total and grade, rewards and penalties with their clause, the
 * manager's feedback, and signature lines for the employee, the manager and HR.
 */
export function appraisalHtml(ctx: ReportContext): string {
  const title = `${ctx.company} · ${quarterLabel(ctx.appraisal.quarter, ctx.lang)}`;
  const pages = ctx.appraisal.people.map((p) => page(ctx, p)).join('\n');
  return `<!DOCTYPE html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
${pages}
</body></html>`;
}
