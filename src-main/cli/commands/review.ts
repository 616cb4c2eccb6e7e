import fs from 'node:fs';
import type { Input } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { FileOut } from '../../contract/files';
import { reviewOps, type PeerRating, type ReviewPerson, type ReviewSchemeInfo, type ReviewShow, type WhatIfResult } from '../../contract/review';
import { t, type Lang } from '../../i18n/messages';
import { call, command, intOption, oneOf, UsageError, type Values } from '../command';

const USAGE = [
  'review compute|show|submit|approve|lock --quarter YYYYQn [--person NO] [--reason TEXT]',
  'review rate --quarter Q --person NO --kpi KEY --score N [--note TEXT]',
  'review peer-rate --quarter Q --person NO --rater NO --kpi teamwork --score N [--comment TEXT] · review peer-ratings --quarter Q [--person NO]',
  'review adjust --quarter Q --person NO (--total N | --clear) --reason TEXT',
  'review feedback --quarter Q --person NO [--feedback TEXT] [--self TEXT]',
  'review outcome --quarter Q --id N --decision confirmed|rejected|proposed [--reason TEXT]',
  'review reopen --quarter Q --reason TEXT · review scheme|what-if --quarter Q [--file SCHEME.json]',
  'review calibration --quarter Q · review history --person NO · review list · review export --quarter Q --out FILE.xlsx',
  'review incidents [--quarter Q] · review incident --person NO --date YYYY-MM-DD --kind violation|major-loss --description TEXT --evidence TEXT [--loss YUAN]',
].join('\n  ');

const str = (v: Values, name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
const need = (v: Values, name: string, sub: string): string => {
  const x = str(v, name);
  if (x === undefined || x.trim() === '') throw new UsageError('review.cli.usage.missing', { option: `--${name}`, command: `review ${sub}` });
  return x;
};
const num = (v: Values, name: string): number | undefined => {
  const raw = str(v, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) throw new UsageError('review.cli.usage.not-a-number', { option: `--${name}`, value: raw });
  return Number(raw);
};

/**
 * Reads a scheme JSON file for `review scheme --file` / `review what-if --file` (refused input, exit 1, when
 * unreadable). Its content is checked by the contract's schema in dispatch, as a window's or a browser's is.
 */
function readScheme(file: string): Input<'review/what-if'>['definition'] {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new WorkbenchError('review/scheme-file', { file, reason: (e as Error).message });
  }
}

function buildReview(v: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: `review ${sub}`, value: rest[0] });
  const quarter = () => need(v, 'quarter', sub);
  const person = () => need(v, 'person', sub);
  const reason = str(v, 'reason');
  switch (sub) {
    case 'list':
      return call('review/list', {});
    case 'compute':
      return call('review/compute', { quarter: quarter() });
    case 'show':
      return call('review/show', { quarter: quarter(), ...(str(v, 'person') ? { person: str(v, 'person') } : {}) });
    case 'rate': {
      const score = num(v, 'score');
      if (score === undefined) throw new UsageError('review.cli.usage.missing', { option: '--score', command: 'review rate' });
      return call('review/rate', { quarter: quarter(), person: person(), kpi: need(v, 'kpi', sub), score, ...(str(v, 'note') !== undefined ? { note: str(v, 'note') } : {}) });
    }
    case 'peer-rate': {
      // P6.1 teamwork: a colleague's rating (the level of the KPI's rubric), blended with the manager's by the peer weight
      const level = num(v, 'score');
      if (level === undefined) throw new UsageError('review.cli.usage.missing', { option: '--score', command: 'review peer-rate' });
      const comment = str(v, 'comment');
      return call('review/peer-rate', { quarter: quarter(), person: person(), rater: need(v, 'rater', sub), kpi: need(v, 'kpi', sub), level, ...(comment !== undefined ? { comment } : {}) });
    }
    case 'peer-ratings':
      return call('review/peer-ratings', { quarter: quarter(), ...(str(v, 'person') ? { person: str(v, 'person') } : {}) });
    case 'submit':
    case 'approve':
    case 'lock':
      return call(`review/${sub}`, { quarter: quarter(), ...(reason ? { reason } : {}) });
    case 'reopen':
      return call('review/reopen', { quarter: quarter(), reason: need(v, 'reason', sub) });
    case 'adjust': {
      const total = v.clear ? null : num(v, 'total');
      if (total === undefined) throw new UsageError('review.cli.usage.missing', { option: '--total', command: 'review adjust' });
      return call('review/adjust', { quarter: quarter(), person: person(), total, reason: need(v, 'reason', sub) });
    }
    case 'feedback':
      return call('review/feedback', { quarter: quarter(), person: person(), ...(str(v, 'feedback') !== undefined ? { feedback: str(v, 'feedback') } : {}), ...(str(v, 'self') !== undefined ? { selfAssessment: str(v, 'self') } : {}) });
    case 'outcome': {
      const id = intOption(v, 'id');
      if (id === undefined) throw new UsageError('review.cli.usage.missing', { option: '--id', command: 'review outcome' });
      const decision = oneOf('decision', need(v, 'decision', sub), reviewOps['review/decide-outcome'].input.shape.decision.options);
      return call('review/decide-outcome', { quarter: quarter(), id, decision, ...(reason ? { reason } : {}) });
    }
    case 'scheme': {
      const file = str(v, 'file');
      if (!file) return call('review/scheme', { quarter: quarter() });
      return call('review/save-scheme', { quarter: quarter(), definition: readScheme(file), ...(reason ? { reason } : {}) });
    }
    case 'what-if':
      return call('review/what-if', { quarter: quarter(), definition: readScheme(need(v, 'file', sub)) });
    case 'calibration':
      return call('review/calibration', { quarter: quarter() });
    case 'history':
      return call('review/history', { person: person() });
    case 'incidents':
      return call('review/incidents', str(v, 'quarter') ? { quarter: str(v, 'quarter') } : {});
    case 'incident': {
      const kind = oneOf('kind', need(v, 'kind', sub), reviewOps['review/record-incident'].input.shape.kind.options);
      const loss = num(v, 'loss');
      return call('review/record-incident', { person: person(), date: need(v, 'date', sub), kind, description: need(v, 'description', sub), evidence: need(v, 'evidence', sub), ...(loss !== undefined ? { lossAmount: loss } : {}) });
    }
    case 'export':
      return call('review/export', { quarter: quarter(), out: { path: need(v, 'out', sub) } });
    default:
      throw new UsageError('review.cli.usage.review', { usage: USAGE });
  }
}

