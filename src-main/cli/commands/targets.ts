import type { Input } from '../../contract';
import {
  CELL_METRICS,
  HISTORY_BASES,
  SPREAD_METRICS,
  targetOps,
  type HistoryBase,
  type TargetChange,
  type TargetsShow,
  type TargetsTracking,
} from '../../contract/targets';
import { t, type Lang } from '../../i18n/messages';
import { call, choiceOption, command, intOption, textOption, UsageError, type Values } from '../command';
import { paceLines, workingDaysLines } from './plans-text';

/** `targets set | lock | unlock | breakdown | show | track | submit | approve | reopen | tiers | undo` (cli.md). */

const money = (lang: Lang, n: number) => n.toLocaleString(lang, { maximumFractionDigits: 0 });
/** Pads to a terminal width: Chinese characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function year(values: Values, sub: string): number {
  const y = intOption(values, 'year');
  if (y === undefined) throw new UsageError('targets.cli.missing-year', { sub });
  return y;
}

function numberOption(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(String(raw).trim());
  if (String(raw).trim() === '' || !Number.isFinite(n))
    throw new UsageError('targets.cli.bad-number', { option: `--${name}`, value: raw });
  return n;
}

/** The cell options shared by set, lock and unlock; the service refuses unknown teams and people. */
function cellRef(values: Values): Pick<Input<'targets/lock'>, 'team' | 'person' | 'month' | 'quarter' | 'reason'> {
  const ref: Pick<Input<'targets/lock'>, 'team' | 'person' | 'month' | 'quarter' | 'reason'> = {};
  const team = textOption(values, 'team');
  if (team !== undefined) ref.team = team;
  const person = textOption(values, 'person');
  if (person !== undefined) ref.person = person;
  const month = intOption(values, 'month');
  if (month !== undefined) ref.month = month;
  const quarter = intOption(values, 'quarter');
  if (quarter !== undefined) ref.quarter = quarter;
  const reason = textOption(values, 'reason');
  if (reason !== undefined) ref.reason = reason;
  return ref;
}

function weights(values: Values): number[] | undefined {
  const raw = values.weights;
  if (raw === undefined) return undefined;
  const parts = String(raw)
    .split(/[,，\s]+/)
    .filter(Boolean);
  const nums = parts.map(Number);
  if (nums.length !== 12 || nums.some((n) => !Number.isFinite(n) || n < 0))
    throw new UsageError('targets.cli.bad-weights', { value: raw });
  return nums;
}

const breakdownInput = targetOps['targets/breakdown'].input.shape;

function build(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: `targets ${sub}`, value: rest[0] });
  const spread = () => {
    const metric = choiceOption(values, 'metric', SPREAD_METRICS);
    return metric !== undefined ? { metric } : {};
  };
  const reasonText = textOption(values, 'reason');
  const reason = reasonText !== undefined ? { reason: reasonText } : {};
  switch (sub) {
    case 'set': {
      const amount = textOption(values, 'amount');
      if (amount === undefined) throw new UsageError('targets.cli.missing-amount');
      if (values.lock && values.unlock) throw new UsageError('targets.cli.usage');
      // The amount goes to the service as typed, so a bad one is refused input (exit 1) with its own message.
      const lock = values.lock ? { lock: true } : values.unlock ? { lock: false } : {};
      const metric = choiceOption(values, 'metric', CELL_METRICS);
      return call('targets/set', {
        year: year(values, sub),
        amount,
        ...cellRef(values),
        ...(metric !== undefined ? { metric } : {}),
        ...lock,
      });
    }
    case 'lock':
    case 'unlock':
      return call('targets/lock', { year: year(values, sub), ...cellRef(values), ...spread(), locked: sub === 'lock' });
    case 'breakdown': {
      const method = choiceOption(values, 'method', breakdownInput.method.options);
      if (method === undefined)
        throw new UsageError('targets.cli.missing-method', { choices: breakdownInput.method.options.join('|') });
      const input: Input<'targets/breakdown'> = { year: year(values, sub), method, ...spread(), ...reason };
      const w = weights(values);
      if (w) input.weights = w;
      const growth = numberOption(values, 'growth');
      if (growth !== undefined) input.growth = growth;
      const seasonality = choiceOption(values, 'seasonality', breakdownInput.seasonality.unwrap().options);
      if (seasonality !== undefined) input.seasonality = seasonality;
      if (values.adopt) input.adopt = true;
      const base = choiceOption(values, 'base', HISTORY_BASES);
      if (base !== undefined) input.base = base;
      return call('targets/breakdown', input);
    }
    case 'show':
      return call('targets/show', { year: year(values, sub), ...spread() });
    case 'track': {
      const month = intOption(values, 'month');
      return call('targets/tracking', {
        year: year(values, sub),
        ...(month !== undefined ? { asOfMonth: month } : {}),
      });
    }
    case 'submit':
    case 'approve':
    case 'reopen':
      return call('targets/workflow', { year: year(values, sub), action: sub, ...reason });
    case 'tiers': {
      const stretchPct = numberOption(values, 'stretch');
      const challengePct = numberOption(values, 'challenge');
      if (stretchPct === undefined || challengePct === undefined) throw new UsageError('targets.cli.usage');
      return call('targets/tiers', { year: year(values, sub), stretchPct, challengePct, ...reason });
    }
    case 'export': {
      const out = textOption(values, 'out');
      if (out === undefined) throw new UsageError('targets.cli.usage');
      return call('targets/export', { year: year(values, sub), out: { path: out } });
    }
    case 'undo':
      return call('targets/undo', { year: year(values, sub), ...spread(), ...reason });
    default:
      throw new UsageError('targets.cli.usage');
  }
}

