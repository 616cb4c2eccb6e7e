import path from 'node:path';
import { ROUNDS } from '../../contract/recruit';
import { t, type Lang } from '../../i18n/messages';
import { call, choiceOption, command, intOption, textOption, UsageError, type Values } from '../command';
import { IMPORT_OPTIONS, renderSurveyImport } from './survey';
import { buildFeedback, buildProbation, renderFeedback, renderProbation, renderProbationDue } from './training-cli';

/** `recruit …` and `training …` (cli.md: recruit funnel, training effect; P5.1–P5.5). */

const num = (x: number | null | undefined, d = 1) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 10 ** d) / 10 ** d);
const out = (values: Values, usage: string) => {
  const file = textOption(values, 'out');
  if (file === undefined) throw new UsageError(usage);
  return { path: path.resolve(file) };
};
const need = (n: number | undefined, usage: string) => {
  if (n === undefined) throw new UsageError(usage);
  return n;
};
const written = (f: { path: string | null; name: string }) => f.path ?? f.name;

const funnelLine = (
  lang: Lang,
  key: string,
  r: { stages: { stage: string; count: number }[]; timeToHireDays: number | null; costPerHire: number | null },
) =>
  `${key.padEnd(10)} ${r.stages.map((s) => `${t(lang, `recruit.stage.${s.stage}`)} ${s.count}`).join(' → ')}  ${t(lang, 'recruit.summary.timeToHire', { days: num(r.timeToHireDays) })}  ${t(lang, 'recruit.summary.costPerHire', { cost: num(r.costPerHire, 0) })}`;

