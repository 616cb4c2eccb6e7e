import type { SalesReport, SalesReportSection } from '../../contract/sales-report';
import { t, type Lang } from '../../i18n/messages';

/**
 * The printed sales report (P2.6, P5.6): one self-contained A4 portrait HTML document in the report's
 * language, with the company's name and the page number on every page (CSS page margin boxes, which
 * Chromium, Electron and the browser's own print all honour), the sections in order, each followed by
 * the manager's comment. The same document is printed by the desktop, by Chromium for the CLI, and by
 * the browser in browser mode.
 */

const esc = (s: string | number | null | undefined): string =>
  s === null || s === undefined
    ? ''
    : String(s).replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
      );
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

export function reportFormatters(lang: Lang) {
  const money = new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  });
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return {
    money: (x: number | null) => (x === null ? '—' : money.format(x)),
    pct: (x: number | null) => (x === null ? '—' : `${num.format(x * 100)}%`),
    num: (x: number | null) => (x === null ? '—' : num.format(x)),
  };
}

export function reportTitle(r: Pick<SalesReport, 'kind' | 'period' | 'team'>, lang: Lang): string {
  return t(lang, `plans.report.title-${r.kind}`, {
    period: r.period,
    scope: r.team ?? t(lang, 'plans.report.company'),
  });
}

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="n"' : '');
  return `<table class="grid"><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function sectionBody(r: SalesReport, s: SalesReportSection, lang: Lang): string {
  const L = (k: string, p?: Record<string, unknown>) => t(lang, `plans.report.${k}`, p);
  const f = reportFormatters(lang);
  const d = r.data;
  const none = (k: string) => `<p class="none">${esc(L(`none.${k}`))}</p>`;
  const personRows = (rows: typeof d.people) =>
    rows.map((p) => [
      p.employeeNo,
      p.name,
      p.team ?? '—',
      f.money(p.target),
      f.money(p.actual),
      f.pct(p.completion),
      f.money(p.lastYear),
      f.pct(p.yoy),
    ]);
  const personHead = [
    L('col.employeeNo'),
    L('col.name'),
    L('col.team'),
    L('col.target'),
    L('col.actual'),
    L('col.completion'),
    L('col.lastYear'),
    L('col.yoy'),
  ];
  switch (s) {
    case 'summary': {
      const x = d.summary;
      const cells: [string, string][] = [
        [L('col.target'), f.money(x.target)],
        [L('col.actual'), f.money(x.actual)],
        [L('col.completion'), f.pct(x.completion)],
        [L('col.lastYear'), f.money(x.lastYear)],
        [L('col.yoy'), f.pct(x.yoy)],
        [L(`col.previous-${d.kind}`), f.money(x.previous)],
        [L(`col.mom-${d.kind}`), f.pct(x.mom)],
        [L('col.orders'), f.num(x.orders)],
        [L('col.customers'), f.num(x.customers)],
        [L('col.workingDays'), `${d.workingDays}${d.officialCalendar ? '' : ` (${L('unofficial')})`}`],
      ];
      return `<table class="kv">${cells.map(([k, v]) => `<tr><th>${esc(k)}</th><td class="n">${esc(v)}</td></tr>`).join('')}</table>`;
    }
    case 'people':
      return d.people.length ? table(personHead, personRows(d.people), [3, 4, 5, 6, 7]) : none('people');
    case 'products':
      return d.products.length
        ? table(
            [
              L('col.product'),
              L('col.category'),
              L('col.target'),
              L('col.actual'),
              L('col.share'),
              L('col.yoy'),
              L(`col.mom-${d.kind}`),
            ],
            d.products.map((p) => [
              p.product,
              p.category ?? '—',
              '—',
              f.money(p.actual),
              f.pct(p.share),
              f.pct(p.yoy),
              f.pct(p.mom),
            ]),
            [2, 3, 4, 5, 6],
          ) + `<p class="note">${esc(L('productTargetsNote'))}</p>`
        : none('products');
    case 'performers':
      return d.top.length
        ? `<h3>${esc(L('top'))}</h3>${table(personHead, personRows(d.top), [3, 4, 5, 6, 7])}<h3>${esc(L('bottom'))}</h3>${table(personHead, personRows(d.bottom), [3, 4, 5, 6, 7])}`
        : none('performers');
    case 'pipeline':
      if (!d.pipeline.hasData) return none('pipeline');
      return (
        table(
          [L('col.stage'), L('col.count'), L('col.amount')],
          d.pipeline.stages.map((x) => [t(lang, `pipeline.stage.${x.stage}`), f.num(x.count), f.money(x.amount)]),
          [1, 2],
        ) +
        `<p>${esc(L('expectedInPeriod', { count: d.pipeline.expectedInPeriod.count, amount: f.money(d.pipeline.expectedInPeriod.amount) }))}<br>${esc(L('wonInPeriod', { count: d.pipeline.wonInPeriod.count, amount: f.money(d.pipeline.wonInPeriod.amount) }))}</p>`
      );
    case 'activities': {
      const a = d.activities;
      if (!a.hasData) return none('activities');
      return (
        table(
          [L('col.kind'), L('col.doneCount'), L('col.stillPlanned'), L('col.cancelled')],
          a.interactions.map((x) => [
            t(lang, `plans.interaction.${x.kind}`),
            f.num(x.count),
            f.num(x.planned ?? null),
            f.num(x.cancelled ?? null),
          ]),
          [1, 2, 3],
        ) +
        `<p>${esc(L('activitiesLine', { planned: a.planned, done: a.done, cancelled: a.cancelled, budget: f.money(a.budget), spent: f.money(a.spent), credited: f.money(a.creditedSales) }))}</p>`
      );
    }
    case 'tickets': {
      const x = d.tickets;
      if (!x.hasData) return none('tickets');
      return `<table class="kv">${(
        [
          [L('col.opened'), f.num(x.opened)],
          [L('col.complaints'), f.num(x.complaints)],
          [L('col.resolved'), f.num(x.resolved)],
          [L('col.stillOpen'), f.num(x.stillOpen)],
          [L('col.withinTarget'), f.pct(x.withinTarget)],
          [L('col.complaintsPer100'), f.num(x.complaintsPer100Orders)],
        ] as [string, string][]
      )
        .map(([k, v]) => `<tr><th>${esc(k)}</th><td class="n">${esc(v)}</td></tr>`)
        .join('')}</table>`;
    }
    case 'survey': {
      const x = d.survey;
      if (!x.hasData) return none('survey');
      return (
        `<p>${esc(L('surveyLine', { responses: x.responses, satisfaction: f.num(x.satisfaction), nps: f.num(x.nps) }))}</p>` +
        table(
          [L('col.survey'), L('col.responses'), L('col.satisfaction')],
          x.bySurvey.map((s) => [s.survey, f.num(s.responses), f.num(s.satisfaction)]),
          [1, 2],
        )
      );
    }
  }
}

// One weight throughout (headings stand out by size and colour): every weight of a CJK font is one more
// font of some 20 MB that Chromium subsets into the PDF, about a second each on the large demo's report.
const FONTS = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif`;
const STYLE = (
  company: string,
  title: string,
  pageWord: string,
) => `@page { size: A4 portrait; margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(company)}; font-family: ${FONTS}; font-size: 8pt; color: #555; }
  @top-right { content: ${cssString(title)}; font-family: ${FONTS}; font-size: 8pt; color: #555; }
  @bottom-center { content: ${cssString(pageWord)} counter(page) " / " counter(pages); font-family: ${FONTS}; font-size: 8pt; color: #555; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONTS}; font-size: 9pt; color: #111; line-height: 1.35; }
header { border-bottom: 2px solid #1f5fd6; padding-bottom: 2mm; margin-bottom: 3mm; }
.company { font-size: 10pt; color: #444; }
h1 { font-size: 16pt; font-weight: normal; margin: 1mm 0 0; color: #0f2a5c; }
.meta { font-size: 8pt; color: #666; margin-top: 1mm; }
h2 { font-size: 12pt; font-weight: normal; margin: 5mm 0 1.5mm; color: #1f3f86; border-bottom: 0.3mm solid #c9d1de; break-after: avoid; }
h3 { font-size: 10pt; font-weight: normal; margin: 3mm 0 1mm; color: #1f3f86; }
table { width: 100%; border-collapse: collapse; }
.grid th, .grid td { border: 0.3mm solid #c9d1de; padding: 0.8mm 1.5mm; }
.grid th { background: #dfe6f1; text-align: left; font-weight: normal; color: #0f2a5c; }
.grid th.n { text-align: right; }
.grid tr { break-inside: avoid; }
.kv { width: 60%; } .kv th { text-align: left; font-weight: normal; color: #555; padding: 0.8mm 1.5mm; border-bottom: 0.2mm solid #e3e7ee; } .kv td { padding: 0.8mm 1.5mm; border-bottom: 0.2mm solid #e3e7ee; color: #000; }
.n { text-align: right; white-space: nowrap; }
.none, .note { color: #777; }
.comment { border-left: 1mm solid #f0a020; background: #fff8e8; padding: 1.5mm 2.5mm; margin-top: 2mm; white-space: pre-wrap; break-inside: avoid; }
.comment b { display: block; font-size: 8pt; font-weight: normal; color: #8a5a00; }
@media screen { body { background: #e9edf3; } main { background: #fff; width: 210mm; margin: 8mm auto; padding: 14mm; box-shadow: 0 1px 6px rgba(0,0,0,.2); } }`;

/** The whole report as one HTML document. */
export function salesReportHtml(r: SalesReport, company: string, sections: readonly SalesReportSection[]): string {
  const lang = r.lang;
  const L = (k: string, p?: Record<string, unknown>) => t(lang, `plans.report.${k}`, p);
  const title = reportTitle(r, lang);
  const body = sections
    .map((s) => {
      const c = r.sectionComments[s];
      const comment = c
        ? `<div class="comment"><b>${esc(L('commentBy', { by: c.updatedBy, at: c.updatedAt.slice(0, 10) }))}</b>${esc(c.body)}</div>`
        : '';
      return `<section data-section="${s}"><h2>${esc(L(`section.${s}`))}</h2>${sectionBody(r, s, lang)}${comment}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(`${company} · ${title}`)}</title><style>${STYLE(company, title, L('page'))}</style></head>
<body><main>
<header><div class="company">${esc(company)}</div><h1>${esc(title)}</h1><div class="meta">${esc(L('meta', { from: r.data.from, to: r.data.to, at: r.createdAt.slice(0, 10), by: r.createdBy }))}</div></header>
${body}
</main></body></html>`;
}
