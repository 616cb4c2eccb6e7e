import { WorkbenchError } from '../../contract/errors';
import type { ReadTableResult } from '../../excel/read-table';
import type { Table } from '../../excel/table-detect';
import { t, type Lang } from '../../i18n/messages';
import { IMPORT_KINDS } from './kinds';
import type { ImportKind } from './kinds/types';
import { autoMap, type Mapping } from './mapping';

/**
 * The refusal of a sheet that lacks a column the kind needs (issue 10 item 10): it names what is
 * missing and describes the sheet as a manager sees it (its rows, its header row, its column names),
 * lists header texts only, never a value of the sheet (a header row that is really a row of a form
 * holds an e-mail or a phone number), and names another kind only when a trial of that kind on the
 * same table accepts the rows.
 */
export function missingFields(kind: ImportKind<unknown>, mapping: Mapping): string[] {
  const missing = kind.fields.filter((f) => f.required && !mapping.has(f.key)).map((f) => f.key);
  if (kind.requireOneOf && !kind.requireOneOf.some((set) => set.every((f) => mapping.has(f)))) {
    missing.push(...kind.requireOneOf[0].filter((f) => !mapping.has(f)));
  }
  return missing;
}

/** What a trial of another kind on the table found: its valid and invalid rows. */
type TrialRun = (kind: ImportKind<unknown>) => { valid: number; invalid: number };

// Values of a form or a record, not names of columns: e-mail addresses, phone numbers, numbers, dates.
const VALUE_LIKE = [/@/, /^[+(]?\d[\d\s()./-]{4,}$/, /^\d{4}-\d{2}(-\d{2})?([T ].*)?$/, /^[-+]?[\d.,]+%?$/];
const MAX_LISTED = 30;

/** The column names, as a list a person reads: value-like or missing names are counted, not shown. */
function describeColumns(lang: Lang, table: Table): string {
  const names: string[] = [];
  let unnamed = 0;
  for (const c of table.columns) {
    // A form's labels end in a colon ("部门：") and a merged cell repeats its text over several columns.
    const h = c.header.trim().replace(/[:：]+$/, '');
    const name = c.group ? `${c.group} ${h}` : h;
    if (h === c.letter || !h || VALUE_LIKE.some((re) => re.test(h))) unnamed++;
    else if (!names.includes(name)) names.push(name);
  }
  const sep = lang === 'zh-CN' ? '、' : ', ';
  let text = names.slice(0, MAX_LISTED).join(sep);
  if (names.length > MAX_LISTED) text += t(lang, 'importExport.refusal.more', { n: names.length - MAX_LISTED });
  if (unnamed) text += (text ? sep : '') + t(lang, 'importExport.refusal.unnamed', { count: unnamed });
  return text;
}

/** A field label inside a sentence: without the full stop of an abbreviation ("Order no.") before the sentence's own. */
const inSentence = (label: string) => label.replace(/[.。]+$/, '');

/** The other kind that would really take the table (most of its rows valid), if any. */
export function bestOtherKind(chosen: ImportKind<unknown>, table: Table, trial: TrialRun): ImportKind<unknown> | null {
  let best: { kind: ImportKind<unknown>; valid: number } | null = null;
  for (const k of Object.values(IMPORT_KINDS) as ImportKind<unknown>[]) {
    if (k.kind === chosen.kind) continue;
    const m = autoMap(k, table.columns, table.rows);
    if (missingFields(k, m).length) continue;
    // "It looks like…" only when that kind would really take the file: most of its rows valid.
    let run: { valid: number; invalid: number };
    try {
      run = trial(k);
    } catch {
      continue;
    }
    if (run.valid === 0 || run.valid < 4 * run.invalid) continue;
    if (!best || run.valid > best.valid) best = { kind: k, valid: run.valid };
  }
  return best?.kind ?? null;
}

function otherKindHint(lang: Lang, chosen: ImportKind<unknown>, table: Table, trial: TrialRun): string {
  const best = bestOtherKind(chosen, table, trial);
  return best ? t(lang, 'importExport.problem.looksLike', { label: t(lang, best.label), kind: best.kind }) : '';
}

/** Why the sheet was read (issue 10 item 4): asked for, the only one, the one naming the most fields, the one with records. */
export function sheetReason(read: ReadTableResult, lang: Lang): string {
  const { choice } = read;
  const params = {
    sheet: read.table.sheet,
    count: choice.fields,
    others: choice.others.map((s) => `“${s}”`).join(lang === 'zh-CN' ? '、' : ', '),
  };
  return t(lang, `importExport.sheetChoice.${choice.reason}`, params);
}

export function refuseMissing(
  lang: Lang,
  read: ReadTableResult,
  kind: ImportKind<unknown>,
  missing: string[],
  trial: TrialRun | null,
): never {
  const { table } = read;
  // In a workbook of several sheets, the refusal also says why this sheet was read.
  const why =
    read.sheets.length > 1 && read.choice.reason !== 'asked'
      ? `${lang === 'zh-CN' ? '' : ' '}${sheetReason(read, lang)}`
      : '';
  const label = (f: string) => inSentence(t(lang, kind.fields.find((x) => x.key === f)!.label));
  // Structured as well as worded, so that each door says it its own way: the CLI names --map, the
  // wizard offers every column for the missing fields (issue 10 item 11).
  throw new WorkbenchError('import/missing-columns', {
    missing,
    headerRow: table.headerRow,
    headers: table.columns.map((c) => c.header),
    columns: table.columns.map((c) => c.header).join(', '),
    fields: missing.map(label).join(lang === 'zh-CN' ? '、' : ', '),
    sheet: table.sheet,
    shape:
      t(lang, 'importExport.refusal.shape', {
        count: table.rows.length,
        headerRow: table.headerRow,
        columns: describeColumns(lang, table),
      }) + why,
    hint: trial ? otherKindHint(lang, kind, table, trial) : '',
  });
}
