import path from 'node:path';
import { WorkbenchError } from '../contract/errors';
import { decodeText, parseCsv } from './csv-reader';
import { MAX_FILE_BYTES, MAX_LEGACY_BYTES, mb } from './limits';
import { decodeMarkup, isMarkupTable } from './html-table';
import { openHtmlText, openXls } from './xls-reader';
import { openXlsx, type WorkbookReader } from './xlsx-reader';
import { ZipArchive } from './zip-archive';

export type { WorkbookReader } from './xlsx-reader';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Opens a spreadsheet from its bytes, recognising the format by content rather than by extension:
 * .xlsx/.xlsm (ZIP), .xls and password-protected workbooks (OLE), .ods, CSV/TSV text in any common
 * encoding. Anything else (empty, random, a renamed PDF or picture, a cut-off file) is refused with a
 * stable error code, before any row is looked at.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string): WorkbookReader {
  const file = path.basename(fileName);
  if (bytes.length === 0) throw new WorkbenchError('import/empty-file', { file });
  if (bytes.length > MAX_FILE_BYTES)
    throw new WorkbenchError('import/file-too-large', { file, maxMb: mb(MAX_FILE_BYTES) });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) {
      // SheetJS unpacks an .ods whole and without bounds: the archive is measured first (issue #17 item 8).
      new ZipArchive(bytes, file).checkUnpacked(MAX_LEGACY_BYTES);
      return openXls(bytes, file);
    }
    return openXlsx(bytes, file);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return openXls(bytes, file);
  // A PK header cut before its end, a PDF, a picture…: binary signatures that are never a table.
  if (
    startsWith(bytes, [0x50, 0x4b]) ||
    startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) ||
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff])
  ) {
    throw new WorkbenchError(startsWith(bytes, [0x50, 0x4b]) ? 'import/truncated' : 'import/not-a-workbook', { file });
  }
  const ext = path.extname(file).toLowerCase();
  const text = decodeText(bytes, file);
  if (text.trim() === '') throw new WorkbenchError('import/empty-file', { file });
  // Some systems save an HTML table under an .xls name, often in GBK: decoded by its declared charset, then read by SheetJS.
  if (isMarkupTable(text)) return openHtmlText(decodeMarkup(bytes, text), file);
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') throw new WorkbenchError('import/not-a-workbook', { file });
  const name = path.basename(file, path.extname(file)) || 'CSV';
  return {
    format: 'csv',
    sheetNames: [name],
    readSheet: (_i, opts) => parseCsv(text, name, opts),
  };
}
