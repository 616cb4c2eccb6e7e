import type { z } from 'zod';
import type { ImportPreview, ImportResult, importInput, previewInput } from '../../contract/import';
import { displayValue } from '../../excel/cell';
import { t, type Lang } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import { commitImport } from './commit';
import { describeDefaults } from './defaults';
import { outputRecord } from './field-format';
import { writeFileOut } from '../files/write';
import { rememberedMapping } from './mapping';
import { analyse, lookalikeKind, type Analysis } from './pipeline';
import { problemWorkbook } from './problems';
import { sheetReason } from './refusal';
import { openSession, sessionSource } from './session';

type ImportInput = z.output<typeof importInput>;

const MAX_ERRORS = 1000;

function counts(a: Analysis) {
  const skipped = a.table.skipped.length + a.duplicates.length;
  const invalid = a.problems.size;
  return { read: a.valid.length + invalid + skipped, valid: a.valid.length, invalid, skipped };
}

function allProblems(a: Analysis) {
  return [...a.problems.values()].flat().sort((x, y) => x.row - y.row);
}

function skippedRows(a: Analysis): ImportResult['skippedRows'] {
  return [...a.table.skipped, ...a.duplicates.map((d) => ({ row: d.row, reason: 'duplicate' as const }))]
    .sort((x, y) => x.row - y.row)
    .slice(0, MAX_ERRORS);
}

/** What every answer about an analysed sheet says first: the file, the table found, the mapping, counts and problems. */
function sheetSummary(a: Analysis, lang: Lang) {
  const problems = allProblems(a);
  return {
    kind: a.kind.kind,
    file: a.fileName,
    format: a.read.format,
    sheet: a.table.sheet,
    sheets: a.read.sheets,
    sheetReason: sheetReason(a.read, lang),
    headerRow: a.table.headerRow,
    groupRow: a.table.groupRow,
    mapping: a.mappingOut,
    rows: { ...counts(a), inserted: 0, updated: 0, unchanged: 0 },
    errors: problems.slice(0, MAX_ERRORS),
    errorsTotal: problems.length,
    skippedRows: skippedRows(a),
    defaults: describeDefaults(a, lang),
    fromMerges: describeMerges(a, lang),
    notes: (a.kind.notes?.(a.valid.map((v) => v.record)) ?? []).map((n) => t(lang, n.code, n.params)),
  };
}

/** The sentence about rows read from merged cells (ImportKind.fillFromMerges), or null. */
function describeMerges(a: Analysis, lang: Lang): ImportResult['fromMerges'] {
  const { rows, fields } = a.fromMerges;
  if (!rows) return null;
  const names = fields.map((f) => t(lang, a.kind.fields.find((x) => x.key === f)!.label));
  const params = { count: rows, n: rows, fields: names.join(lang === 'en' ? ', ' : '、') };
  return { rows, fields, message: t(lang, 'importExport.fromMerges', params) };
}

/**
 * An import (cli.md "import"): analyse, then, unless it is a dry run or a row is invalid without
 * --skip-invalid, commit in one transaction after a backup. The answer has the shape cli.md gives.
 */
export function runImport(ctx: ServiceContext, input: ImportInput): ImportResult {
  const a = analyse(ctx, input);
  const c = counts(a);
  let problemsFile: string | null = null;
  if (input.problemsOut && c.invalid > 0)
    problemsFile = writeFileOut(input.problemsOut, 'problems.xlsx', problemWorkbook(a, ctx.lang).bytes).path;
  // cli.md: without --skip-invalid one invalid row means nothing is written; a dry run says the same.
  const refused = c.invalid > 0 && !input.skipInvalid;
  const base: ImportResult = {
    ...sheetSummary(a, ctx.lang),
    created: {},
    committed: false,
    refused,
    importId: null,
    backup: null,
    problemsFile,
  };
  const records = input.dryRun ? a.valid.map((v) => outputRecord(a.kind.fields, v.record)) : undefined;
  if (refused) return records ? { ...base, records } : base;
  // The sheet's rows are no longer needed once the records are made (the problem file is written above):
  // letting them go lowers the peak memory of a large import during the commit.
  if (!input.dryRun) a.table.rows.length = 0;
  // A dry run writes and rolls back: its counts are the real run's (issue 10 item 3).
  const done = commitImport(ctx, a, input.dryRun);
  const counted = {
    ...base,
    rows: {
      ...base.rows,
      inserted: done.result.inserted,
      updated: done.result.updated,
      unchanged: done.result.unchanged,
    },
    created: done.result.created,
    defaults: describeDefaults(a, ctx.lang, done.result.defaulted ?? {}),
  };
  if (records) return { ...counted, records };
  return { ...counted, committed: true, importId: done.importId, backup: done.backup };
}

