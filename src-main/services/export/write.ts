import path from 'node:path';
import type { FileOut, FileOutTarget } from '../../contract/files';
import { writeCsv } from '../../excel/csv-writer';
import { writeXlsx, type WriteSheet } from '../../excel/xlsx-writer';
import { checkFileOut, writeFileOut } from '../files/write';

/** Writes one sheet as .xlsx or .csv (from the option, else from the file name's extension). */
export function writeSheet(
  sheet: WriteSheet,
  baseName: string,
  out: FileOutTarget,
  format: 'xlsx' | 'csv' | undefined,
): FileOut & { rows: number } {
  if (out) checkFileOut(out, format ? [`.${format}`] : ['.xlsx', '.csv']);
  const fmt = format ?? (out && path.extname(out.path).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  const bytes = fmt === 'csv' ? writeCsv(sheet) : writeXlsx([sheet]);
  return { ...writeFileOut(out, `${baseName}.${fmt}`, bytes), rows: sheet.rows.length };
}
