import type { Participant, TrainingSession } from '../../contract/training';
import { t, type Lang } from '../../i18n/messages';
import { a4Page, esc } from './print-page';

/** P5.5: the session's sign-in sheet (签到表): the enrolled people in order, a column to sign and one for the time. */
export function signInSheetHtml(lang: Lang, company: string, s: TrainingSession, people: Participant[]): string {
  const rows = people
    .map(
      (p, i) =>
        `<tr><td>${i + 1}</td><td>${esc(p.employeeNo)}</td><td>${esc(p.name)}</td><td>${esc(p.team)}</td><td class="sign"></td><td></td></tr>`,
    )
    .join('');
  // blank rows for walk-ins, so nobody signs in the margin
  const blanks = Array.from(
    { length: Math.max(3, 20 - people.length) },
    (_, i) => `<tr><td>${people.length + i + 1}</td><td></td><td></td><td></td><td class="sign"></td><td></td></tr>`,
  ).join('');
  const place = s.online ? t(lang, 'training.online') : (s.place ?? '');
  const body = `<h1>${esc(company)} · ${esc(t(lang, 'training.print.signInTitle'))}</h1>
<div class="meta"><span><b>${esc(t(lang, 'training.fields.course'))}:</b> ${esc(s.course)}</span><span><b>${esc(t(lang, 'training.fields.date'))}:</b> ${esc(s.date)}</span>
<span><b>${esc(t(lang, 'training.fields.hours'))}:</b> ${esc(s.hours)}</span><span><b>${esc(t(lang, 'training.fields.trainer'))}:</b> ${esc(s.trainer)}</span>
<span><b>${esc(t(lang, 'training.fields.place'))}:</b> ${esc(place)}</span></div>
<table><thead><tr><th style="width:6%">#</th><th style="width:14%">${esc(t(lang, 'training.fields.employeeNo'))}</th><th style="width:18%">${esc(t(lang, 'training.fields.name'))}</th><th style="width:18%">${esc(t(lang, 'training.fields.team'))}</th><th>${esc(t(lang, 'training.print.signature'))}</th><th style="width:14%">${esc(t(lang, 'training.print.time'))}</th></tr></thead>
<tbody>${rows}${blanks}</tbody></table>
<div class="foot">${esc(t(lang, 'training.print.trainerSignature'))}: ____________</div>`;
  return a4Page(lang, t(lang, 'training.print.signInTitle'), body);
}
