import type { Candidate, Round, ScorecardItem } from '../../contract/recruit';
import { t, type Lang } from '../../i18n/messages';
import { a4Page, esc } from './print-page';

/**
 * P5.3: the blank interview scorecard for an interviewer who scores on paper: one row per item with
 * every level of the appraisal's rubric spelled out and a box to tick, then the recommendation and a
 * signature; it is entered back through the same scorecard form.
 */
export function interviewScorecardHtml(
  lang: Lang,
  company: string,
  c: Candidate,
  items: ScorecardItem[],
  round: Round | undefined,
): string {
  const rows = items
    .map(
      (it) =>
        `<tr><td><b>${esc(it.label)}</b>${it.fromAppraisal ? '' : `<br><small>${esc(t(lang, 'recruit.print.planItem'))}</small>`}</td><td>${it.levels
          .map(
            (l) =>
              `<div><span class="box"></span><b>${esc(l.level)} · ${esc(l.label)}</b>${l.description ? ` — ${esc(l.description)}` : ''}</div>`,
          )
          .join('')}</td></tr>`,
    )
    .join('');
  const rec = (['hire', 'hold', 'reject'] as const)
    .map((r) => `<span class="box"></span>${esc(t(lang, `recruit.recommendation.${r}`))}`)
    .join('&nbsp;&nbsp;');
  const body = `<h1>${esc(company)} · ${esc(t(lang, 'recruit.print.scorecardTitle'))}</h1>
<div class="meta"><span><b>${esc(t(lang, 'recruit.fields.name'))}:</b> ${esc(c.name)}</span><span><b>${esc(t(lang, 'recruit.fields.plan'))}:</b> ${esc(c.plan)}</span>
<span><b>${esc(t(lang, 'recruit.fields.round'))}:</b> ${round ? esc(t(lang, `recruit.round.${round}`)) : '____'}</span><span><b>${esc(t(lang, 'recruit.fields.date'))}:</b> ________</span>
<span><b>${esc(t(lang, 'recruit.fields.interviewer'))}:</b> ____________</span></div>
<table><thead><tr><th style="width:22%">${esc(t(lang, 'recruit.print.item'))}</th><th>${esc(t(lang, 'recruit.print.levels'))}</th></tr></thead><tbody>${rows}
<tr><td><b>${esc(t(lang, 'recruit.fields.recommendation'))}</b></td><td>${rec}</td></tr>
<tr><td><b>${esc(t(lang, 'recruit.fields.notes'))}</b></td><td class="lines"></td></tr>
<tr><td><b>${esc(t(lang, 'recruit.print.signature'))}</b></td><td class="sign"></td></tr></tbody></table>
<div class="foot">${esc(t(lang, 'recruit.print.scorecardFoot'))}</div>`;
  return a4Page(lang, t(lang, 'recruit.print.scorecardTitle'), body);
}
