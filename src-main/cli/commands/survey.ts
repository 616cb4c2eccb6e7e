import path from 'node:path';
import type { SurveyAnalysis, SurveyPlan } from '../../contract/survey';
import { QUESTION_TYPES } from '../../contract/survey';
import type { PersonSurveyResult } from '../../services/survey/by-person';
import type { ImportSurveyResult } from '../../services/survey/import/import-survey';
import { t, type Lang } from '../../i18n/messages';
import { intOption, UsageError, type CliCommand, type Values } from '../command';

const r1 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toString());
const ROLES = ['id', 'submitted', 'customer', 'salesperson', 'meta', 'ignore'];

/** `--map TYPE_OR_ROLE=Header` (cli.md's field=Header): nps=推荐意愿, ignore=Email, customer=公司. */
function mapping(values: Values): { column: string; role?: string; type?: string }[] {
  const raw = values.map;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.map((m) => {
    const at = m.indexOf('=');
    const field = m.slice(0, at).trim();
    const column = m.slice(at + 1).trim();
    if (at < 1 || !column) throw new UsageError('survey.cli.usage-map', { value: m });
    if ((QUESTION_TYPES as readonly string[]).includes(field)) return field === 'salesperson' ? { column, role: 'salesperson', type: 'salesperson' } : { column, type: field };
    if (ROLES.includes(field)) return { column, role: field };
    throw new UsageError('survey.cli.usage-map', { value: m });
  });
}

/**
 * `--codes B=1:1部,2:2部,0:` — the manager's code table for a column (an empty option: no answer). Codes are
 * never applied unless given here (issue #10 item 1); a proposed table is printed ready to copy.
 */
function codeTables(values: Values): { column: string; codes: Record<string, string | null> }[] {
  const raw = values.codes;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.map((m) => {
    const at = m.indexOf('=');
    const column = m.slice(0, at).trim();
    const pairs = m.slice(at + 1).split(',').map((x) => x.trim()).filter(Boolean);
    if (at < 1 || !column || !pairs.length || pairs.some((x) => x.indexOf(':') < 1)) throw new UsageError('survey.cli.usage-codes', { value: m });
    return { column, codes: Object.fromEntries(pairs.map((x) => [x.slice(0, x.indexOf(':')).trim(), x.slice(x.indexOf(':') + 1).trim() || null])) };
  });
}

export const codesText = (codes: Record<string, string | null>): string =>
  Object.entries(codes).map(([k, v]) => `${k}→${v ?? '∅'}`).join(', ');

function surveyId(values: Values): number {
  const id = intOption(values, 'survey');
  if (id === undefined) throw new UsageError('survey.cli.usage-id');
  return id;
}

/** The import's build, shared by `survey import FILE` and `import survey FILE`. */
export function buildSurveyImport(values: Values, file: string | undefined): { op: 'survey/import'; input: Record<string, unknown> } {
  if (!file) throw new UsageError('survey.cli.usage-import');
  const input: Record<string, unknown> = { file: { path: path.resolve(file) }, dryRun: Boolean(values['dry-run']), skipInvalid: Boolean(values['skip-invalid']) };
  const id = intOption(values, 'survey');
  if (id !== undefined) input.surveyId = id;
  if (typeof values.name === 'string') input.name = values.name;
  if (typeof values.sheet === 'string') input.sheet = values.sheet;
  const cols: { column: string; role?: string; type?: string; codes?: Record<string, string | null> }[] = mapping(values);
  for (const c of codeTables(values)) {
    const same = cols.find((x) => x.column === c.column);
    if (same) same.codes = c.codes;
    else cols.push(c);
  }
  if (cols.length) input.columns = cols;
  return { op: 'survey/import', input };
}

