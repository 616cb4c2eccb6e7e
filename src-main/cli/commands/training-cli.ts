import path from 'node:path';
import type { Input, Output } from '../../contract';
import { t, type Lang } from '../../i18n/messages';
import { call, intOption, oneOf, textOption, UsageError, type Values } from '../command';
import { buildSurveyImport } from './survey';

/**
 * `training feedback …` (P5.5, the session's questionnaire through the survey engine) and
 * `training probation …` (the review at the end of probation), built for the `training` command.
 */

const r1 = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : (Math.round(x * 10) / 10).toString();

const session = (values: Values, usage: string) => {
  const id = intOption(values, 'session');
  if (id === undefined) throw new UsageError(usage);
  return id;
};
const person = (values: Values, usage: string) => {
  const p = textOption(values, 'person');
  if (p === undefined) throw new UsageError(usage);
  return p;
};

/** `training feedback --session ID`, `… create [--from-survey ID]`, `… import FILE [--dry-run] [--skip-invalid]`. */
export function buildFeedback(values: Values, args: string[]) {
  const usage = 'training.cli.feedbackUsage';
  const [action, file, ...more] = args;
  if (more.length)
    throw new UsageError('cli.usage.unexpected-argument', { command: 'training feedback', value: more[0] });
  const sessionId = session(values, usage);
  if (action === undefined) return call('training/feedback', { sessionId });
  if (action === 'create' && file === undefined) {
    const fromSurvey = intOption(values, 'from-survey');
    return call('training/feedback-create', fromSurvey === undefined ? { sessionId } : { sessionId, fromSurvey });
  }
  if (action === 'import') {
    const { surveyId: _s, name: _n, ...rest } = buildSurveyImport(values, file).input;
    void _s;
    void _n;
    return call('training/feedback-import', { ...rest, sessionId });
  }
  throw new UsageError(usage);
}

export function renderFeedback(f: Output<'training/feedback'>, lang: Lang): string {
  if (!f.survey) return t(lang, 'training.feedback.none');
  const a = f.analysis;
  return [
    `#${f.survey.id}  ${f.survey.name}`,
    t(lang, 'training.feedback.responses', { count: f.responses, attended: f.attended }),
    ...(a
      ? [
          `NPS ${r1(a.nps.score)}  CSAT ${r1(a.csat)}%`,
          ...a.questions.map(
            (q) =>
              `  ${q.code.padEnd(10)} n=${String(q.n).padEnd(4)} ${q.mean === null ? '' : `${t(lang, 'training.feedback.mean')} ${q.mean.toFixed(2)}`}  ${q.text}`,
          ),
        ]
      : []),
    ...f.comments.slice(0, 20).map((c) => `  “${c.text}”`),
  ].join('\n');
}

const DECISIONS = ['confirm', 'extend', 'end'] as const;

/** `--rate key=level` (repeated): the levels given on the rubric, as integers. */
function ratings(values: Values): Record<string, number> {
  const raw = values.rate;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const out: Record<string, number> = {};
  for (const r of list) {
    const m = /^([A-Za-z][\w-]*)=(-?\d+)$/.exec(r.trim());
    if (!m) throw new UsageError('training.cli.badRate', { value: r });
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** `training probation due [--days N]`, `show --person NO`, `decide --person NO --decision D --rate K=L…`, `print --person NO --out FILE.html`. */
export function buildProbation(values: Values, args: string[]) {
  const usage = 'training.cli.probationUsage';
  const [action, ...more] = args;
  if (more.length)
    throw new UsageError('cli.usage.unexpected-argument', { command: 'training probation', value: more[0] });
  if (action === 'due') {
    const days = intOption(values, 'days');
    return call('training/probation-due', days === undefined ? {} : { days });
  }
  if (action === 'show') return call('training/probation', { person: person(values, usage) });
  if (action === 'decide') {
    const decision = textOption(values, 'decision');
    if (decision === undefined) throw new UsageError(usage);
    const input: Input<'training/probation-review'> = {
      person: person(values, usage),
      ratings: ratings(values),
      decision: oneOf('decision', decision, DECISIONS),
    };
    const extendTo = textOption(values, 'extend-to');
    if (extendTo !== undefined) input.extendTo = extendTo;
    const note = textOption(values, 'note');
    if (note !== undefined) input.note = note;
    return call('training/probation-review', input);
  }
  if (action === 'print') {
    const file = textOption(values, 'out');
    if (file === undefined) throw new UsageError(usage);
    return call('report/probation-review', { person: person(values, usage), out: { path: path.resolve(file) } });
  }
  throw new UsageError(usage);
}

export function renderProbation(r: Output<'training/probation'>, lang: Lang): string {
  const levels = r.review?.ratings ?? {};
  return [
    `${r.employeeNo}  ${r.name}  ${r.team ?? '—'}  ${r.hireDate ?? '—'} → ${r.probationEnd ?? '—'}`,
    `  ${t(lang, 'training.probation.orders')} ${r.data.orders}  ${t(lang, 'training.probation.sales')} ${r1(r.data.sales)}  ${t(lang, 'training.probation.customers')} ${r.data.customers}`,
    ...r.items.map((i) => `  ${i.key.padEnd(14)} ${levels[i.key] ?? '—'}  ${i.label}`),
    r.review
      ? `  ${t(lang, 'training.probation.decisionLabel')}: ${t(lang, `training.probation.decision.${r.review.decision}`)}${r.review.extendedTo ? ` → ${r.review.extendedTo}` : ''}  ${r.review.date}  ${r.review.decidedBy}`
      : `  ${t(lang, 'training.probation.undecided')}`,
  ].join('\n');
}

export const renderProbationDue = (list: Output<'training/probation-due'>, lang: Lang): string =>
  list.length
    ? list
        .map(
          (r) =>
            `${r.employeeNo}  ${r.name}  ${r.team ?? '—'}  ${r.probationEnd ?? '—'}  ${t(lang, 'training.probation.orders')} ${r.data.orders}`,
        )
        .join('\n')
    : t(lang, 'training.probation.noneDue');
