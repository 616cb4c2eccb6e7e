import path from 'node:path';
import { WorkbenchError } from '../../contract/errors';
import { writeCsv } from '../../excel/csv-writer';
import { writeXlsx, type WriteSheet } from '../../excel/xlsx-writer';
import { writeFileOut, type FileOutResult } from '../import/file-ref';

/** Writes one sheet as .xlsx or .csv (from the option, else from the file name's extension). */
export function writeSheet(sheet: WriteSheet, baseName: string, out: { path: string } | undefined, format: 'xlsx' | 'csv' | undefined): FileOutResult & { rows: number } {
  const ext = out ? path.extname(out.path).toLowerCase() : '';
  if (out && ext !== '.xlsx' && ext !== '.csv') throw new WorkbenchError('export/bad-extension', { file: out.path });
  const fmt = format ?? (ext === '.csv' ? 'csv' : 'xlsx');
  if (out && ext !== `.${fmt}`) throw new WorkbenchError('export/bad-extension', { file: out.path });
  const bytes = fmt === 'csv' ? writeCsv(sheet) : writeXlsx([sheet]);
  return { ...writeFileOut(out, `${baseName}.${fmt}`, bytes), rows: sheet.rows.length };
}