export const teamBuildingCommands = [
  command({
    name: 'recruit',
    summary: 'recruit.cli.funnel',
    usage:
      'recruit funnel [--plan ID] | plans | prediction [--years N] | scorecard --candidate ID [--round R] --out FILE.html',
    options: {
      plan: { type: 'string' },
      years: { type: 'string' },
      candidate: { type: 'string' },
      round: { type: 'string' },
      out: { type: 'string' },
    },
    build(values, pos) {
      const [sub, ...rest] = pos;
      if (rest.length)
        throw new UsageError('cli.usage.unexpected-argument', { command: `recruit ${sub}`, value: rest[0] });
      if (sub === 'funnel') {
        const planId = intOption(values, 'plan');
        return call('recruit/funnel', planId === undefined ? {} : { planId });
      }
      if (sub === 'plans') return call('recruit/plans', {});
      if (sub === 'prediction') {
        const years = intOption(values, 'years');
        return call('recruit/prediction', years === undefined ? {} : { years });
      }
      if (sub === 'scorecard') {
        const round = choiceOption(values, 'round', ROUNDS);
        return call('report/interview-scorecard', {
          candidateId: need(intOption(values, 'candidate'), 'recruit.cli.usage'),
          ...(round ? { round } : {}),
          out: out(values, 'recruit.cli.usage'),
        });
      }
      throw new UsageError('recruit.cli.usage');
    },
    render: {
      'recruit/funnel': (f, lang) =>
        [funnelLine(lang, 'all', f), ...f.byChannel.map((c) => funnelLine(lang, c.key, c))].join('\n'),
      'recruit/plans': (plans, lang) =>
        plans
          .map(
            (p) =>
              `#${p.id}  ${p.title}  ${p.team ?? '—'}  ${t(lang, `recruit.approval.${p.approval}`)}  ${p.progress.hired}/${p.headcount}  (${p.progress.applied})`,
          )
          .join('\n'),
      'recruit/prediction': (p) =>
        [
          ...p.items.map((i) => `${i.label}: r=${num(i.r, 3)} n=${i.n}`),
          `overall: r=${num(p.overall.r, 3)} n=${p.overall.n}`,
        ].join('\n'),
      'report/interview-scorecard': (f) => written(f),
    },
  }),
  command({
    name: 'training',
    summary: 'training.cli.effect',
    usage:
      'training effect --course ID [--kpi KEY] | effects | suggestions [--quarter YYYYQn] | records --year Y [--person NO] | sign-in --session ID --out FILE.html | feedback --session ID [create [--from-survey ID] | import FILE [--dry-run] [--skip-invalid]] | probation due [--days N] | probation show --person NO | probation decide --person NO --decision confirm|extend|end --rate KEY=LEVEL… [--extend-to DATE] [--note TEXT] | probation print --person NO --out FILE.html',
    options: {
      sheet: IMPORT_OPTIONS.sheet,
      map: IMPORT_OPTIONS.map,
      codes: IMPORT_OPTIONS.codes,
      'dry-run': IMPORT_OPTIONS['dry-run'],
      'skip-invalid': IMPORT_OPTIONS['skip-invalid'],
      'from-survey': { type: 'string' },
      days: { type: 'string' },
      decision: { type: 'string' },
      rate: { type: 'string', multiple: true },
      'extend-to': { type: 'string' },
      note: { type: 'string' },
      course: { type: 'string' },
      kpi: { type: 'string' },
      quarter: { type: 'string' },
      year: { type: 'string' },
      person: { type: 'string' },
      session: { type: 'string' },
      out: { type: 'string' },
    },
    build(values, pos) {
      const [sub, ...rest] = pos;
      if (sub === 'feedback') return buildFeedback(values, rest);
      if (sub === 'probation') return buildProbation(values, rest);
      if (rest.length)
        throw new UsageError('cli.usage.unexpected-argument', { command: `training ${sub}`, value: rest[0] });
      if (sub === 'effect') {
        const kpi = textOption(values, 'kpi');
        return call('training/effect', {
          courseId: need(intOption(values, 'course'), 'training.cli.usage'),
          ...(kpi ? { kpi } : {}),
        });
      }
      if (sub === 'effects') return call('training/effect-table', {});
      if (sub === 'suggestions') {
        const quarter = textOption(values, 'quarter');
        return call('training/suggestions', quarter ? { quarter } : {});
      }
      if (sub === 'records') {
        const person = textOption(values, 'person');
        return call('training/records', {
          year: need(intOption(values, 'year'), 'training.cli.usage'),
          ...(person ? { person } : {}),
        });
      }
      if (sub === 'sign-in')
        return call('report/sign-in-sheet', {
          sessionId: need(intOption(values, 'session'), 'training.cli.usage'),
          out: out(values, 'training.cli.usage'),
        });
      throw new UsageError('training.cli.usage');
    },
    render: {
      'training/effect': (e, lang) => effectLines(e, lang),
      'training/effect-table': (list, lang) => list.map((e) => effectLines(e, lang)).join('\n\n'),
      'training/suggestions': (s) =>
        s.items
          .map(
            (i) =>
              `${s.quarter}  ${i.employeeNo} ${i.name}  ${i.kpiLabel}=${num(i.value)}  → ${i.courses.map((c) => c.title).join(', ') || '—'}`,
          )
          .join('\n'),
      'training/records': (list, lang) =>
        list
          .map(
            (r) =>
              `${r.employeeNo} ${r.name}  ${t(lang, `training.stage.${r.stage}`)}  ${r.hours}/${r.required ?? '—'}h  ✓${r.passed}`,
          )
          .join('\n'),
      'report/sign-in-sheet': (f) => written(f),
      'training/feedback': renderFeedback,
      'training/feedback-create': renderFeedback,
      'training/feedback-import': renderSurveyImport,
      'training/probation-due': renderProbationDue,
      'training/probation': renderProbation,
      'training/probation-review': renderProbation,
      'report/probation-review': (f) => written(f),
    },
    refused: {
      'training/feedback-import': (r, lang) =>
        !r.committed && r.rows.invalid > 0
          ? t(lang, 'training.feedback.invalid', { count: r.rows.invalid })
          : undefined,
    },
  }),
];

function effectLines(
  e: {
    course: { title: string };
    byKpi: {
      kpi: string;
      trained: { n: number; before: number | null; after: number | null };
      untrained: { n: number; before: number | null; after: number | null };
      tooSmall: boolean;
    }[];
  },
  lang: Lang,
): string {
  const side = (s: { n: number; before: number | null; after: number | null }) =>
    `n=${s.n} ${num(s.before, 2)} → ${num(s.after, 2)}`;
  return [
    e.course.title,
    ...e.byKpi.map(
      (k) =>
        `  ${k.kpi}: ${t(lang, 'training.fields.trained')} ${side(k.trained)} | ${t(lang, 'training.fields.untrained')} ${side(k.untrained)}${k.tooSmall ? `  (${t(lang, 'training.fields.tooSmall')})` : ''}`,
    ),
  ].join('\n');
}
