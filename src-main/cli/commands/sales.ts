import type { PipelineCoverage } from '../../contract/pipeline';
import type { ContractDetail } from '../../contract/sales-contracts';
import type { ServiceQuality } from '../../contract/tickets';
import { t, type Lang } from '../../i18n/messages';
import { call, command, intOption, textOption, UsageError, type Values } from '../command';

/** `pipeline coverage`, `contracts approve|show|receivables|renewals`, `tickets sla` (cli.md; P2.6, P3.3, P4.6). */

const width = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, n: number, left = false) =>
  left ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s)));
const money = (lang: Lang, n: number) => n.toLocaleString(lang, { maximumFractionDigits: 0 });
const pctText = (x: number | null) => (x === null ? '—' : `${x}%`);
const unexpected = (cmd: string, pos: string[]) => {
  if (pos.length) throw new UsageError('cli.usage.unexpected-argument', { command: cmd, value: pos[0] });
};

function renderCoverage(c: PipelineCoverage, lang: Lang): string {
  const cols = t(lang, 'pipeline.cli.columns').split('|');
  const head = [pad(cols[0], 24), ...cols.slice(1).map((x) => pad(x, 14, true))].join(' ');
  const line = (name: string, r: PipelineCoverage['company']) =>
    [
      pad(name, 24),
      ...[r.target, r.actual, r.gap, r.weightedPipeline].map((v) => pad(money(lang, v), 14, true)),
      pad(`${r.coverage === null ? '—' : `${r.coverage}×`}${r.warning ? ' !' : ''}`, 14, true),
    ].join(' ');
  return [
    t(lang, 'pipeline.cli.header', { year: c.year, period: c.period, threshold: c.threshold }),
    head,
    line(t(lang, 'pipeline.cli.company'), c.company),
    ...c.teams.map((x) => line(`  ${x.name}`, x)),
    ...c.people.map((x) => line(`    ${x.employeeNo} ${x.name}`, x)),
  ].join('\n');
}

function renderContract(c: ContractDetail, lang: Lang): string {
  const b = c.rule.strategy;
  // P2.4: the strategy's band that applied, as the window shows it
  const band = !b
    ? ''
    : `\n${
        b.allowed
          ? t(lang, 'contracts.band', {
              year: b.year,
              line: b.productLine,
              discount: b.discountPct,
              approver: t(lang, `contracts.approver.${b.approver}`),
              max: b.maxDiscountPct,
            })
          : t(lang, 'contracts.bandBeyond', { year: b.year, line: b.productLine, discount: b.discountPct })
      }`;
  return band ? shown(c, lang) + band : shown(c, lang);
}

function shown(c: ContractDetail, lang: Lang): string {
  return t(lang, 'contracts.cli.shown', {
    contractNo: c.contractNo,
    customer: c.customerName,
    amount: money(lang, c.amount),
    status: t(lang, `contracts.status.${c.status}`),
    rule: `${c.rule.level}${c.rule.reasons.length ? ` (${c.rule.reasons.join(', ')})` : ''}`,
    pending: c.status === 'in_review' ? c.rule.pending.join(', ') || '—' : '—',
  });
}

function renderQuality(q: ServiceQuality, lang: Lang): string {
  const lines = [
    t(lang, 'tickets.cli.summary', {
      tickets: q.tickets,
      within: pctText(q.withinTargetPct),
      median: q.medianResolutionHours ?? '—',
      p90: q.p90ResolutionHours ?? '—',
      per100: q.complaintsPer100Orders ?? '—',
    }),
    ...q.byDepartment.map((d) =>
      t(lang, 'tickets.cli.department', {
        department: d.department,
        tickets: d.tickets,
        within: pctText(d.withinTargetPct),
      }),
    ),
  ];
  if (q.missingSchedule.length) lines.push(t(lang, 'tickets.cli.no-schedule', { years: q.missingSchedule.join(', ') }));
  return lines.join('\n');
}

function buildPipeline(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  unexpected(`pipeline ${sub}`, rest);
  if (sub !== 'coverage') throw new UsageError('pipeline.cli.usage');
  const year = intOption(values, 'year');
  if (year === undefined) throw new UsageError('pipeline.cli.missing-year');
  const quarter = intOption(values, 'quarter');
  const month = intOption(values, 'month');
  return call('pipeline/coverage', {
    year,
    ...(quarter !== undefined ? { quarter } : {}),
    ...(month !== undefined ? { month } : {}),
  });
}

function buildContracts(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  unexpected(`contracts ${sub}`, rest);
  const contract = () => {
    const no = textOption(values, 'contract');
    if (!no) throw new UsageError('contracts.cli.missing-contract', { sub });
    return no;
  };
  const asOf = textOption(values, 'as-of');
  switch (sub) {
    case 'approve': {
      const as = textOption(values, 'as');
      return call('contracts/approve', { contract: contract(), ...(as !== undefined ? { as } : {}) });
    }
    case 'show':
      return call('contracts/get', { contract: contract() });
    case 'receivables':
      return call('contracts/receivables', asOf !== undefined ? { asOf } : {});
    case 'renewals':
      return call('contracts/renewals', asOf !== undefined ? { asOf } : {});
    default:
      throw new UsageError('contracts.cli.usage');
  }
}

function buildTickets(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  unexpected(`tickets ${sub}`, rest);
  if (sub !== 'sla') throw new UsageError('tickets.cli.usage');
  const from = textOption(values, 'from');
  const to = textOption(values, 'to');
  if (from === undefined || to === undefined) throw new UsageError('tickets.cli.missing-range');
  return call('tickets/sla', { from, to });
}

export const salesCommands = [
  command({
    name: 'pipeline',
    summary: 'pipeline.cli.help',
    usage: 'pipeline coverage --year Y [--quarter N | --month M]',
    options: { year: { type: 'string' }, quarter: { type: 'string' }, month: { type: 'string' } },
    build: buildPipeline,
    render: { 'pipeline/coverage': renderCoverage },
  }),
  command({
    name: 'contracts',
    summary: 'contracts.cli.help',
    usage:
      'contracts approve --contract NO [--as EMPLOYEE_NO] · contracts show --contract NO · contracts receivables|renewals [--as-of DATE]',
    options: { contract: { type: 'string' }, as: { type: 'string' }, 'as-of': { type: 'string' } },
    build: buildContracts,
    render: {
      'contracts/approve': renderContract,
      'contracts/get': renderContract,
      'contracts/receivables': (rows, lang) =>
        rows.length
          ? rows
              .map((r) =>
                t(lang, 'contracts.cli.receivable', {
                  ...r,
                  customer: r.customerName,
                  amount: money(lang, r.amount),
                  state: r.state,
                }),
              )
              .join('\n')
          : t(lang, 'contracts.cli.none'),
      'contracts/renewals': (rows, lang) =>
        rows.length
          ? rows
              .map((r) =>
                t(lang, 'contracts.cli.renewal', {
                  contractNo: r.contractNo,
                  customer: r.customerName,
                  endDate: r.endDate,
                }),
              )
              .join('\n')
          : t(lang, 'contracts.cli.none'),
    },
  }),
  command({
    name: 'tickets',
    summary: 'tickets.cli.help',
    usage: 'tickets sla --from DATE --to DATE',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    build: buildTickets,
    render: { 'tickets/sla': renderQuality },
  }),
];