function renderShow(s: TargetsShow, lang: Lang): string {
  const line = (name: string, annual: number, actual: number[]) => {
    const ytd = actual.reduce((a, b) => a + b, 0);
    return `${padEnd(name, 24)} ${padStart(money(lang, annual), 16)} ${padStart(money(lang, ytd), 16)} ${padStart(pct(annual > 0 ? ytd / annual : null), 8)}`;
  };
  const head = `${padEnd(t(lang, 'targets.cli.col-name'), 24)} ${padStart(t(lang, 'targets.cli.col-annual'), 16)} ${padStart(t(lang, 'targets.cli.col-actual'), 16)} ${padStart(t(lang, 'targets.cli.col-completion'), 8)}`;
  const rows = [line(t(lang, 'targets.scope.company'), s.company.annual, s.company.actualMonths)];
  for (const team of s.teams) {
    rows.push(line(`  ${team.name}`, team.annual, team.actualMonths));
    for (const p of s.people.filter((x) => x.teamId === team.id))
      rows.push(line(`    ${p.employeeNo} ${p.name}`, p.annual, p.actualMonths));
  }
  return [t(lang, 'targets.cli.show-header', { year: s.year, status: s.status }), head, ...rows].join('\n');
}

function renderTracking(r: TargetsTracking, lang: Lang): string {
  const line = (name: string, x: TargetsTracking['company']) =>
    `${padEnd(name, 24)} ${padStart(pct(x.month.completion), 8)} ${padStart(pct(x.quarter.completion), 8)} ${padStart(pct(x.ytd.completion), 8)} ${padStart(money(lang, x.ytd.gap), 16)}`;
  const head = ['col-name', 'col-month', 'col-quarter', 'col-ytd', 'col-gap']
    .map((k, i) =>
      i === 0 ? padEnd(t(lang, `targets.cli.${k}`), 24) : padStart(t(lang, `targets.cli.${k}`), i === 4 ? 16 : 8),
    )
    .join(' ');
  const rows = [
    line(t(lang, 'targets.scope.company'), r.company),
    ...r.teams.map((x) => line(`  ${x.name}`, x)),
    ...r.people.map((x) => line(`    ${x.employeeNo} ${x.name}`, x)),
  ];
  return [
    t(lang, 'targets.cli.track-header', { year: r.year, month: r.asOfMonth }),
    ...paceLines(r.pace, lang),
    head,
    ...rows,
  ].join('\n');
}

/** What a history breakdown rested on (P2.2): the base months and anyone pro-rated, never left unsaid. */
function baseLines(b: HistoryBase, lang: Lang): string[] {
  const missing = b.missing.join(', ');
  const lines = [
    b.kind === 'last-12' && b.last12
      ? t(lang, 'targets.cli.base-last-12', { year: b.baseYear, from: b.last12.from, to: b.last12.to, missing })
      : b.kind === 'fill'
        ? t(lang, 'targets.cli.base-fill', {
            year: b.baseYear,
            missing,
            sources: b.missing.map((m) => b.sources[m - 1]).join(', '),
          })
        : t(lang, 'targets.cli.base-year', { year: b.baseYear }),
  ];
  if (b.prorated.length)
    lines.push(
      t(lang, 'targets.cli.prorated', {
        people: b.prorated.map((p) => t(lang, 'targets.cli.prorated-person', { ...p })).join(', '),
      }),
    );
  return lines;
}

const changed = (c: TargetChange, lang: Lang) =>
  t(lang, 'targets.cli.changed', {
    year: c.year,
    rows: c.rowsChanged,
    cells: c.cellsWritten,
    annual: money(lang, c.companyAnnual),
  });

export const targetCommands = [
  command({
    name: 'targets',
    summary: 'targets.cli.help',
    usage: 'targets set|lock|unlock|breakdown|show|track|submit|approve|reopen|tiers|undo|export --year Y …',
    options: {
      year: { type: 'string' },
      amount: { type: 'string' },
      team: { type: 'string' },
      person: { type: 'string' },
      month: { type: 'string' },
      quarter: { type: 'string' },
      lock: { type: 'boolean' },
      unlock: { type: 'boolean' },
      metric: { type: 'string' },
      reason: { type: 'string' },
      method: { type: 'string' },
      weights: { type: 'string' },
      growth: { type: 'string' },
      seasonality: { type: 'string' },
      base: { type: 'string' },
      adopt: { type: 'boolean' },
      stretch: { type: 'string' },
      challenge: { type: 'string' },
      out: { type: 'string' },
    },
    build,
    render: {
      'targets/set': changed,
      'targets/lock': changed,
      'targets/tiers': changed,
      'targets/breakdown': (c, lang) =>
        [
          t(lang, 'targets.cli.broken-down', {
            year: c.year,
            rows: c.rowsChanged,
            cells: c.cellsWritten,
            annual: money(lang, c.companyAnnual),
            method: c.method,
            seasonality: c.seasonality,
          }),
          ...(c.base ? baseLines(c.base, lang) : []),
          ...workingDaysLines(c.year, c.workingDays, lang),
        ].join('\n'),
      'targets/undo': (c, lang) =>
        c.undone
          ? t(lang, 'targets.cli.undone', { action: c.undone, rows: c.rowsChanged })
          : t(lang, 'targets.cli.nothing-to-undo'),
      'targets/show': renderShow,
      'targets/tracking': renderTracking,
      'targets/workflow': (w, lang) => t(lang, 'targets.cli.status', { year: w.year, status: w.status }),
      'targets/export': (f, lang) => t(lang, 'targets.cli.exported', { file: f.path ?? f.name }),
    },
  }),
];
