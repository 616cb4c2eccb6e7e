import { z } from 'zod';
import { id } from './common';
import { op } from './define';
import { fileIn, fileOut, type FileOut } from './files';

const kindName = z.string().trim().min(1).max(40);

export const importInput = z
  .object({
    kind: kindName,
    file: fileIn,
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
    /** field → header text or column letter (null: leave the field unmapped). */
    mapping: z
      .record(z.string().max(40), z.union([z.string().max(300), z.array(z.string().max(300)).max(200), z.null()]))
      .optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    skipInvalid: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    /** Also write the problem rows (original cells + a problem column) to this .xlsx when some rows are invalid. */
    problemsOut: fileOut,
  })
  .strict();

/**
 * The wizard's preview: the file the first time, then the session the answer named, so that a changed
 * column, kind, sheet or header row re-maps the table held in memory (issue 10 item 15).
 */
export const previewInput = z
  .object({
    kind: kindName,
    file: fileIn.optional(),
    session: z.string().trim().min(1).max(64).optional(),
    sheet: importInput.shape.sheet,
    headerRow: importInput.shape.headerRow,
    mapping: importInput.shape.mapping,
  })
  .strict()
  .refine((v) => v.file !== undefined || v.session !== undefined, { message: 'fileOrSession', path: ['file'] });

export interface ImportProblem {
  /** The row number the spreadsheet program shows. */
  row: number;
  column: string;
  value: string;
  message: string;
  field: string | null;
  code: string;
}

export interface ImportCounts {
  read: number;
  valid: number;
  invalid: number;
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * A field the sheet leaves empty (no column, or blank cells) that is stored with its default: said in
 * every answer, since the stored value is not what the file gave.
 */
export interface ImportDefault {
  field: string;
  label: string;
  /** The default as the user's language shows it. */
  value: string;
  /** No column feeds the field (else: `blank` of its cells are empty). */
  noColumn: boolean;
  /** Valid rows without a value for the field. */
  blank: number;
  /** After a write (or a dry run): the records written with the default; null when not known yet. */
  stored: number | null;
  message: string;
}

export interface ImportResult {
  kind: string;
  file: string;
  format: 'xlsx' | 'csv' | 'xls';
  sheet: string;
  sheets: string[];
  /** Why this sheet was read, in the user's language (issue 10 item 4); the others are in `sheets`. */
  sheetReason: string;
  headerRow: number;
  /** The row of merged group cells above a two-row header. */
  groupRow: number | null;
  mapping: Record<string, string | string[]>;
  rows: ImportCounts;
  /** Customers, products, teams… created on the way because the sheet named them. */
  created: Record<string, number>;
  /** The first 1,000 problems (all are in the problem file). */
  errors: ImportProblem[];
  errorsTotal: number;
  skippedRows: { row: number; reason: 'total' | 'blank' | 'header' | 'summary' | 'duplicate' }[];
  /** Fields stored with their default because the sheet gives no value (see ImportDefault). */
  defaults: ImportDefault[];
  /**
   * Rows whose blank cells were read from a merged range around them (a customer's cells merged down over
   * its contact rows): how many valid rows, the fields so filled, and a sentence saying so; null when none.
   */
  fromMerges: { rows: number; fields: string[]; message: string } | null;
  /** How values were stored when a cell says more than one plain value (a range, words), in the user's language. */
  notes: string[];
  committed: boolean;
  /**
   * Nothing is (or, in a dry run, would be) written because rows are invalid and skipInvalid is off;
   * a dry run and the real run of the same file agree on it (the CLI's exit status 1).
   */
  refused: boolean;
  importId: number | null;
  /** The backup taken before writing. */
  backup: string | null;
  problemsFile: string | null;
  /** With dryRun: every record as it would be written (money in yuan). */
  records?: Record<string, unknown>[];
}

export interface ImportFieldInfo {
  key: string;
  label: string;
  type: string;
  required: boolean;
  values: string[] | null;
  repeat: boolean;
}

export interface ImportKindInfo {
  kind: string;
  label: string;
  fields: ImportFieldInfo[];
  requireOneOf: string[][];
}

export interface ImportPreview extends Omit<
  ImportResult,
  'committed' | 'refused' | 'importId' | 'backup' | 'problemsFile' | 'records' | 'created'
> {
  columns: { index: number; letter: string; header: string; group: string | null; field: string | null }[];
  fields: ImportFieldInfo[];
  /**
   * The first rows as displayed text, with their problems by column index. `merged`: cells the import
   * reads from a merged range above (ImportKind.fillFromMerges), by column index → the range's top row;
   * their text is the range's value, as the sheet shows it.
   */
  sample: {
    row: number;
    cells: string[];
    problems: Record<number, string>;
    rowProblems: string[];
    merged: Record<number, number>;
  }[];
  /** A mapping was remembered for sheets with these headers and applied. */
  rememberedMapping: boolean;
  /** Required fields (keys) no column feeds yet: the rows are not checked until the manager chooses them. */
  missing: string[];
  /** With missing fields: the kind the sheet looks like, when that kind finds every column it needs. */
  looksLike: { kind: string; label: string } | null;
  /** Names the file held for this preview: the next preview of the same file passes it instead of the file. */
  session: string;
}

/** The details of an import/missing-columns refusal, for each door to word in its own way. */
export interface MissingColumnsDetails {
  missing: string[];
  fields: string;
  sheet: string;
  headerRow: number;
  headers: string[];
}

export interface ImportHistoryEntry {
  id: number;
  kind: string;
  fileName: string;
  fileHash: string;
  sheet: string | null;
  at: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  mapping: Record<string, string | string[]> | null;
  status: 'committed' | 'undone';
  changes: number;
}

export const importOps = {
  'import/kinds': op<ImportKindInfo[]>()(z.object({}).strict().default({})),
  /**
   * Reads and checks a file without writing: sheet, header row, mapping, first rows with their problems.
   * Not a worker job: the session that holds the table lives in the door's own process.
   */
  'import/preview': op<ImportPreview>()(previewInput),
  'import/run': op<ImportResult>()(importInput, { long: true, mutates: true }),
  'import/problems': op<FileOut & { rows: number }>()(
    importInput.omit({ skipInvalid: true, dryRun: true, problemsOut: true }).extend({ out: fileOut }),
    { long: true },
  ),
  'import/template': op<FileOut>()(z.object({ kind: kindName, out: fileOut }).strict()),
  'import/history': op<ImportHistoryEntry[]>()(
    z
      .object({ limit: z.number().int().min(1).max(1000).default(200) })
      .strict()
      .default({ limit: 200 }),
  ),
  'import/undo': op<{ undone: number; deleted: number; restored: number; backup: string }>()(
    z.object({ id }).strict(),
    { long: true, mutates: true },
  ),
};
