import type { Database } from 'better-sqlite3';
import type { Lang } from '../../../i18n/messages';

/**
 * The interface every import kind implements (staff, products, customers, orders here; targets and
 * ratings in their own files, written against this interface). A kind declares its canonical fields
 * with header synonyms; the pipeline (../pipeline.ts) reads the table, maps columns, parses each cell
 * by the field's type and reports problems with the row and column; the kind then checks what needs
 * the database (who is "张伟"?), and commits valid records by natural key, logging each change so that
 * the whole import can be undone. Register a kind with one line in ./index.ts.
 */
type FieldType =
  | 'text'
  /** whole number */
  | 'int'
  | 'number'
  /** yuan in the sheet (¥, 元, 万元 understood); fen (integer) in the parsed record */
  | 'money'
  /** 'YYYY-MM-DD' in the parsed record (date cells, serials, 2025/3/5, 2025年3月5日, 5/3/2025…) */
  | 'date'
  /** a fraction in the parsed record: "15%" → 0.15; 15 under a "%" header → 0.15 */
  | 'percent'
  /** one of `values` (canonical), recognised also by `valueSynonyms` */
  | 'enum'
  | 'bool'
  | 'year'
  /** 1–12: 3, "3月", "March", "Mar", "2025-03" */
  | 'month';

export interface ImportField {
  key: string;
  /** i18n key of the field's label (wizard, templates, export headers); its texts in both languages also match headers. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** Header names in Chinese and English and common variants; matched ignoring case, spaces, punctuation and units. */
  synonyms: readonly string[];
  /**
   * Only a header equal to one of the names maps the field automatically, not one that merely contains
   * it (the orders' "Line" is also part of "Product Line" and "Online").
   */
  exactHeader?: boolean;
  values?: readonly string[];
  /** For enums: other words for each canonical value (e.g. active: ['在职', '在岗']). */
  valueSynonyms?: Readonly<Record<string, readonly string[]>>;
  maxLength?: number;
  min?: number;
  max?: number;
  /**
   * What the column's values look like, scored with its header when mapping (issue 10 item 8): a code
   * column holds short unique codes, a name column unique names, a group column a few repeated values.
   */
  shape?: 'code' | 'name' | 'group' | 'email' | 'phone';
  /** The template's example row. */
  example?: string | number;
  /**
   * Several columns feed this one field, one per sub-key (a wide sheet: one column a month). Returns the
   * sub-key a header names (e.g. '3' for "3月"), or null. The parsed value is then Record<subKey, value>.
   */
  repeat?: (header: string) => string | null;
  /**
   * What is stored when the sheet gives nothing for the field (no column, or a blank cell), in the
   * parsed record's form; `newOnly`: only a new record gets it (an existing one keeps its value). The
   * answer says so for every such field (rule: never store a value the user did not give silently).
   */
  default?: { value: string | number | boolean; newOnly: boolean };
}

/** One row's values by field key, after parsing (see FieldType for each type's form). */
export type ImportRecord = Record<string, unknown>;

/** A problem of one row: the field it concerns (if any), a code and its message's parameters. */
export interface RowProblem {
  field?: string;
  /** 'importExport.problem.<code>' is the message, unless the code holds a dot: then it is the full i18n key. */
  code: string;
  params?: Record<string, unknown>;
}

export interface ImportOptions {
  /** --year: the year of a target sheet that does not say it. */
  year?: number;
  skipInvalid: boolean;
  dryRun: boolean;
}

export interface PrepareContext {
  db: Database;
  lang: Lang;
  actor: string;
  options: ImportOptions;
  /** The fields a column of the sheet feeds; the others are null in every record. */
  mapped: ReadonlySet<string>;
  /** The header texts of the columns feeding each mapped field (a wide sheet's month headers may give the year). */
  headers?: ReadonlyMap<string, readonly string[]>;
}

/** Records every row an import writes, for the undo of the whole import (table import_changes). */
export interface ChangeLog {
  inserted(table: string, rowId: number): void;
  /** `oldRow`: the row's columns before the change (only those the import may change are needed). */
  updated(table: string, rowId: number, oldRow: Record<string, unknown>): void;
}

export interface CommitContext extends PrepareContext {
  importId: number;
  changes: ChangeLog;
  /** Reports progress and honours a cancel (throws job/cancelled: the transaction rolls back). */
  progress(done: number, total: number): void;
}

export interface CommitResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Things created on the way, counted: { customers: 3, products: 1, teams: 2 }. */
  created: Record<string, number>;
  /** Records written with a field's `default` (field key → count), when the kind counts them. */
  defaulted?: Record<string, number>;
}

export interface ExportOptions {
  year?: number;
  quarter?: string;
  survey?: number;
}

export interface ImportKind<S = unknown> {
  kind: string;
  /** i18n key of the kind's name. */
  label: string;
  fields: readonly ImportField[];
  /** Besides `required`: at least one of these field sets must be fully mapped (orders: amount, or quantity and unit price). */
  requireOneOf?: readonly (readonly string[])[];
  /**
   * Fields whose blank cell, when it lies inside a merged range of the sheet, takes the value the merged
   * range shows (its top-left cell's), as a person reads it: a customer's cells merged down over its
   * contact rows. A blank cell outside any merged range stays blank. The answer counts the rows so filled.
   */
  fillFromMerges?: readonly string[];
  /**
   * Sentences about how the valid records store what the sheet says, when that is not one plain value
   * (candidates: "3-5年" kept as a range and as text): i18n codes with their parameters, said in every answer.
   */
  notes?(records: ImportRecord[]): { code: string; params: Record<string, unknown> }[];
  /** Loads what checking needs (people, customers… by key) once per import. */
  prepare(ctx: PrepareContext): S;
  /** Checks a parsed row against the database; may complete or normalise it in place (a salesperson's name → employee number). */
  check(record: ImportRecord, state: S, ctx: PrepareContext): RowProblem[];
  /**
   * Checks needing every row at once (a manager further down the sheet; the lines of one order), over
   * the rows valid so far, in sheet order; `rows` gives each record's row number in the sheet. May
   * complete records in place (numbering an order's lines). Problems by index into `records`. A record
   * made equal to an earlier one (same key, same values) is then skipped as a repeat, not imported twice.
   */
  checkAll?(records: ImportRecord[], state: S, ctx: PrepareContext, rows: readonly number[]): Map<number, RowProblem[]>;
  /** The natural key: two rows with the same key are the same record (duplicates in a file, upserts). */
  key(record: ImportRecord): string;
  /** The key as the sheet gives it, for messages (no internal prefixes, no lower-casing); default: key. */
  keyText?(record: ImportRecord): string;
  /** Writes the valid records inside the import's transaction, logging each insert and update. */
  commit(records: ImportRecord[], state: S, ctx: CommitContext): CommitResult;
  /** The kind's data as records (the same form as parsed records), for export and for "imports back unchanged". */
  exportRecords?(db: Database, options: ExportOptions): ImportRecord[];
}
