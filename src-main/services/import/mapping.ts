import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { columnIndex } from '../../excel/cell';
import type { TableColumn, TableRow } from '../../excel/table-detect';
import { t } from '../../i18n/messages';
import { nowIso } from '../context';
import { bestAssignment, valueFit } from './column-fit';
import type { ImportField, ImportKind } from './kinds/types';

/**
 * Column → field mapping: automatic from the headers (Chinese and English names and variants, units in
 * the header scale values), then a mapping remembered for sheets with the same headers, then the
 * user's own choices (`--map field=Header`, or the wizard's drop-downs), which win.
 */
interface ColumnUnit {
  scale: number;
  percent: boolean;
}

/** A mapping: for each field, the table column index(es) feeding it. */
export type Mapping = Map<string, number[]>;

const UNIT_RE = /[(（[【]\s*(万元|千元|亿元|元|%|％|rmb|cny|¥|￥|人民币)\s*[)）\]】]|(万元|千元|亿元|%|％)$/i;

/** The unit a header names: "金额（万元）" → ×10000, "完成率%" → percent. */
export function headerUnit(header: string): ColumnUnit {
  const m = UNIT_RE.exec(header.normalize('NFKC'));
  const unit = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  if (unit === '万元') return { scale: 1e4, percent: false };
  if (unit === '千元') return { scale: 1e3, percent: false };
  if (unit === '亿元') return { scale: 1e8, percent: false };
  return { scale: 1, percent: unit === '%' };
}

/** Header text reduced for matching: no case, spaces, punctuation, required-markers or units. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(UNIT_RE, '')
    .replace(/[\s\u00a0\u3000_\-:：/\\.,，、()（）[\]【】#№'"`*?？!！]+/g, '');
}

/** Every header text that names a field: its synonyms and its label in both languages. */
function fieldNames(field: ImportField): string[] {
  return [...field.synonyms, t('zh-CN', field.label), t('en', field.label)];
}

// Words that only qualify the name before them: "客户名称合计" still names 客户名称, "客户组" does not name 客户.
const QUALIFIERS = /^(名称|全称|简称|名字|号码|信息|合计|总计|总额|name|fullname|total)$/;

/**
 * How strongly a header names a field: 100 for one of its names (after dropping a bracketed remark
 * such as "（全称）"), less for a header ending in one of its names. Whole words come before fragments
 * (issue 10 item 8): in Chinese and English alike the last word is the head of the name, so "KA客户组"
 * is a group (组) and not the customer (客户), and "Customer Group" is not "Customer".
 */
// A field's names normalised once: header detection scores every candidate row of every sheet against
// every field, and normalising (and translating) the names on each call cost a 100,000-row import ~0.3 s.
const namesCache = new WeakMap<ImportField, { n: string; oneWord: boolean }[]>();
function normalizedNames(field: ImportField) {
  let list = namesCache.get(field);
  if (!list) {
    // One English word (ID, Name, Code, Date) is a head that needs its modifier: "Order ID" is an order's id,
    // "Product Name" a product's name; only the whole header names the field (a `*_id` is a foreign key).
    list = fieldNames(field).map((name) => ({
      n: normalizeHeader(name),
      oneWord: /^[\x20-\x7e]+$/.test(name) && !/[\s_\-/]/.test(name.trim()),
    }));
    namesCache.set(field, list);
  }
  return list;
}

