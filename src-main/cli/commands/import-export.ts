import path from 'node:path';
import type { Input } from '../../contract';
import type { ImportHistoryEntry, ImportResult } from '../../contract/import';
import { t, type Lang } from '../../i18n/messages';
import { call, command, intOption, textOption, UsageError, type Values } from '../command';
import { buildSurveyImport, IMPORT_OPTIONS, renderSurveyImport } from './survey';

/** `import` and `export` exactly as cli.md gives them, plus `import history`, `import undo ID`, `import template KIND FILE`. */
const fmt = (lang: Lang, n: number) => n.toLocaleString(lang);

/** `--map field=Header` (repeatable); `--map field=` leaves a field unmapped. */
function mapOption(values: Values): Record<string, string | null> | undefined {
  const raw = values.map;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  if (!list.length) return undefined;
  const out: Record<string, string | null> = {};
  for (const m of list) {
    const at = m.indexOf('=');
    if (at < 1) throw new UsageError('importExport.cli.usage-map', { value: m });
    out[m.slice(0, at).trim()] = m.slice(at + 1).trim() || null;
  }
  return out;
}

function renderImport(r: ImportResult, lang: Lang): string {
  const key = r.committed
    ? 'importExport.cli.imported'
    : r.records
      ? 'importExport.cli.dryRun'
      : 'importExport.cli.notImported';
  const lines = [
    t(lang, key, {
      kind: t(lang, `importExport.kinds.${r.kind}`).startsWith('importExport.')
        ? r.kind
        : t(lang, `importExport.kinds.${r.kind}`),
      file: r.file,
      sheet: r.sheet,
      headerRow: r.headerRow,
    }),
    t(lang, 'importExport.cli.counts', {
      read: fmt(lang, r.rows.read),
      valid: fmt(lang, r.rows.valid),
      invalid: fmt(lang, r.rows.invalid),
      skipped: fmt(lang, r.rows.skipped),
      inserted: fmt(lang, r.rows.inserted),
      updated: fmt(lang, r.rows.updated),
      unchanged: fmt(lang, r.rows.unchanged),
    }),
    // Issue 10 item 4: which sheet was read and why, when the workbook has several.
    ...(r.sheets.length > 1 && r.sheetReason ? [r.sheetReason] : []),
    `${t(lang, 'importExport.cli.mapping')} ${Object.entries(r.mapping)
      .map(([f, h]) => `${f}=${Array.isArray(h) ? h.join('|') : h}`)
      .join(', ')}`,
  ];
  const skipped = new Map<string, number[]>();
  for (const s of r.skippedRows) skipped.set(s.reason, [...(skipped.get(s.reason) ?? []), s.row]);
  if (skipped.size)
    lines.push(
      `${t(lang, 'importExport.cli.skipped')} ${[...skipped].map(([reason, rows]) => `${t(lang, `importExport.ui.skipReason.${reason}`)} (${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ' …' : ''})`).join('; ')}`,
    );
  const created = Object.entries(r.created).filter(([, n]) => n > 0);
  if (created.length)
    lines.push(`${t(lang, 'importExport.cli.created')} ${created.map(([k, n]) => `${k} ${fmt(lang, n)}`).join(', ')}`);
  // A value the file did not give is stored only with a word about it (rule: never silently).
  for (const d of r.defaults) lines.push(d.message);
  if (r.fromMerges) lines.push(r.fromMerges.message);
  for (const n of r.notes) lines.push(n);
  for (const e of r.errors.slice(0, 20))
    lines.push(
      `  ${t(lang, 'importExport.cli.problem', { row: e.row, column: e.column || '—', value: e.value, message: e.message })}`,
    );
  if (r.errorsTotal > 20)
    lines.push(`  ${t(lang, 'importExport.cli.moreProblems', { n: fmt(lang, r.errorsTotal - 20) })}`);
  if (r.problemsFile) lines.push(t(lang, 'importExport.cli.problemsFile', { file: r.problemsFile }));
  if (r.records) lines.push(t(lang, 'importExport.cli.records', { n: fmt(lang, r.records.length) }));
  if (r.committed && r.importId !== null) lines.push(t(lang, 'importExport.cli.undoHint', { id: r.importId }));
  return lines.join('\n');
}

// A dry run exits as the real run would (issue 10 item 3): where the answer says `refused`, it is computed the same way for both.
function refusedRows(
  r: { committed: boolean; refused?: boolean; rows: { invalid: number } },
  lang: Lang,
): string | undefined {
  const refused = r.refused ?? (r.committed === false && r.rows.invalid > 0);
  return refused ? t(lang, 'importExport.cli.refused', { invalid: fmt(lang, r.rows.invalid) }) : undefined;
}

function renderHistory(list: ImportHistoryEntry[], lang: Lang): string {
  if (!list.length) return t(lang, 'importExport.cli.noHistory');
  return list
    .map(
      (h) =>
        `#${h.id}  ${h.at}  ${h.kind.padEnd(9)} ${h.fileName}  +${fmt(lang, h.inserted)} ~${fmt(lang, h.updated)}  ${t(lang, `importExport.status.${h.status}`)}`,
    )
    .join('\n');
}

