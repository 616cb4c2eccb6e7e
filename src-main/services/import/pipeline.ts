import { WorkbenchError } from '../../contract/errors';
import type { ImportProblem } from '../../contract/import';
import { displayValue, isBlank, type CellValue } from '../../excel/cell';
import { readTable, type ReadTableResult } from '../../excel/read-table';
import type { Table } from '../../excel/table-detect';
import { t } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import type { FileIn } from '../../contract/files';
import { readFileIn } from '../files/read';
import { getKind } from './kinds';
import type { ImportKind, ImportOptions, ImportRecord, PrepareContext, RowProblem } from './kinds/types';
import {
  applyOverrides,
  autoMap,
  describeMapping,
  headerScore,
  headerSignature,
  headerUnit,
  rememberedMapping,
  type Mapping,
} from './mapping';
import { bestOtherKind, missingFields, refuseMissing } from './refusal';
import { detectDayFirst, parseCell, type ColumnContext } from './values';

/**
 * The import up to the commit: read the table, map columns to fields, parse every cell by its field's
 * type and check every row, so that the problems are known, with row, column, value and a message in
 * the user's language, before anything is written.
 */
interface AnalyseInput {
  kind: string;
  /** The file to read, unless `source` gives its table already read. */
  file?: FileIn;
  /** The table a preview session holds (./session.ts): re-mapping never reads the file again. */
  source?: (kind: ImportKind<unknown>) => ImportSource;
  sheet?: string;
  headerRow?: number;
  /** field → header (or column letter); null unmaps a field. */
  mapping?: Record<string, string | string[] | null>;
  year?: number;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /**
   * The wizard's preview: a required field without a column is listed in `missing` instead of refused,
   * so that the manager can choose its column in the window (issue 10 item 11).
   */
  allowMissing?: boolean;
}

/** A file and its table as read for one kind (the kind's header names pick the sheet and header row). */
export interface ImportSource {
  fileName: string;
  bytes: Uint8Array;
  read: ReadTableResult;
}

export interface Analysis {
  kind: ImportKind<unknown>;
  fileName: string;
  bytes: Uint8Array;
  read: ReadTableResult;
  table: Table;
  mapping: Mapping;
  mappingOut: Record<string, string | string[]>;
  signature: string;
  options: ImportOptions;
  state: unknown;
  prepare: PrepareContext;
  /** Valid rows: their records and row numbers, in sheet order. */
  valid: { row: number; record: ImportRecord }[];
  /** Problems by row number (rows with at least one problem are invalid). */
  problems: Map<number, ImportProblem[]>;
  duplicates: { row: number; of: number }[];
  /** Required fields without a column (only with allowMissing; the rows are then not checked). */
  missing: string[];
  /** Fields with a default that valid rows leave empty: how many rows, and whether a column feeds it at all. */
  defaulted: { field: string; noColumn: boolean; blank: number }[];
  /** Valid rows that took a value from a merged cell (ImportKind.fillFromMerges), and the fields so filled. */
  fromMerges: { rows: number; fields: string[] };
}

/**
 * When a sheet lacks what the chosen kind needs, the kind it looks like: the kind whose trial on the
 * same table takes most of its rows (refusal.ts decides, so the window and the message agree).
 */
export function lookalikeKind(
  ctx: ServiceContext,
  chosen: ImportKind<unknown>,
  src: ImportSource,
): ImportKind<unknown> | null {
  return bestOtherKind(chosen, src.read.table, trialOn(ctx, src));
}

const trialOn = (ctx: ServiceContext, src: ImportSource, year?: number) => (k: ImportKind<unknown>) => {
  const a = analyseTable(ctx, k, src, { year }, false);
  return { valid: a.valid.length, invalid: a.problems.size };
};

const problemMessage = (lang: ServiceContext['lang'], code: string, params: Record<string, unknown>) =>
  t(lang, code.includes('.') ? code : `importExport.problem.${code}`, params);

/** Reads a file's table for a kind: the kind's header names help find the sheet and the header row. */
export function readSource(
  ctx: ServiceContext,
  kind: ImportKind<unknown>,
  file: { name: string; bytes: Uint8Array },
  choice: { sheet?: string; headerRow?: number },
): ImportSource {
  ctx.progress(0, 1, 'progress.importRead');
  const read = readTable(file.bytes, file.name, {
    sheet: choice.sheet,
    headerRow: choice.headerRow,
    scoreHeaders: (h) => headerScore(kind, h),
    onRows: (n, expected) => {
      ctx.checkCancelled();
      ctx.progress(n, expected, 'progress.importRead');
    },
  });
  return { fileName: file.name, bytes: file.bytes, read };
}

