import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { IMPORT_KINDS } from '../import/kinds';
import type { ExportOptions, ImportField, ImportRecord } from '../import/kinds/types';

/**
 * What `export <kind>` can write: every import kind that can list its records (so the file imports
 * back unchanged), plus export-only kinds (the appraisal `review`) registered with one line below.
 */
interface ExportKind {
  kind: string;
  /** i18n key of the kind's name (the sheet's name). */
  label: string;
  /** The columns, in order: labels are headers, types give number formats. */
  fields: readonly ImportField[];
  exportRecords(db: Database, options: ExportOptions): ImportRecord[];
}

const fromImports: Record<string, ExportKind> = Object.fromEntries(
  Object.values(IMPORT_KINDS)
    .filter((k) => k.exportRecords)
    .map((k) => [k.kind, { kind: k.kind, label: k.label, fields: k.fields, exportRecords: k.exportRecords!.bind(k) }]),
);

const EXPORT_KINDS: Record<string, ExportKind> = {
  ...fromImports,
};

export function getExportKind(kind: string): ExportKind {
  const k = Object.hasOwn(EXPORT_KINDS, kind) ? EXPORT_KINDS[kind] : undefined;
  if (!k) throw new WorkbenchError('export/unknown-kind', { kind, kinds: Object.keys(EXPORT_KINDS).join(', ') });
  return k;
}
