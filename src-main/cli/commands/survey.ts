import path from 'node:path';
import type { Input, Output } from '../../contract';
import { COLUMN_ROLES, QUESTION_TYPES, type SurveyAnalysis } from '../../contract/survey';
import { t, type Lang } from '../../i18n/messages';
import { call, command, intOption, textOption, UsageError, type Call, type Values } from '../command';

const r1 = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toString();
type ColumnFix = NonNullable<Input<'survey/import'>['columns']>[number];
/** The roles `--map` may give a column: the contract's, but 'question' (a question type says that). */
const ROLES = COLUMN_ROLES.filter((r) => r !== 'question');
const isType = (s: string): s is (typeof QUESTION_TYPES)[number] => (QUESTION_TYPES as readonly string[]).includes(s);
const isRole = (s: string): s is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(s);

/** `--map TYPE_OR_ROLE=Header` (cli.md's field=Header): nps=推荐意愿, ignore=Email, customer=公司. */
function mapping(values: Values): ColumnFix[] {
  const raw = values.map;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.map((m) => {
    const at = m.indexOf('=');
    const field = m.slice(0, at).trim();
    const column = m.slice(at + 1).trim();
    if (at < 1 || !column) throw new UsageError('survey.cli.usage-map', { value: m });
    if (isType(field))
      return field === 'salesperson' ? { column, role: 'salesperson', type: 'salesperson' } : { column, type: field };
    if (isRole(field)) return { column, role: field };
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
    const pairs = m
      .slice(at + 1)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (at < 1 || !column || !pairs.length || pairs.some((x) => x.indexOf(':') < 1))
      throw new UsageError('survey.cli.usage-codes', { value: m });
    return {
      column,
      codes: Object.fromEntries(
        pairs.map((x) => [x.slice(0, x.indexOf(':')).trim(), x.slice(x.indexOf(':') + 1).trim() || null]),
      ),
    };
  });
}

export const codesText = (codes: Record<string, string | null>): string =>
  Object.entries(codes)
    .map(([k, v]) => `${k}→${v ?? '∅'}`)
    .join(', ');

function surveyId(values: Values): number {
  const id = intOption(values, 'survey');
  if (id === undefined) throw new UsageError('survey.cli.usage-id');
  return id;
}

/** The import's build, shared by `survey import FILE` and `import survey FILE`. */
export function buildSurveyImport(values: Values, file: string | undefined): Call<'survey/import'> {
  if (!file) throw new UsageError('survey.cli.usage-import');
  // The survey reader finds its header rows from the layout it recognises (two for SurveyMonkey, three for
  // Qualtrics…) and takes no header row: an option it would ignore is refused rather than silently dropped.
  if (values['header-row'] !== undefined) throw new UsageError('survey.cli.usage-header-row');
  const input: Input<'survey/import'> = {
    file: { path: path.resolve(file) },
    dryRun: Boolean(values['dry-run']),
    skipInvalid: Boolean(values['skip-invalid']),
  };
  const id = intOption(values, 'survey');
  if (id !== undefined) input.surveyId = id;
  const name = textOption(values, 'name');
  if (name !== undefined) input.name = name;
  const sheet = textOption(values, 'sheet');
  if (sheet !== undefined) input.sheet = sheet;
  const cols: (ColumnFix & { codes?: Record<string, string | null> })[] = mapping(values);
  for (const c of codeTables(values)) {
    const same = cols.find((x) => x.column === c.column);
    if (same) same.codes = c.codes;
    else cols.push(c);
  }
  if (cols.length) input.columns = cols;
  return call('survey/import', input);
}

