import fs from 'node:fs';
import type { Input } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { FileOut } from '../../contract/files';
import {
  appraisalOps,
  type PeerRating,
  type AppraisalPerson,
  type AppraisalSchemeInfo,
  type AppraisalComputed,
  type AppraisalShow,
  type WhatIfResult,
} from '../../contract/appraisal';
import { t, type Lang } from '../../i18n/messages';
import { call, command, intOption, oneOf, UsageError, type Values } from '../command';

/** The subcommands' usage, worded with the command's name as it was typed (`appraisal`, or its alias `review` of cli.md). */
const usage = (cmd: string) =>
  [
    `${cmd} compute|show|submit|approve|lock --quarter YYYYQn [--person NO] [--reason TEXT]`,
    `${cmd} rate --quarter Q --person NO --kpi KEY --score N [--note TEXT]`,
    `${cmd} peer-rate --quarter Q --person NO --rater NO --kpi teamwork --score N [--comment TEXT] · ${cmd} peer-ratings --quarter Q [--person NO]`,
    `${cmd} adjust --quarter Q --person NO (--total N | --clear) --reason TEXT`,
    `${cmd} feedback --quarter Q --person NO [--feedback TEXT] [--self TEXT]`,
    `${cmd} outcome --quarter Q --id N --decision confirmed|rejected|proposed [--reason TEXT]`,
    `${cmd} reopen --quarter Q --reason TEXT · ${cmd} scheme|what-if --quarter Q [--file SCHEME.json]`,
    `${cmd} calibration --quarter Q · ${cmd} history --person NO · ${cmd} list · ${cmd} export --quarter Q --out FILE.xlsx`,
    `${cmd} incidents [--quarter Q] · ${cmd} incident --person NO --date YYYY-MM-DD --kind violation|major-loss --description TEXT --evidence TEXT [--loss YUAN]`,
  ].join('\n  ');

const str = (v: Values, name: string): string | undefined =>
  typeof v[name] === 'string' ? (v[name] as string) : undefined;
const need = (v: Values, name: string, cmd: string): string => {
  const x = str(v, name);
  if (x === undefined || x.trim() === '')
    throw new UsageError('appraisal.cli.usage.missing', { option: `--${name}`, command: cmd });
  return x;
};
const num = (v: Values, name: string): number | undefined => {
  const raw = str(v, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim()))
    throw new UsageError('appraisal.cli.usage.not-a-number', { option: `--${name}`, value: raw });
  return Number(raw);
};

/**
 * Reads a scheme JSON file for `appraisal scheme --file` / `appraisal what-if --file` (refused input, exit 1, when
 * unreadable). Its content is checked by the contract's schema in dispatch, as a window's or a browser's is.
 */
function readScheme(file: string): Input<'appraisal/what-if'>['definition'] {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new WorkbenchError('review/scheme-file', { file, reason: (e as Error).message });
  }
}

