import type { SalesReport, SalesReportSection } from '../../contract/sales-report';
import { safeSheetName, writeXlsx, type WriteColumn, type WriteSheet, type WriteValue } from '../../excel/xlsx-writer';
import { t, type Lang } from '../../i18n/messages';

/** The report as a workbook (P2.6): one sheet per section, the frozen figures exact (yuan, fractions as %), the manager's comment under each. */

type Sheet = { columns: WriteColumn[]; rows: WriteValue[][] };

function section(r: SalesReport, s: SalesReportSection, lang: Lang): Sheet {
  const L = (k: string) => t(lang, `plans.report.${k}`);
  const d = r.data;
  const c = (k: string, format: WriteColumn['format']): WriteColumn => ({ header: L(`col.${k}`), format });
  const kv = (rows: [string, WriteValue, WriteColumn['format']][]): Sheet => ({
    columns: [
      { header: L('col.item'), format: 'text', width: 28 },
      { header: L('col.value'), format: 'general', width: 18 },
    ],
    rows: rows.map(([k, v]) => [L(`col.${k}`), v]),
  });
  const person = [
    c('employeeNo', 'text'),
    c('name', 'text'),
    c('team', 'text'),
    c('target', 'money'),
    c('actual', 'money'),
    c('completion', 'percent'),
    c('lastYear', 'money'),
    c('yoy', 'percent'),
    c('orders', 'int'),
  ];
  const personRows = (rows: typeof d.people) =>
    rows.map((p) => [p.employeeNo, p.name, p.team, p.target, p.actual, p.completion, p.lastYear, p.yoy, p.orders]);
  switch (s) {
    case 'summary':
      return kv([
        ['target', d.summary.target, 'money'],
        ['actual', d.summary.actual, 'money'],
        ['completion', d.summary.completion, 'percent'],
        ['lastYear', d.summary.lastYear, 'money'],
        ['yoy', d.summary.yoy, 'percent'],
        [`previous-${d.kind}`, d.summary.previous, 'money'],
        [`mom-${d.kind}`, d.summary.mom, 'percent'],
        ['orders', d.summary.orders, 'int'],
        ['customers', d.summary.customers, 'int'],
        ['workingDays', d.workingDays, 'int'],
      ]);
    case 'people':
      return { columns: person, rows: personRows(d.people) };
    case 'products':
      return {
        columns: [
          c('product', 'text'),
          c('category', 'text'),
          c('target', 'money'),
          c('actual', 'money'),
          c('share', 'percent'),
          c('lastYear', 'money'),
          c('yoy', 'percent'),
          c(`previous-${d.kind}`, 'money'),
          c(`mom-${d.kind}`, 'percent'),
        ],
        rows: d.products.map((p) => [
          p.product,
          p.category,
          null,
          p.actual,
          p.share,
          p.lastYear,
          p.yoy,
          p.previous,
          p.mom,
        ]),
      };
    case 'performers':
      return {
        columns: [{ header: L('col.rank'), format: 'text' }, ...person],
        rows: [
          ...d.top.map((p) => [L('top'), ...personRows([p])[0]]),
          ...d.bottom.map((p) => [L('bottom'), ...personRows([p])[0]]),
        ],
      };
    case 'pipeline':
      return {
        columns: [c('stage', 'text'), c('count', 'int'), c('amount', 'money')],
        rows: [
          ...d.pipeline.stages.map((x) => [t(lang, `pipeline.stage.${x.stage}`), x.count, x.amount]),
          [L('col.expectedInPeriod'), d.pipeline.expectedInPeriod.count, d.pipeline.expectedInPeriod.amount],
          [L('col.wonInPeriod'), d.pipeline.wonInPeriod.count, d.pipeline.wonInPeriod.amount],
        ],
      };
    case 'activities': {
      const a = d.activities;
      return {
        columns: [
          c('kind', 'text'),
          c('count', 'int'),
          c('amount', 'money'),
          c('stillPlanned', 'int'),
          c('cancelled', 'int'),
        ],
        rows: [
          // interactions: done in the count column, still planned and cancelled beside it
          ...a.interactions.map((x) => [
            t(lang, `plans.interaction.${x.kind}`),
            x.count,
            null,
            x.planned ?? null,
            x.cancelled ?? null,
          ]),
          [L('col.planned'), a.planned, a.budget, null, null],
          [L('col.done'), a.done, a.spent, null, null],
          [L('col.cancelled'), a.cancelled, null, null, null],
          [L('col.creditedSales'), null, a.creditedSales, null, null],
        ],
      };
    }
    case 'tickets':
      return kv([
        ['opened', d.tickets.opened, 'int'],
        ['complaints', d.tickets.complaints, 'int'],
        ['resolved', d.tickets.resolved, 'int'],
        ['stillOpen', d.tickets.stillOpen, 'int'],
        ['withinTarget', d.tickets.withinTarget, 'percent'],
        ['complaintsPer100', d.tickets.complaintsPer100Orders, 'number'],
      ]);
    case 'survey':
      return {
        columns: [c('survey', 'text'), c('responses', 'int'), c('satisfaction', 'number')],
        rows: [
          ...d.survey.bySurvey.map((x) => [x.survey, x.responses, x.satisfaction]),
          [L('col.total'), d.survey.responses, d.survey.satisfaction],
          ['NPS', null, d.survey.nps],
        ],
      };
  }
}

export function salesReportXlsx(r: SalesReport, sections: readonly SalesReportSection[]): Uint8Array {
  const lang = r.lang;
  const sheets: WriteSheet[] = sections.map((s) => {
    const x = section(r, s, lang);
    const comment = r.sectionComments[s];
    const rows = [...x.rows];
    if (comment) rows.push([], [`${t(lang, 'plans.report.comment')}: ${comment.body}`]);
    return { name: safeSheetName(t(lang, `plans.report.section.${s}`)), columns: x.columns, rows };
  });
  return writeXlsx(sheets);
}
