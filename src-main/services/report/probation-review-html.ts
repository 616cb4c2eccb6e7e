import type { ProbationReview } from '../../contract/training';
import { t, type Lang } from '../../i18n/messages';
import { a4Page, esc } from './print-page';

/** The probation review on one A4 page, laid out like the quarterly appraisal: data, rubric ratings, decision, signatures. */
export function probationReviewHtml(lang: Lang, company: string, r: ProbationReview): string {
  const money = new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  });
  const rows = r.items
    .map((it) => {
      const level = r.review?.ratings[it.key];
      const l = it.levels.find((x) => x.level === level);
      return `<tr><td><b>${esc(it.label)}</b></td><td>${l ? `${esc(l.level)} · ${esc(l.label)}<br><small>${esc(l.description)}</small>` : '—'}</td></tr>`;
    })
    .join('');
  const decision = r.review
    ? `${esc(t(lang, `training.probation.decision.${r.review.decision}`))}${r.review.extendedTo ? ` → ${esc(r.review.extendedTo)}` : ''}`
    : '—';
  const body = `<h1>${esc(company)} · ${esc(t(lang, 'training.probation.title'))}</h1>
<div class="meta"><span><b>${esc(t(lang, 'training.fields.name'))}:</b> ${esc(r.name)} (${esc(r.employeeNo)})</span><span><b>${esc(t(lang, 'training.fields.team'))}:</b> ${esc(r.team)}</span>
<span><b>${esc(t(lang, 'training.probation.period'))}:</b> ${esc(r.data.from)} – ${esc(r.probationEnd)}</span></div>
<table><tbody><tr><th>${esc(t(lang, 'training.probation.orders'))}</th><td>${esc(r.data.orders)}</td><th>${esc(t(lang, 'training.probation.sales'))}</th><td>${esc(money.format(r.data.sales))}</td><th>${esc(t(lang, 'training.probation.customers'))}</th><td>${esc(r.data.customers)}</td></tr></tbody></table>
<br><table><thead><tr><th style="width:28%">${esc(t(lang, 'recruit.print.item'))}</th><th>${esc(t(lang, 'training.probation.rating'))}</th></tr></thead><tbody>${rows}
<tr><td><b>${esc(t(lang, 'training.probation.decisionLabel'))}</b></td><td>${decision}</td></tr>
<tr><td><b>${esc(t(lang, 'recruit.fields.notes'))}</b></td><td class="lines">${esc(r.review?.note)}</td></tr>
<tr><td><b>${esc(t(lang, 'training.probation.signatures'))}</b></td><td class="sign"></td></tr></tbody></table>`;
  return a4Page(lang, t(lang, 'training.probation.title'), body);
}