// A header's two normalised forms, made once per text: finding the header row scores every cell of up
// to 30 rows against every field of the kind (11 for orders), and each form costs a normalisation and
// several regular expressions.
const headerForms = new Map<string, { h: string; core: string }>();
function formsOf(header: string): { h: string; core: string } {
  let forms = headerForms.get(header);
  if (!forms) {
    forms = {
      h: normalizeHeader(header),
      core: normalizeHeader(header.normalize('NFKC').replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')),
    };
    if (headerForms.size >= 20_000) headerForms.clear();
    headerForms.set(header, forms);
  }
  return forms;
}

function matchQuality(field: ImportField, header: string): number {
  const { h, core } = formsOf(header);
  if (!h) return 0;
  let best = 0;
  for (const { n, oneWord } of normalizedNames(field)) {
    if (!n) continue;
    if (n === h) return 100;
    if (n === core) best = Math.max(best, 90);
    if (field.exactHeader || oneWord || n.length < 2 || core.length > Math.min(n.length * 2 + 4, 30)) continue;
    // A sentence that happens to contain "order" or "tel" names nothing: the header may add only a few characters.
    if (core.endsWith(n) || (core.startsWith(n) && QUALIFIERS.test(core.slice(n.length))))
      best = Math.max(best, 10 + n.length);
  }
  return best;
}

/** How many fields of the kind these header texts name (to pick the sheet and the header row). */
export function headerScore(kind: ImportKind, headers: string[]): number {
  let n = 0;
  for (const f of kind.fields)
    if (headers.some((h) => (f.repeat ? f.repeat(h) !== null : matchQuality(f, h) > 12))) n++;
  return n;
}

const label = (c: TableColumn) => (c.group ? `${c.group} ${c.header}` : c.header);

/**
 * The automatic mapping. Repeat fields (a column a month) take all their columns; every other field
 * gets at most one column, chosen for the whole sheet at once: each candidate column is scored on its
 * header and, when the rows are given, on its values (column-fit.ts), and the assignment with the best
 * total wins. A fragment of a header whose values do not suit the field is no candidate at all.
 */
export function autoMap(kind: ImportKind, columns: TableColumn[], rows: readonly TableRow[] = []): Mapping {
  const mapping: Mapping = new Map();
  const taken = new Set<number>();
  for (const f of kind.fields) {
    if (!f.repeat) continue;
    const cols = columns.map((c, i) => (f.repeat!(c.header) !== null ? i : -1)).filter((i) => i >= 0);
    if (!cols.length) continue;
    mapping.set(f.key, cols);
    cols.forEach((i) => taken.add(i));
  }
  const fields = kind.fields.filter((f) => !f.repeat);
  const sample = rows.slice(0, 200);
  const weights = fields.map((f) =>
    columns.map((c, i) => {
      if (taken.has(i)) return 0;
      const q = Math.max(matchQuality(f, c.header), c.group ? matchQuality(f, label(c)) : 0);
      if (q <= 0) return 0;
      const fit = sample.length
        ? valueFit(
            f,
            sample.map((r) => r.cells[i]),
          )
        : 1;
      // Values that are no phone numbers or e-mails (WeChat ids under 微信) keep even a named column off those fields.
      if (fit < 0.2 && (q < 90 || f.shape === 'phone' || f.shape === 'email')) return 0;
      // Ties go to the column further left (the first of two equal candidates, as a person reads).
      return q * (0.25 + 0.75 * fit) - i * 1e-6;
    }),
  );
  bestAssignment(weights).forEach((col, k) => {
    if (col >= 0) mapping.set(fields[k].key, [col]);
  });
  return mapping;
}

/** Identifies "a sheet with the same headers" for remembering a confirmed mapping. */
export function headerSignature(kind: string, columns: TableColumn[]): string {
  return createHash('sha1')
    .update(`${kind}\n${columns.map((c) => normalizeHeader(label(c))).join('\u0001')}`)
    .digest('hex');
}

/** Finds a column by its header text (exact, then normalised), group + header, or column letter. */
function findColumn(columns: TableColumn[], wanted: string): number {
  let i = columns.findIndex((c) => c.header === wanted || label(c) === wanted);
  if (i < 0)
    i = columns.findIndex(
      (c) =>
        normalizeHeader(c.header) === normalizeHeader(wanted) || normalizeHeader(label(c)) === normalizeHeader(wanted),
    );
  if (i < 0 && columnIndex(wanted) >= 0) i = columns.findIndex((c) => c.index === columnIndex(wanted));
  return i;
}

/** Mapping as the JSON shows it: field → header text (repeat fields: list of headers). */
export function describeMapping(
  kind: ImportKind,
  mapping: Mapping,
  columns: TableColumn[],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of kind.fields) {
    const cols = mapping.get(f.key);
    if (!cols?.length) continue;
    out[f.key] = f.repeat ? cols.map((i) => label(columns[i])) : label(columns[cols[0]]);
  }
  return out;
}

/** Applies a remembered or user mapping (field → header or null to unmap) over the automatic one. */
export function applyOverrides(
  kind: ImportKind,
  mapping: Mapping,
  columns: TableColumn[],
  overrides: Record<string, string | string[] | null>,
  strict: boolean,
): Mapping {
  const next: Mapping = new Map(mapping);
  for (const [field, header] of Object.entries(overrides)) {
    const f = kind.fields.find((x) => x.key === field);
    if (!f) {
      if (strict)
        throw new WorkbenchError('import/unknown-field', { field, fields: kind.fields.map((x) => x.key).join(', ') });
      continue;
    }
    if (header === null || header === '' || (Array.isArray(header) && header.length === 0)) {
      next.delete(field);
      continue;
    }
    const cols = (Array.isArray(header) ? header : [header]).map((h) => {
      const i = findColumn(columns, h);
      if (i < 0 && strict)
        throw new WorkbenchError('import/unknown-column', { column: h, columns: columns.map(label).join(', ') });
      return i;
    });
    if (cols.some((i) => i < 0)) continue;
    // A column moved to this field leaves the field it was on.
    for (const [k, v] of next)
      if (k !== field)
        next.set(
          k,
          v.filter((i) => !cols.includes(i)),
        );
    next.set(field, cols);
  }
  for (const [k, v] of next) if (!v.length) next.delete(k);
  return next;
}

export function rememberedMapping(db: Database, signature: string): Record<string, string | string[]> | null {
  const row = db.prepare('SELECT mapping FROM import_mappings WHERE signature = ?').get(signature) as
    { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as Record<string, string | string[]>) : null;
}

/** Remembers a confirmed mapping for sheets with the same headers. */
export function rememberMapping(
  db: Database,
  signature: string,
  kind: string,
  mapping: Record<string, string | string[]>,
): void {
  db.prepare(
    'INSERT INTO import_mappings (signature, kind, mapping, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
  ).run(signature, kind, JSON.stringify(mapping), nowIso());
}