export function analyse(ctx: ServiceContext, input: AnalyseInput): Analysis {
  const kind = getKind(input.kind);
  if (!input.source && !input.file) throw new WorkbenchError('import/session-expired');
  const { fileName, bytes, read } = input.source
    ? input.source(kind)
    : readSource(ctx, kind, readFileIn(ctx.ws.dataDir, input.file!), input);
  const table = read.table;
  if (input.headerRow !== undefined && table.headerRow !== input.headerRow && table.groupRow !== input.headerRow) {
    throw new WorkbenchError('import/no-table', { sheet: table.sheet });
  }
  return analyseTable(ctx, kind, { fileName, bytes, read }, input);
}

/**
 * Everything after the reading, on a table already read: mapping, parsing and checking. A refusal
 * for missing columns tries the other kinds on the same table (`hint`) before naming one.
 */
function analyseTable(
  ctx: ServiceContext,
  kind: ImportKind<unknown>,
  src: Pick<Analysis, 'fileName' | 'bytes' | 'read'>,
  input: Omit<AnalyseInput, 'file' | 'kind'>,
  hint = true,
): Analysis {
  const { fileName, bytes, read } = src;
  const table = read.table;
  const signature = headerSignature(kind.kind, table.columns);
  let mapping = autoMap(kind, table.columns, table.rows);
  const remembered = input.mapping ? null : rememberedMapping(ctx.db, signature);
  if (remembered) mapping = applyOverrides(kind, mapping, table.columns, remembered, false);
  if (input.mapping) mapping = applyOverrides(kind, mapping, table.columns, input.mapping, true);
  // Each message is made once per distinct text: i18next costs tens of microseconds a call, and a
  // 15,000-row sheet with one wrong column would pay it on every row.
  const labels = new Map(kind.fields.map((f) => [f.key, t(ctx.lang, f.label)]));
  const label = (f: string) => labels.get(f)!;
  const messages = new Map<string, string>();
  const message = (code: string, params: Record<string, unknown>) => {
    const key = `${code}\u0001${JSON.stringify(params)}`;
    let text = messages.get(key);
    if (text === undefined) messages.set(key, (text = problemMessage(ctx.lang, code, params)));
    return text;
  };
  const missing = missingFields(kind, mapping);
  if (missing.length && !input.allowMissing)
    refuseMissing(ctx.lang, read, kind, missing, hint ? trialOn(ctx, src, input.year) : null);

  const options: ImportOptions = {
    year: input.year,
    skipInvalid: input.skipInvalid ?? false,
    dryRun: input.dryRun ?? false,
  };
  const headers = new Map([...mapping].map(([f, cols]) => [f, cols.map((c) => table.columns[c].header)]));
  const prepare: PrepareContext = {
    db: ctx.db,
    lang: ctx.lang,
    actor: ctx.actor,
    options,
    mapped: new Set(mapping.keys()),
    headers,
  };
  const state = kind.prepare(prepare);
  const fields = kind.fields.filter((f) => mapping.has(f.key));
  const colCtx = new Map<number, ColumnContext>();
  for (const f of fields) {
    for (const c of mapping.get(f.key)!) {
      const unit = headerUnit(table.columns[c].header);
      colCtx.set(c, {
        scale: unit.scale,
        percentHeader: unit.percent,
        dayFirst: f.type === 'date' ? detectDayFirst(table.rows.map((r) => r.cells[c])) : null,
      });
    }
  }

  const problems = new Map<number, ImportProblem[]>();
  const add = (row: number, p: RowProblem, cells: CellValue[]) => {
    const cols = p.field ? mapping.get(p.field) : undefined;
    const col = cols?.[0];
    const params = { ...p.params, field: p.field ? label(p.field) : '' };
    const list = problems.get(row) ?? [];
    list.push({
      row,
      column: col !== undefined ? table.columns[col].header : '',
      value: col !== undefined ? displayValue(cells[col]) : '',
      message: message(p.code, params),
      field: p.field ?? null,
      code: p.code,
    });
    problems.set(row, list);
  };

  const summary = {
    kind,
    fileName,
    bytes,
    read,
    table,
    mapping,
    mappingOut: describeMapping(kind, mapping, table.columns),
    signature,
    options,
    state,
    prepare,
  };
  if (missing.length)
    return {
      ...summary,
      valid: [],
      problems,
      duplicates: [],
      missing,
      defaulted: [],
      fromMerges: { rows: 0, fields: [] },
    };
  // Blank cells inside a merged range read as the range's value for the fields the kind names.
  const mergeFill = new Set(kind.fillFromMerges ?? []);
  const filledRows = new Set<number>();
  const filledFields = new Set<string>();
  // Fields stored with their default when the sheet leaves them empty (counted per valid row below).
  const withDefault = kind.fields.filter((f) => f.default !== undefined && !f.repeat);
  const blanks = new Map(withDefault.map((f) => [f.key, 0]));

  // Each field's columns and their contexts, looked up once rather than on every row.
  const plan = kind.fields.map((f) => {
    const cols = mapping.get(f.key) ?? null;
    return {
      f,
      key: f.key,
      cols,
      col: cols ? cols[0] : -1,
      ctx: cols ? colCtx.get(cols[0])! : null,
      fill: mergeFill.has(f.key),
      repeat: !!f.repeat,
      required: !!f.required,
    };
  });
  // Every record starts with every field, in the kind's order (one object of a fixed shape per row).
  const blankRecord: ImportRecord = {};
  for (const f of kind.fields) blankRecord[f.key] = null;

  // The rows that passed their own checks, as parallel lists (no object per row).
  const checkedRows: number[] = [];
  const checkedRecords: ImportRecord[] = [];
  const checkedCells: CellValue[][] = [];
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    const tr = table.rows[i];
    if (i % 5000 === 0) {
      ctx.checkCancelled();
      ctx.progress(i, total, 'progress.importCheck');
    }
    const record: ImportRecord = { ...blankRecord };
    let bad = false;
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k];
      if (!p.cols) continue;
      const f = p.f;
      if (p.repeat) {
        const values: Record<string, unknown> = {};
        for (const c of p.cols) {
          const r = parseCell(f, tr.cells[c], colCtx.get(c)!);
          if (r.ok) values[f.repeat!(table.columns[c].header)!] = r.value;
          else {
            bad = true;
            add(tr.row, { field: f.key, code: r.code, params: r.params }, tr.cells);
          }
        }
        record[p.key] = values;
        continue;
      }
      let cell = tr.cells[p.col];
      if (tr.merged && p.fill && isBlank(cell)) {
        const m = tr.merged.find((x) => x.col === p.col);
        if (m) {
          cell = m.value;
          filledRows.add(tr.row);
          filledFields.add(p.key);
        }
      }
      const r = parseCell(f, cell, p.ctx!);
      if (!r.ok) {
        bad = true;
        add(tr.row, { field: p.key, code: r.code, params: r.params }, tr.cells);
      } else if (r.value === null && p.required) {
        bad = true;
        add(tr.row, { field: p.key, code: 'required' }, tr.cells);
      }
      record[p.key] = r.ok ? r.value : null;
    }
    // Before `check`, which may fill a field itself (an order's quantity 1): the sheet's own emptiness counts.
    let empty: string[] | null = null;
    if (!bad) for (const f of withDefault) if (record[f.key] === null) (empty ??= []).push(f.key);
    if (!bad) {
      const found = kind.check(record, state, prepare);
      for (const p of found) add(tr.row, p, tr.cells);
      if (found.length) bad = true;
    }
    if (!bad) {
      if (empty) for (const k of empty) blanks.set(k, blanks.get(k)! + 1);
      checkedRows.push(tr.row);
      checkedRecords.push(record);
      checkedCells.push(tr.cells);
    }
  }

  if (kind.checkAll) {
    const found = kind.checkAll(checkedRecords, state, prepare, checkedRows);
    for (const [i, list] of found) for (const p of list) add(checkedRows[i], p, checkedCells[i]);
  }

  // The same natural key twice: an identical repeat is skipped; a different one is a problem.
  // (Records are compared only when a key repeats, so a clean sheet costs one Map entry per row.)
  const seen = new Map<string, number>();
  const valid: Analysis['valid'] = [];
  const duplicates: Analysis['duplicates'] = [];
  for (let i = 0; i < checkedRows.length; i++) {
    const row = checkedRows[i];
    const record = checkedRecords[i];
    if (problems.size && problems.has(row)) continue;
    const key = kind.key(record);
    const firstAt = seen.get(key);
    if (firstAt === undefined) {
      seen.set(key, valid.length);
      valid.push({ row, record });
      continue;
    }
    const c = { row, record, cells: checkedCells[i] };
    const first = valid[firstAt];
    if (JSON.stringify(first.record) === JSON.stringify(c.record)) duplicates.push({ row: c.row, of: first.row });
    // The key as the sheet gives it: never an internal form such as "n:其他" (issue 10 item 10).
    else
      add(
        c.row,
        { code: 'duplicate-key', params: { key: kind.keyText ? kind.keyText(c.record) : key, first: first.row } },
        c.cells,
      );
  }
  ctx.progress(total, total, 'progress.importCheck');
  const defaulted = withDefault
    .filter((f) => blanks.get(f.key)! > 0)
    .map((f) => ({ field: f.key, noColumn: !mapping.has(f.key), blank: blanks.get(f.key)! }));
  const fromMerges = {
    rows: valid.filter((v) => filledRows.has(v.row)).length,
    fields: kind.fields.filter((f) => filledFields.has(f.key)).map((f) => f.key),
  };
  return { ...summary, valid, problems, duplicates, missing, defaulted, fromMerges };
}
