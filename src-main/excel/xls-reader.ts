import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import { WorkbenchError } from '../contract/errors';
import { serialToDate, type CellValue, type SheetRow } from './cell';
import { MAX_LEGACY_BYTES, mb } from './limits';
import type { WorkbookReader } from './xlsx-reader';

/**
 * Legacy .xls (BIFF8, e.g. 问卷星 exports and old Excel/WPS files) and other OLE containers, through
 * SheetJS. An OLE container is also what a password-protected .xlsx is: those are refused with a
 * message asking to remove the password.
 */
// SheetJS is loaded on the first legacy file only: it costs a quarter of a second and 30 MB at start-up.
let sheetjs: typeof XLSXTypes | undefined;
const loadSheetJs = (): typeof XLSXTypes =>
  (sheetjs ??= createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes);

function isEncryptedOle(bytes: Uint8Array): boolean {
  // An encrypted OOXML package is an OLE file holding the streams "EncryptionInfo" and "EncryptedPackage".
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

export function openXls(bytes: Uint8Array, file: string): WorkbookReader {
  if (isEncryptedOle(bytes)) throw new WorkbenchError('import/encrypted', { file });
  // SheetJS builds the whole workbook in memory (several times the file's size): a smaller bound.
  if (bytes.length > MAX_LEGACY_BYTES)
    throw new WorkbenchError('import/file-too-large', { file, maxMb: mb(MAX_LEGACY_BYTES) });
  return fromSheetJs(
    () => loadSheetJs().read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: true }),
    file,
  );
}

/** An HTML table saved under an .xls name, already decoded to text (see html-table.ts). */
export function openHtmlText(html: string, file: string): WorkbookReader {
  if (html.length > MAX_LEGACY_BYTES)
    throw new WorkbenchError('import/file-too-large', { file, maxMb: mb(MAX_LEGACY_BYTES) });
  return fromSheetJs(
    () => loadSheetJs().read(html, { type: 'string', cellNF: true, cellDates: false, dense: true }),
    file,
  );
}

function fromSheetJs(read: () => XLSXTypes.WorkBook, file: string): WorkbookReader {
  const XLSX = loadSheetJs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = read();
  } catch (e) {
    if (/password|encrypt/i.test((e as Error).message)) throw new WorkbenchError('import/encrypted', { file });
    throw new WorkbenchError('import/not-a-workbook', { file });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return {
    format: 'xls',
    sheetNames: wb.SheetNames,
    readSheet(index, opts = {}) {
      const name = wb.SheetNames[index];
      const ws = wb.Sheets[name];
      const dense = (ws as unknown as { '!data'?: (XLSXTypes.CellObject | undefined)[][] })['!data'] ?? [];
      const rows: SheetRow[] = [];
      let width = 0;
      for (let r = 0; r < dense.length; r++) {
        const src = dense[r];
        if (!src) continue;
        const cells: CellValue[] = [];
        let any = false;
        for (let c = 0; c < src.length; c++) {
          const cell = src[c];
          let v: CellValue = null;
          if (cell && cell.v !== undefined && cell.t !== 'z') {
            if (cell.t === 'n')
              v =
                cell.z && XLSX.SSF.is_date(cell.z as string)
                  ? serialToDate(cell.v as number, date1904)
                  : (cell.v as number);
            else if (cell.t === 'b') v = cell.v as boolean;
            else if (cell.t === 'e') v = cell.w ?? '#ERROR';
            else v = String(cell.v);
          }
          if (v !== null && v !== '') any = true;
          cells[c] = v === '' ? null : v;
        }
        if (!any) continue;
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        width = Math.max(width, cells.length);
        rows.push({ r: r + 1, cells });
        if (opts.maxRows !== undefined && rows.length > opts.maxRows)
          throw new WorkbenchError('import/too-many-rows', { sheet: name, max: opts.maxRows.toLocaleString('en') });
        if (opts.peekRows !== undefined && rows.length >= opts.peekRows) break;
      }
      const merges = (ws['!merges'] ?? []).map((m) => ({
        top: m.s.r + 1,
        left: m.s.c + 1,
        bottom: m.e.r + 1,
        right: m.e.c + 1,
      }));
      return { name, rows, merges, width };
    },
  };
}