export const importExportCommands = [
  command({
    name: 'import',
    summary: 'importExport.cli.helpImport',
    usage:
      'import <kind> <file> [--sheet NAME] [--header-row N] [--map field=Header …] [--year Y] [--skip-invalid] [--dry-run] [--problems FILE.xlsx] | import history | import undo ID | import template KIND FILE.xlsx',
    options: {
      ...IMPORT_OPTIONS,
      'header-row': { type: 'string' },
      year: { type: 'string' },
      problems: { type: 'string' },
      limit: { type: 'string' },
    },
    build(values, pos) {
      const [kind, file, ...rest] = pos;
      if (kind === 'template') {
        const [k, out, extra] = [file, rest[0], rest[1]];
        if (!k || !out || extra) throw new UsageError('importExport.cli.usage-template');
        return call('import/template', { kind: k, out: { path: path.resolve(out) } });
      }
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'import', value: rest[0] });
      if (kind === 'history' && !file) return call('import/history', { limit: intOption(values, 'limit') ?? 200 });
      if (kind === 'undo') {
        if (!file || !/^\d+$/.test(file)) throw new UsageError('importExport.cli.usage-undo');
        return call('import/undo', { id: Number(file) });
      }
      if (!kind || !file) throw new UsageError('importExport.cli.usage-import');
      if (kind === 'survey') return buildSurveyImport(values, file);
      const input: Input<'import/run'> = {
        kind,
        file: { path: path.resolve(file) },
        skipInvalid: Boolean(values['skip-invalid']),
        dryRun: Boolean(values['dry-run']),
      };
      const sheet = textOption(values, 'sheet');
      if (sheet !== undefined) input.sheet = sheet;
      const headerRow = intOption(values, 'header-row');
      if (headerRow !== undefined) input.headerRow = headerRow;
      const year = intOption(values, 'year');
      if (year !== undefined) input.year = year;
      const map = mapOption(values);
      if (map) input.mapping = map;
      const problems = textOption(values, 'problems');
      if (problems !== undefined) input.problemsOut = { path: path.resolve(problems) };
      return call('import/run', input);
    },
    render: {
      'import/history': renderHistory,
      'import/undo': (u, lang) =>
        t(lang, 'importExport.cli.undone', {
          id: u.undone,
          deleted: u.deleted,
          restored: u.restored,
          backup: u.backup,
        }),
      'survey/import': renderSurveyImport,
      'import/template': (f, lang) => t(lang, 'importExport.cli.written', { file: f.path ?? f.name }),
      'import/run': renderImport,
    },
    refused: {
      // cli.md: without --skip-invalid one invalid row means nothing is written, and the exit status is 1.
      'import/run': (r, lang) => refusedRows(r, lang),
      'survey/import': (r, lang) => refusedRows(r, lang),
    },
  }),
  command({
    name: 'export',
    summary: 'importExport.cli.helpExport',
    usage: 'export <kind> <file.xlsx|file.csv> [--year Y] [--quarter YYYYQn] [--survey ID]',
    options: { year: { type: 'string' }, quarter: { type: 'string' }, survey: { type: 'string' } },
    build(values, pos) {
      const [kind, file, ...rest] = pos;
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'export', value: rest[0] });
      if (!kind || !file) throw new UsageError('importExport.cli.usage-export');
      const out = path.resolve(file);
      const ext = path.extname(out).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError('importExport.cli.usage-extension', { file });
      const survey = intOption(values, 'survey');
      if (kind === 'survey') {
        if (survey === undefined) throw new UsageError('importExport.cli.usage-survey');
        return call('survey/export', { surveyId: survey, out: { path: out } });
      }
      if (kind === 'review') {
        const quarter = textOption(values, 'quarter');
        if (quarter === undefined) throw new UsageError('importExport.cli.usage-quarter');
        return call('appraisal/export', { quarter, out: { path: out } });
      }
      const input: Input<'export/run'> = { kind, out: { path: out } };
      const year = intOption(values, 'year');
      if (year !== undefined) input.year = year;
      const quarter = textOption(values, 'quarter');
      if (quarter !== undefined) input.quarter = quarter;
      if (survey !== undefined) input.survey = survey;
      return call('export/run', input);
    },
    render: {
      'export/run': (r, lang) =>
        t(lang, 'importExport.cli.exported', { file: r.path ?? r.name, rows: fmt(lang, r.rows) }),
      'survey/export': (r, lang) =>
        t(lang, 'importExport.cli.exported', { file: r.path ?? r.name, rows: fmt(lang, r.rows) }),
      'appraisal/export': (r, lang) =>
        t(lang, 'importExport.cli.exported', { file: r.path ?? r.name, rows: fmt(lang, r.rows) }),
    },
  }),
];
