import type { ColumnFormat } from '../../excel/xlsx-writer';
import type { ImportField, ImportRecord } from './kinds/types';

/** How a field's values are written to a workbook (export, template), so that they read back the same. */
export function columnFormat(f: ImportField): ColumnFormat {
  switch (f.type) {
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'percent':
      return 'percent';
    case 'int':
    case 'year':
    case 'month':
      return 'int';
    case 'number':
      return 'number';
    case 'bool':
      return 'bool';
    default:
      return 'text';
  }
}

/** A record's value as written: money from fen to yuan; everything else as it is. */
export function outputValue(f: ImportField, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.type === 'money') {
    if (typeof v === 'number') return v / 100;
    if (typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, typeof x === 'number' ? x / 100 : x]),
      );
  }
  return v;
}

/** A record as the JSON shows it (dry-run records): money in yuan. */
export function outputRecord(fields: readonly ImportField[], r: ImportRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.key] = outputValue(f, r[f.key]);
  for (const k of Object.keys(r)) if (!(k in out)) out[k] = r[k];
  return out;
}