function buildAppraisal(v: Values, pos: string[], invokedAs = 'appraisal') {
  const [sub, ...rest] = pos;
  const cmd = `${invokedAs} ${sub}`;
  if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: cmd, value: rest[0] });
  const quarter = () => need(v, 'quarter', cmd);
  const person = () => need(v, 'person', cmd);
  const reason = str(v, 'reason');
  switch (sub) {
    case 'list':
      return call('appraisal/list', {});
    case 'compute':
      return call('appraisal/compute', { quarter: quarter() });
    case 'show':
      return call('appraisal/show', { quarter: quarter(), ...(str(v, 'person') ? { person: str(v, 'person') } : {}) });
    case 'rate': {
      const score = num(v, 'score');
      if (score === undefined) throw new UsageError('appraisal.cli.usage.missing', { option: '--score', command: cmd });
      return call('appraisal/rate', {
        quarter: quarter(),
        person: person(),
        kpi: need(v, 'kpi', cmd),
        score,
        ...(str(v, 'note') !== undefined ? { note: str(v, 'note') } : {}),
      });
    }
    case 'peer-rate': {
      // P6.1 teamwork: a colleague's rating (the level of the KPI's rubric), blended with the manager's by the peer weight
      const level = num(v, 'score');
      if (level === undefined) throw new UsageError('appraisal.cli.usage.missing', { option: '--score', command: cmd });
      const comment = str(v, 'comment');
      return call('appraisal/peer-rate', {
        quarter: quarter(),
        person: person(),
        rater: need(v, 'rater', cmd),
        kpi: need(v, 'kpi', cmd),
        level,
        ...(comment !== undefined ? { comment } : {}),
      });
    }
    case 'peer-ratings':
      return call('appraisal/peer-ratings', {
        quarter: quarter(),
        ...(str(v, 'person') ? { person: str(v, 'person') } : {}),
      });
    case 'submit':
    case 'approve':
    case 'lock':
      return call(`appraisal/${sub}`, { quarter: quarter(), ...(reason ? { reason } : {}) });
    case 'reopen':
      return call('appraisal/reopen', { quarter: quarter(), reason: need(v, 'reason', cmd) });
    case 'adjust': {
      const total = v.clear ? null : num(v, 'total');
      if (total === undefined) throw new UsageError('appraisal.cli.usage.missing', { option: '--total', command: cmd });
      return call('appraisal/adjust', { quarter: quarter(), person: person(), total, reason: need(v, 'reason', cmd) });
    }
    case 'feedback':
      return call('appraisal/feedback', {
        quarter: quarter(),
        person: person(),
        ...(str(v, 'feedback') !== undefined ? { feedback: str(v, 'feedback') } : {}),
        ...(str(v, 'self') !== undefined ? { selfAssessment: str(v, 'self') } : {}),
      });
    case 'outcome': {
      const id = intOption(v, 'id');
      if (id === undefined) throw new UsageError('appraisal.cli.usage.missing', { option: '--id', command: cmd });
      const decision = oneOf(
        'decision',
        need(v, 'decision', cmd),
        appraisalOps['appraisal/decide-outcome'].input.shape.decision.options,
      );
      return call('appraisal/decide-outcome', { quarter: quarter(), id, decision, ...(reason ? { reason } : {}) });
    }
    case 'scheme': {
      const file = str(v, 'file');
      if (!file) return call('appraisal/scheme', { quarter: quarter() });
      return call('appraisal/save-scheme', {
        quarter: quarter(),
        definition: readScheme(file),
        ...(reason ? { reason } : {}),
      });
    }
    case 'what-if':
      return call('appraisal/what-if', { quarter: quarter(), definition: readScheme(need(v, 'file', cmd)) });
    case 'calibration':
      return call('appraisal/calibration', { quarter: quarter() });
    case 'history':
      return call('appraisal/history', { person: person() });
    case 'incidents':
      return call('appraisal/incidents', str(v, 'quarter') ? { quarter: str(v, 'quarter') } : {});
    case 'incident': {
      const kind = oneOf(
        'kind',
        need(v, 'kind', cmd),
        appraisalOps['appraisal/record-incident'].input.shape.kind.options,
      );
      const loss = num(v, 'loss');
      return call('appraisal/record-incident', {
        person: person(),
        date: need(v, 'date', cmd),
        kind,
        description: need(v, 'description', cmd),
        evidence: need(v, 'evidence', cmd),
        ...(loss !== undefined ? { lossAmount: loss } : {}),
      });
    }
    case 'export':
      return call('appraisal/export', { quarter: quarter(), out: { path: need(v, 'out', cmd) } });
    default:
      throw new UsageError('appraisal.cli.usage.subcommands', { usage: usage(invokedAs) });
  }
}