export function renderSurveyImport(v: unknown, lang: Lang): string {
  const r = v as ImportSurveyResult;
  const lines = [
    t(lang, r.committed ? 'survey.cli.imported' : 'survey.cli.preview', { survey: r.survey ?? '—', layout: r.layout, inserted: r.rows.inserted, read: r.rows.read, skipped: r.rows.skipped, invalid: r.rows.invalid }),
    ...r.questions.flatMap((q) => [
      `  ${q.column.padEnd(3)} ${q.role === 'question' ? q.type : q.role}  ${q.text}`,
      // what a code stands for is shown, never applied silently (issue #10 item 1)
      ...(Object.keys(q.wordMap).length ? [`        ${t(lang, 'survey.cli.words')}: ${codesText(Object.fromEntries(Object.entries(q.wordMap).map(([w, n]) => [w, String(n)])))}`] : []),
      ...(q.codes ? [`        ${t(lang, 'survey.cli.codes')}: ${codesText(q.codes)}`] : []),
      ...(q.suggestedCodes ? [`        ${t(lang, 'survey.cli.suggested-codes', { codes: codesText(q.suggestedCodes), flag: `${q.column}=${Object.entries(q.suggestedCodes).map(([k, v]) => `${k}:${v ?? ''}`).join(',')}` })}`] : []),
    ]),
    ...(r.noAnswerCells ? [`  ${t(lang, 'survey.cli.no-answer-cells', { count: r.noAnswerCells })}`] : []),
    ...r.errors.slice(0, 20).map((e) => `  ! ${e.row} ${e.column}: ${e.message}`),
    ...r.warnings.slice(0, 20).map((w) => `  · ${w.row} ${w.column}: ${w.message}`),
  ];
  if (r.committed && r.importId !== null) lines.push(t(lang, 'importExport.cli.undoHint', { id: r.importId }));
  return lines.join('\n');
}

export const IMPORT_OPTIONS = {
  survey: { type: 'string' },
  name: { type: 'string' },
  sheet: { type: 'string' },
  map: { type: 'string', multiple: true },
  codes: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
} as const;

export const surveyCommands: CliCommand[] = [
  {
    name: 'survey',
    summary: 'survey.cli.help',
    usage: 'survey analyze --survey ID | list | import FILE [--survey ID] [--dry-run] | export FILE.xlsx --survey ID | by-person --quarter YYYYQn | callbacks --survey ID',
    options: { ...IMPORT_OPTIONS, quarter: { type: 'string' }, 'header-row': { type: 'string' } },
    build(values, pos) {
      const [sub, arg, ...rest] = pos;
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'survey', value: rest[0] });
      if (sub === 'analyze' && !arg) return { op: 'survey/analyze', input: { surveyId: surveyId(values) } };
      if (sub === 'list' && !arg) return { op: 'survey/list', input: {} };
      if (sub === 'import') return buildSurveyImport(values, arg);
      if (sub === 'export' && arg) return { op: 'survey/export', input: { surveyId: surveyId(values), out: { path: path.resolve(arg) } } };
      if (sub === 'by-person' && !arg) {
        if (typeof values.quarter !== 'string') throw new UsageError('survey.cli.usage-quarter');
        return { op: 'survey/by-person', input: { quarter: values.quarter } };
      }
      if (sub === 'callbacks' && !arg) return { op: 'survey/create-callbacks', input: { surveyId: surveyId(values) } };
      throw new UsageError('survey.cli.usage');
    },
    render(v, lang) {
      if (Array.isArray(v) && (v.length === 0 || 'npsN' in v[0])) {
        return (v as PersonSurveyResult[]).map((p) => `${p.employeeNo}  ${p.name}  n=${p.responses}  NPS ${r1(p.nps)}  CSAT ${r1(p.csat)}%  ${t(lang, 'survey.cli.detractors')} ${p.detractors}`).join('\n');
      }
      if (Array.isArray(v)) return (v as SurveyPlan[]).map((s) => `#${s.id}  ${s.name}  ${s.status}  n=${s.responses}  NPS ${r1(s.nps)}`).join('\n');
      const o = v as Record<string, unknown>;
      if ('kind' in o) return renderSurveyImport(v, lang);
      if ('sheets' in o) return t(lang, 'survey.cli.exported', { file: o.file, sheets: (o.sheets as string[]).length });
      if ('created' in o) return t(lang, 'survey.cli.callbacks', o);
      const a = v as SurveyAnalysis;
      return [
        `${a.survey.name}: ${t(lang, 'survey.cli.responses', { n: a.responses })}`,
        `NPS ${r1(a.nps.score)} [${r1(a.nps.ci95?.[0])}, ${r1(a.nps.ci95?.[1])}]  CSAT ${r1(a.csat)}%  CES ${r1(a.ces)}`,
        ...a.questions.map((q) => `  ${q.code.padEnd(5)} ${q.type.padEnd(11)} n=${String(q.n).padEnd(7)} ${q.mean === null ? '' : `${t(lang, 'survey.cli.mean')} ${q.mean.toFixed(2)}`} ${q.csat === null ? '' : `CSAT ${r1(q.csat)}%`}  ${q.text}`),
      ].join('\n');
    },
  },
];