const fmt = (lang: Lang, n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString(lang, { maximumFractionDigits: 2 }));

function personLine(lang: Lang, p: ReviewPerson): string {
  const outcomes = p.outcomes.map((o) => `${t(lang, `review.outcome.${o.type}`)}${o.amount === null ? '' : ` ¥${fmt(lang, o.amount)}`} [${o.id} ${t(lang, `review.outcomeStatus.${o.status}`)}]`).join(', ');
  return t(lang, 'review.cli.person', { employeeNo: p.employeeNo, name: p.name, team: p.team ?? '—', total: fmt(lang, p.total), grade: p.grade ?? '—', outcomes: outcomes ? ` · ${outcomes}` : '' });
}

/** The peer part of a person's peer-rated KPIs (P6.1): "teamwork: manager 4 · peers 3.5 (3) · 30% → 3.85". */
function peerLines(lang: Lang, p: ReviewPerson): string[] {
  return Object.entries(p.kpis)
    .filter(([, c]) => c.peers && c.rating != null)
    .map(([kpi, c]) => {
      const x = c.peers!;
      const args = { kpi, manager: fmt(lang, c.rating), mean: fmt(lang, x.mean), count: x.count, min: x.min, weight: fmt(lang, x.weight), value: fmt(lang, c.value) };
      return `  ${t(lang, x.counted ? 'review.cli.peerPart' : 'review.cli.peerNotCounted', args)}`;
    });
}

function renderPeerRatings(lang: Lang, list: PeerRating[]): string {
  return list
    .map((r) => t(lang, 'review.cli.peerRatings', { id: r.id, employeeNo: r.employeeNo, name: r.name, kpi: r.kpi, raterNo: r.raterNo, raterName: r.raterName, level: fmt(lang, r.level), comment: r.comment ? ` · ${r.comment}` : '' }))
    .join('\n');
}

function renderShow(r: ReviewShow, lang: Lang): string {
  const head = t(lang, 'review.cli.show', { quarter: r.quarter, status: t(lang, `review.status.${r.status}`), version: r.scheme.version, people: r.people.length, missing: r.summary.missingRatings, bonus: fmt(lang, r.summary.bonusCost) });
  return [head, ...r.people.map((p) => personLine(lang, p))].join('\n');
}

const renderPerson = (p: ReviewPerson, lang: Lang) => [personLine(lang, p), ...peerLines(lang, p)].join('\n');

function renderScheme(s: ReviewSchemeInfo, lang: Lang): string {
  return t(lang, 'review.cli.scheme', { quarter: s.quarter, version: s.version, kpis: s.definition.kpis.map((k) => `${k.key} ${k.weight}%`).join(', ') });
}