const fmt = (lang: Lang, n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString(lang, { maximumFractionDigits: 2 });

function personLine(lang: Lang, p: AppraisalPerson): string {
  const outcomes = p.outcomes
    .map(
      (o) =>
        `${t(lang, `appraisal.outcome.${o.type}`)}${o.amount === null ? '' : ` ¥${fmt(lang, o.amount)}`} [${o.id} ${t(lang, `appraisal.outcomeStatus.${o.status}`)}]`,
    )
    .join(', ');
  return t(lang, 'appraisal.cli.person', {
    employeeNo: p.employeeNo,
    name: p.name,
    team: p.team ?? '—',
    total: fmt(lang, p.total),
    grade: p.grade ?? '—',
    outcomes: outcomes ? ` · ${outcomes}` : '',
  });
}

/** The peer part of a person's peer-rated KPIs (P6.1): "teamwork: manager 4 · peers 3.5 (3) · 30% → 3.85". */
function peerLines(lang: Lang, p: AppraisalPerson): string[] {
  return Object.entries(p.kpis)
    .filter(([, c]) => c.peers && c.rating != null)
    .map(([kpi, c]) => {
      const x = c.peers!;
      const args = {
        kpi,
        manager: fmt(lang, c.rating),
        mean: fmt(lang, x.mean),
        count: x.count,
        min: x.min,
        weight: fmt(lang, x.weight),
        value: fmt(lang, c.value),
      };
      return `  ${t(lang, x.counted ? 'appraisal.cli.peerPart' : 'appraisal.cli.peerNotCounted', args)}`;
    });
}

function renderPeerRatings(lang: Lang, list: PeerRating[]): string {
  return list
    .map((r) =>
      t(lang, 'appraisal.cli.peerRatings', {
        id: r.id,
        employeeNo: r.employeeNo,
        name: r.name,
        kpi: r.kpi,
        raterNo: r.raterNo,
        raterName: r.raterName,
        level: fmt(lang, r.level),
        comment: r.comment ? ` · ${r.comment}` : '',
      }),
    )
    .join('\n');
}

/** The appraisal's line: quarter, status, scheme version, people, ratings missing and bonus cost. */
const headLine = (r: AppraisalShow | AppraisalComputed, lang: Lang) =>
  t(lang, 'appraisal.cli.show', {
    quarter: r.quarter,
    status: t(lang, `appraisal.status.${r.status}`),
    version: r.scheme.version,
    people: r.summary.people,
    missing: r.summary.missingRatings,
    bonus: fmt(lang, r.summary.bonusCost),
  });

function renderShow(r: AppraisalShow, lang: Lang): string {
  return [headLine(r, lang), ...r.people.map((p) => personLine(lang, p))].join('\n');
}

/** `appraisal compute`: the appraisal's line, then who changed (issue 12 item 12: the others are as they were). */
function renderComputed(r: AppraisalComputed, lang: Lang): string {
  const changes = t(lang, 'appraisal.cli.computed', {
    changed: r.changed.length,
    removed: r.removed.length,
    list: r.removed.length ? `: ${r.removed.join(', ')}` : '',
  });
  return [headLine(r, lang), changes, ...r.changed.map((p) => personLine(lang, p))].join('\n');
}

const renderPerson = (p: AppraisalPerson, lang: Lang) => [personLine(lang, p), ...peerLines(lang, p)].join('\n');

function renderScheme(s: AppraisalSchemeInfo, lang: Lang): string {
  return t(lang, 'appraisal.cli.scheme', {
    quarter: s.quarter,
    version: s.version,
    kpis: s.definition.kpis.map((k) => `${k.key} ${k.weight}%`).join(', '),
  });
}

function renderWhatIf(w: WhatIfResult, lang: Lang): string {
  const g = (x: Record<string, number>) =>
    Object.entries(x)
      .map(([k, n]) => `${k}${n}`)
      .join('/');
  return t(lang, 'appraisal.cli.whatIf', {
    from: fmt(lang, w.current.bonusCost),
    to: fmt(lang, w.proposed.bonusCost),
    gradesFrom: g(w.current.grades),
    gradesTo: g(w.proposed.grades),
    changes: w.changes.length,
  });
}

const renderWorkflow = (r: { quarter: string; status: string }, lang: Lang) =>
  t(lang, 'appraisal.cli.workflow', { quarter: r.quarter, status: t(lang, `appraisal.status.${r.status}`) });

function renderFile(f: FileOut & { people?: number }, lang: Lang): string {
  return t(lang, 'appraisal.cli.file', {
    file: f.path ?? f.name,
    bytes: fmt(lang, f.bytes),
    people: f.people === undefined ? '' : t(lang, 'appraisal.cli.filePeople', { count: f.people }),
  });
}

export const appraisalCommands = [
  command({
    name: 'appraisal',
    aliases: ['review'],
    summary: 'appraisal.cli.help',
    usage: 'appraisal (or review) compute|show|rate|peer-rate|peer-ratings|approve|lock|… --quarter YYYYQn',
    options: {
      quarter: { type: 'string' },
      person: { type: 'string' },
      kpi: { type: 'string' },
      score: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
      total: { type: 'string' },
      clear: { type: 'boolean' },
      feedback: { type: 'string' },
      self: { type: 'string' },
      id: { type: 'string' },
      decision: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      kind: { type: 'string' },
      description: { type: 'string' },
      evidence: { type: 'string' },
      loss: { type: 'string' },
      rater: { type: 'string' },
      comment: { type: 'string' },
    },
    build: buildAppraisal,
    render: {
      'appraisal/list': (list, lang) =>
        list.map((x) => `${x.quarter} ${t(lang, `appraisal.status.${x.status}`)} ${x.people}`).join('\n'),
      'appraisal/history': (list, lang) =>
        list
          .map((x) => `${x.quarter} ${t(lang, `appraisal.status.${x.status}`)} ${fmt(lang, x.total)} ${x.grade ?? '—'}`)
          .join('\n'),
      'appraisal/incidents': (list) =>
        list.map((x) => `${x.id} ${x.date} ${x.employeeNo} ${x.name} ${x.kind}: ${x.description}`).join('\n'),
      'appraisal/peer-ratings': (list, lang) => renderPeerRatings(lang, list),
      'appraisal/compute': renderComputed,
      'appraisal/show': renderShow,
      'appraisal/rate': renderPerson,
      'appraisal/peer-rate': renderPerson,
      'appraisal/adjust': renderPerson,
      'appraisal/feedback': renderPerson,
      'appraisal/scheme': renderScheme,
      'appraisal/save-scheme': renderScheme,
      'appraisal/what-if': renderWhatIf,
      'appraisal/calibration': (c) => JSON.stringify(c, null, 2),
      'appraisal/decide-outcome': (o, lang) =>
        t(lang, 'appraisal.cli.outcome', {
          id: o.id,
          type: t(lang, `appraisal.outcome.${o.type}`),
          status: t(lang, `appraisal.outcomeStatus.${o.status}`),
        }),
      'appraisal/record-incident': (i, lang) =>
        t(lang, 'appraisal.cli.incident', { id: i.id, name: i.name, date: i.date }),
      'appraisal/submit': renderWorkflow,
      'appraisal/approve': renderWorkflow,
      'appraisal/lock': renderWorkflow,
      'appraisal/reopen': renderWorkflow,
      'appraisal/export': renderFile,
    },
  }),
  command({
    name: 'report',
    summary: 'appraisal.cli.reportHelp',
    usage: 'report appraisal --quarter YYYYQn [--person EMPLOYEE_NO] --out FILE.html|FILE.pdf',
    options: { quarter: { type: 'string' }, person: { type: 'string' }, out: { type: 'string' } },
    build(v, pos) {
      if (pos[0] !== 'appraisal' || pos.length > 1) throw new UsageError('appraisal.cli.usage.report');
      const out = need(v, 'out', 'report appraisal');
      const ext = out.toLowerCase().split('.').pop();
      if (ext !== 'html' && ext !== 'htm' && ext !== 'pdf') throw new UsageError('appraisal.cli.usage.report');
      const person = str(v, 'person');
      return call('report/appraisal', {
        quarter: need(v, 'quarter', 'report appraisal'),
        format: ext === 'pdf' ? 'pdf' : 'html',
        out: { path: out },
        ...(person ? { person } : {}),
      });
    },
    render: { 'report/appraisal': renderFile },
  }),
];
