import type { FileOut } from '../../contract/files';
import { REPORT_FORMATS } from '../../contract/sales-report';
import { t, type Lang } from '../../i18n/messages';
import {
  call,
  command,
  intOption,
  noPositionals,
  textOption,
  UsageError,
  type AnyCommand,
  type Values,
} from '../command';

/** Issue 15 on the command line: `report sales`, `plans suggest`, `home`, `strategy check` (docs/cli.md). */

const need = (v: Values, name: string, cmd: string): string => {
  const x = textOption(v, name);
  if (x === undefined || x.trim() === '')
    throw new UsageError('plans.cli.missing', { option: `--${name}`, command: cmd });
  return x;
};

const renderFile = (f: FileOut & { id: number }, lang: Lang) =>
  t(lang, 'plans.cli.reportWritten', { id: f.id, file: f.path ?? f.name, bytes: f.bytes });

const salesReport = command({
  name: 'report',
  summary: 'plans.cli.reportHelp',
  usage: 'report sales --period YYYY-MM|YYYY-Www [--team NAME] --out FILE.pdf|FILE.html|FILE.xlsx',
  options: { period: { type: 'string' }, team: { type: 'string' }, out: { type: 'string' } },
  build(v, pos) {
    if (pos.length > 1) throw new UsageError('plans.cli.usage');
    const out = need(v, 'out', 'report sales');
    const ext = out.toLowerCase().split('.').pop();
    const format = ext === 'htm' ? 'html' : REPORT_FORMATS.find((f) => f === ext);
    if (!format) throw new UsageError('plans.cli.usage');
    const team = textOption(v, 'team');
    return call('sales-report/make', {
      period: need(v, 'period', 'report sales'),
      format,
      out: { path: out },
      ...(team ? { team } : {}),
    });
  },
  render: { 'sales-report/make': renderFile },
});

/**
 * `report` is one command with two subcommands: `report appraisal` (the appraisal's own, declared with the
 * appraisal) and `report sales`. The runner finds commands by name, so the two are joined here into one
 * whose options are both sets and whose build picks by the first argument.
 */
export function withSalesReport(commands: AnyCommand[]): AnyCommand[] {
  const i = commands.findIndex((c) => c.name === 'report');
  if (i < 0) return [...commands, salesReport];
  const base = commands[i];
  const joined: AnyCommand = {
    ...base,
    usage: `${base.usage}\n  ${salesReport.usage}`,
    options: { ...base.options, ...salesReport.options },
    build: (v, pos, as) => (pos[0] === 'sales' ? salesReport.build(v, pos, as) : base.build(v, pos, as)),
    render: { ...base.render, ...salesReport.render },
  };
  return commands.map((c, k) => (k === i ? joined : c));
}

export const planCommands: AnyCommand[] = [
  command({
    name: 'plans',
    summary: 'plans.cli.plansHelp',
    usage:
      'plans suggest --period YYYY-MM|YYYYQn [--person EMPLOYEE_NO] [--limit N] · plans take --period P --person NO --key KEY [--date YYYY-MM-DD] · plans list [--period P]',
    options: {
      period: { type: 'string' },
      person: { type: 'string' },
      limit: { type: 'string' },
      key: { type: 'string' },
      date: { type: 'string' },
    },
    build(v, pos) {
      const sub = pos[0];
      if (sub === 'suggest') {
        const person = textOption(v, 'person');
        const limit = intOption(v, 'limit');
        return call('plans/suggestions', {
          period: need(v, 'period', 'plans suggest'),
          ...(person ? { person } : {}),
          ...(limit !== undefined ? { limit } : {}),
        });
      }
      if (sub === 'take') {
        const date = textOption(v, 'date');
        return call('plans/take-suggestion', {
          period: need(v, 'period', 'plans take'),
          person: need(v, 'person', 'plans take'),
          key: need(v, 'key', 'plans take'),
          ...(date ? { date } : {}),
        });
      }
      if (sub === 'list') {
        const period = textOption(v, 'period');
        return call('plans/list', period ? { period } : {});
      }
      throw new UsageError('plans.cli.plansUsage');
    },
    render: {
      'plans/suggestions': (r, lang) =>
        [
          t(lang, 'plans.cli.suggestHeader', { period: r.period, asOf: r.asOf, people: r.people.length }),
          ...r.people.flatMap((p) => [
            t(lang, 'plans.cli.suggestPerson', {
              no: p.employeeNo,
              name: p.name,
              target: p.target.toLocaleString(lang),
              actual: p.actual.toLocaleString(lang),
              gap: p.gap.toLocaleString(lang),
            }),
            ...p.suggestions.map(
              (s, i) =>
                `    ${i + 1}. ${t(lang, `plans.suggestion.title-${s.kind}`, { customer: s.customer })} · ¥${s.value.toLocaleString(lang)} [${s.key}]${s.taken ? ` ✓` : ''}`,
            ),
          ]),
        ].join('\n'),
      'plans/take-suggestion': (a, lang) =>
        t(lang, 'plans.cli.taken', { id: a.id, title: a.title, date: a.date, plan: a.planId }),
      'plans/list': (r) => JSON.stringify(r, null, 2),
    },
  }),
  command({
    name: 'home',
    summary: 'plans.cli.homeHelp',
    usage: 'home [--as-of YYYY-MM-DD]',
    options: { 'as-of': { type: 'string' } },
    build(v, pos) {
      noPositionals('home', pos);
      const asOf = textOption(v, 'as-of');
      return call('home/show', asOf ? { asOf } : {});
    },
    render: { 'home/show': (h) => JSON.stringify(h, null, 2) },
  }),
];