function renderWhatIf(w: WhatIfResult, lang: Lang): string {
  const g = (x: Record<string, number>) => Object.entries(x).map(([k, n]) => `${k}${n}`).join('/');
  return t(lang, 'review.cli.whatIf', { from: fmt(lang, w.current.bonusCost), to: fmt(lang, w.proposed.bonusCost), gradesFrom: g(w.current.grades), gradesTo: g(w.proposed.grades), changes: w.changes.length });
}

const renderWorkflow = (r: { quarter: string; status: string }, lang: Lang) => t(lang, 'review.cli.workflow', { quarter: r.quarter, status: t(lang, `review.status.${r.status}`) });

function renderFile(f: FileOut & { people?: number }, lang: Lang): string {
  return t(lang, 'review.cli.file', { file: f.path ?? f.name, bytes: fmt(lang, f.bytes), people: f.people === undefined ? '' : t(lang, 'review.cli.filePeople', { count: f.people }) });
}

export const reviewCommands = [
  command({
    name: 'review',
    summary: 'review.cli.help',
    usage: 'review compute|show|rate|peer-rate|peer-ratings|approve|lock|… --quarter YYYYQn',
    options: {
      quarter: { type: 'string' }, person: { type: 'string' }, kpi: { type: 'string' }, score: { type: 'string' }, note: { type: 'string' },
      reason: { type: 'string' }, total: { type: 'string' }, clear: { type: 'boolean' }, feedback: { type: 'string' }, self: { type: 'string' },
      id: { type: 'string' }, decision: { type: 'string' }, file: { type: 'string' }, out: { type: 'string' }, date: { type: 'string' },
      kind: { type: 'string' }, description: { type: 'string' }, evidence: { type: 'string' }, loss: { type: 'string' },
      rater: { type: 'string' }, comment: { type: 'string' },
    },
    build: buildReview,
    render: {
      'review/list': (list, lang) => list.map((x) => `${x.quarter} ${t(lang, `review.status.${x.status}`)} ${x.people}`).join('\n'),
      'review/history': (list, lang) => list.map((x) => `${x.quarter} ${t(lang, `review.status.${x.status}`)} ${fmt(lang, x.total)} ${x.grade ?? '—'}`).join('\n'),
      'review/incidents': (list) => list.map((x) => `${x.id} ${x.date} ${x.employeeNo} ${x.name} ${x.kind}: ${x.description}`).join('\n'),
      'review/peer-ratings': (list, lang) => renderPeerRatings(lang, list),
      'review/compute': renderShow,
      'review/show': renderShow,
      'review/rate': renderPerson,
      'review/peer-rate': renderPerson,
      'review/adjust': renderPerson,
      'review/feedback': renderPerson,
      'review/scheme': renderScheme,
      'review/save-scheme': renderScheme,
      'review/what-if': renderWhatIf,
      'review/calibration': (c) => JSON.stringify(c, null, 2),
      'review/decide-outcome': (o, lang) => t(lang, 'review.cli.outcome', { id: o.id, type: t(lang, `review.outcome.${o.type}`), status: t(lang, `review.outcomeStatus.${o.status}`) }),
      'review/record-incident': (i, lang) => t(lang, 'review.cli.incident', { id: i.id, name: i.name, date: i.date }),
      'review/submit': renderWorkflow,
      'review/approve': renderWorkflow,
      'review/lock': renderWorkflow,
      'review/reopen': renderWorkflow,
      'review/export': renderFile,
    },
  }),
  command({
    name: 'report',
    summary: 'review.cli.reportHelp',
    usage: 'report appraisal --quarter YYYYQn [--person EMPLOYEE_NO] --out FILE.html|FILE.pdf',
    options: { quarter: { type: 'string' }, person: { type: 'string' }, out: { type: 'string' } },
    build(v, pos) {
      if (pos[0] !== 'appraisal' || pos.length > 1) throw new UsageError('review.cli.usage.report');
      const out = need(v, 'out', 'report appraisal');
      const ext = out.toLowerCase().split('.').pop();
      if (ext !== 'html' && ext !== 'htm' && ext !== 'pdf') throw new UsageError('review.cli.usage.report');
      const person = str(v, 'person');
      return call('report/appraisal', { quarter: need(v, 'quarter', 'report appraisal'), format: ext === 'pdf' ? 'pdf' : 'html', out: { path: out }, ...(person ? { person } : {}) });
    },
    render: { 'report/appraisal': renderFile },
  }),
];