export function renderSurveyImport(r: Output<'survey/import'>, lang: Lang): string {
  const lines = [
    t(lang, r.committed ? 'survey.cli.imported' : 'survey.cli.preview', {
      survey: r.survey ?? '—',
      layout: r.layout,
      inserted: r.rows.inserted,
      read: r.rows.read,
      skipped: r.rows.skipped,
      invalid: r.rows.invalid,
    }),
    ...r.questions.flatMap((q) => [
      `  ${q.column.padEnd(3)} ${q.role === 'question' ? q.type : q.role}  ${q.text}`,
      // what a code stands for is shown, never applied silently (issue #10 item 1)
      ...(Object.keys(q.wordMap).length
        ? [
            `        ${t(lang, 'survey.cli.words')}: ${codesText(Object.fromEntries(Object.entries(q.wordMap).map(([w, n]) => [w, String(n)])))}`,
          ]
        : []),
      ...(q.codes ? [`        ${t(lang, 'survey.cli.codes')}: ${codesText(q.codes)}`] : []),
      ...(q.suggestedCodes
        ? [
            `        ${t(lang, 'survey.cli.suggested-codes', {
              codes: codesText(q.suggestedCodes),
              flag: `${q.column}=${Object.entries(q.suggestedCodes)
                .map(([k, v]) => `${k}:${v ?? ''}`)
                .join(',')}`,
            })}`,
          ]
        : []),
    ]),
    ...(r.noAnswerCells ? [`  ${t(lang, 'survey.cli.no-answer-cells', { count: r.noAnswerCells })}`] : []),
    ...r.errors.slice(0, 20).map((e) => `  ! ${e.row} ${e.column}: ${e.message}`),
    ...r.warnings.slice(0, 20).map((w) => `  · ${w.row} ${w.column}: ${w.message}`),
  ];
  if (r.committed && r.importId !== null) lines.push(t(lang, 'importExport.cli.undoHint', { id: r.importId }));
  return lines.join('\n');
}

function renderAnalysis(a: SurveyAnalysis, lang: Lang): string {
  return [
    `${a.survey.name}: ${t(lang, 'survey.cli.responses', { n: a.responses })}`,
    `NPS ${r1(a.nps.score)} [${r1(a.nps.ci95?.[0])}, ${r1(a.nps.ci95?.[1])}]  CSAT ${r1(a.csat)}%  CES ${r1(a.ces)}`,
    ...a.questions.map(
      (q) =>
        `  ${q.code.padEnd(5)} ${q.type.padEnd(11)} n=${String(q.n).padEnd(7)} ${q.mean === null ? '' : `${t(lang, 'survey.cli.mean')} ${q.mean.toFixed(2)}`} ${q.csat === null ? '' : `CSAT ${r1(q.csat)}%`}  ${q.text}`,
    ),
  ].join('\n');
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

export const surveyCommands = [
  command({
    name: 'survey',
    summary: 'survey.cli.help',
    usage:
      'survey analyze --survey ID | list | import FILE [--survey ID] [--dry-run] | export FILE.xlsx --survey ID | by-person --quarter YYYYQn | callbacks --survey ID',
    options: { ...IMPORT_OPTIONS, quarter: { type: 'string' }, 'header-row': { type: 'string' } },
    build(values, pos) {
      const [sub, arg, ...rest] = pos;
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'survey', value: rest[0] });
      if (sub === 'analyze' && !arg) return call('survey/analyze', { surveyId: surveyId(values) });
      if (sub === 'list' && !arg) return call('survey/list', {});
      if (sub === 'import') return buildSurveyImport(values, arg);
      if (sub === 'export' && arg)
        return call('survey/export', { surveyId: surveyId(values), out: { path: path.resolve(arg) } });
      if (sub === 'by-person' && !arg) {
        const quarter = textOption(values, 'quarter');
        if (quarter === undefined) throw new UsageError('survey.cli.usage-quarter');
        return call('survey/by-person', { quarter });
      }
      if (sub === 'callbacks' && !arg) return call('survey/create-callbacks', { surveyId: surveyId(values) });
      throw new UsageError('survey.cli.usage');
    },
    render: {
      'survey/by-person': (list, lang) =>
        list
          .map(
            (p) =>
              `${p.employeeNo}  ${p.name}  n=${p.responses}  NPS ${r1(p.nps)}  CSAT ${r1(p.csat)}%  ${t(lang, 'survey.cli.detractors')} ${p.detractors}`,
          )
          .join('\n'),
      'survey/list': (list) =>
        list.map((s) => `#${s.id}  ${s.name}  ${s.status}  n=${s.responses}  NPS ${r1(s.nps)}`).join('\n'),
      'survey/import': renderSurveyImport,
      'survey/export': (f, lang) => t(lang, 'survey.cli.exported', { file: f.path ?? f.name, sheets: f.sheets.length }),
      'survey/create-callbacks': (c, lang) => t(lang, 'survey.cli.callbacks', c),
      'survey/analyze': renderAnalysis,
    },
  }),
];