const SAMPLE = 200;

type PreviewInput = z.output<typeof previewInput>;

/**
 * What the wizard shows before importing: the table found, the mapping and the first rows with their
 * problems. The file is held in a session (./session.ts) so that every later choice re-maps it in
 * memory; a required field without a column is listed in `missing` for the manager to choose (item 11).
 */
export function previewImport(ctx: ServiceContext, input: PreviewInput): ImportPreview {
  const session = input.session ?? openSession(ctx.ws.dataDir, input.file!);
  const source = sessionSource(ctx, session, input);
  const a = analyse(ctx, {
    kind: input.kind,
    source,
    sheet: input.sheet,
    headerRow: input.headerRow,
    mapping: input.mapping,
    skipInvalid: false,
    dryRun: true,
    allowMissing: true,
  });
  const fieldOf = new Map<number, string>();
  for (const [field, cols] of a.mapping) for (const col of cols) fieldOf.set(col, field);
  const mergeFill = new Set(a.kind.fillFromMerges ?? []);
  const sample = a.table.rows.slice(0, SAMPLE).map((r) => {
    const list = a.problems.get(r.row) ?? [];
    const byCol: Record<number, string> = {};
    const rowProblems: string[] = [];
    for (const p of list) {
      const col = a.table.columns.findIndex((c) => c.header === p.column);
      if (col >= 0) byCol[col] = byCol[col] ? `${byCol[col]}; ${p.message}` : p.message;
      else rowProblems.push(p.message);
    }
    // a blank cell inside a merged range the import reads as the range's value: shown with that value
    const cells = r.cells.map(displayValue);
    const merged: Record<number, number> = {};
    for (const m of r.merged ?? []) {
      const field = fieldOf.get(m.col);
      if (!field || !mergeFill.has(field)) continue;
      cells[m.col] = displayValue(m.value);
      merged[m.col] = m.from;
    }
    return { row: r.row, cells, problems: byCol, rowProblems, merged };
  });
  const summary = sheetSummary(a, ctx.lang);
  const lookalike = a.missing.length ? lookalikeKind(ctx, a.kind, a) : null;
  // Until every required field has a column no row is checked: each counts as read, none as valid.
  if (a.missing.length) summary.rows.read = a.table.rows.length + summary.rows.skipped;
  return {
    ...summary,
    columns: a.table.columns.map((c, i) => ({
      index: c.index,
      letter: c.letter,
      header: c.header,
      group: c.group,
      field: fieldOf.get(i) ?? null,
    })),
    fields: kindFields(ctx, a.kind),
    sample,
    rememberedMapping: !input.mapping && rememberedMapping(ctx.db, a.signature) !== null,
    missing: a.missing,
    looksLike: lookalike ? { kind: lookalike.kind, label: t(ctx.lang, lookalike.label) } : null,
    session,
  };
}

export function kindFields(ctx: ServiceContext, kind: Analysis['kind']) {
  return kind.fields.map((f) => ({
    key: f.key,
    label: t(ctx.lang, f.label),
    type: f.type,
    required: Boolean(f.required),
    values: f.values ? [...f.values] : null,
    repeat: Boolean(f.repeat),
  }));
}

/** The problem rows of a file as an .xlsx (original cells + a problem column). */
export function problemsFile(
  ctx: ServiceContext,
  input: Omit<ImportInput, 'skipInvalid' | 'dryRun' | 'problemsOut'> & { out?: { path: string } },
) {
  const a = analyse(ctx, { ...input, skipInvalid: false, dryRun: true });
  const { bytes, rows } = problemWorkbook(a, ctx.lang);
  const base = a.fileName.replace(/\.[^.]+$/, '');
  return { ...writeFileOut(input.out, `${base}-${t(ctx.lang, 'importExport.problemFile.suffix')}.xlsx`, bytes), rows };
}
