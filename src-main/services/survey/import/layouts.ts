import { displayValue, isBlank, type CellValue, type Sheet } from '../../../excel/cell';
import { openWorkbook } from '../../../excel/read-workbook';
import { WorkbenchError } from '../../../contract/errors';
import type { SurveyLayout } from '../../../contract/survey';

/**
 * Recognises which survey platform wrote an export and where its header and answers are (issue #5 item 4).
 * Builds on the shared workbook reader (src-main/excel): it only decides which rows are headers, because
 * SurveyMonkey (two header rows) and Qualtrics (three) need every header row kept, which a one-header
 * table detection does not.
 */
export type Layout = SurveyLayout;

export interface SurveyColumn {
  index: number;
  /** The question text (or metadata name) as the export shows it. */
  header: string;
  /** SurveyMonkey/Qualtrics sub-header: the option of a one-column-per-option question, or the Qualtrics id. */
  sub: string | null;
  /** Spreadsheet letter for messages. */
  letter: string;
  /** The platform marks the column as a free-text answer (SurveyMonkey 'Open-Ended Response'). */
  openEnded: boolean;
}

export interface SurveySheet {
  layout: Layout;
  sheet: string;
  /** Row number (as the spreadsheet shows it) of the last header row. */
  headerRow: number;
  columns: SurveyColumn[];
  rows: { r: number; cells: CellValue[] }[];
}

const norm = (v: CellValue) =>
  displayValue(v)
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const letter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));

export const WJX_META = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP'];
const SM_META = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date'];

function detect(top: string[][]): { layout: Layout; headerRows: number } {
  const first = top[0] ?? [];
  const has = (row: string[] | undefined, names: string[]) =>
    names.every((n) => row?.some((h) => h.toLowerCase() === n.toLowerCase()));
  if (has(first, ['序号', '提交答卷时间']))
    return { layout: first.some((h) => /^第\d+题\(.+\)$/.test(h)) ? 'wjx-coded' : 'wjx-text', headerRows: 1 };
  if (
    (top[2] ?? []).some((h) => h.startsWith('{"ImportId"')) ||
    (has(first, ['ResponseId']) && has(first, ['StartDate']))
  ) {
    return { layout: 'qualtrics', headerRows: (top[2] ?? []).some((h) => h.startsWith('{"ImportId"')) ? 3 : 1 };
  }
  if (has(first, SM_META)) return { layout: 'surveymonkey', headerRows: 2 };
  if (first[0]?.toLowerCase() === 'timestamp' || first[0] === '时间戳记')
    return { layout: 'google-forms', headerRows: 1 };
  // Microsoft Forms: Id, Start time, Completion time (headers may carry a second language before them)
  if (
    first[0]?.toLowerCase() === 'id' &&
    first.some((h) => /(^|\s)(start time|开始时间)$/i.test(h)) &&
    first.some((h) => /(^|\s)(completion time|end time|完成时间)$/i.test(h))
  )
    return { layout: 'ms-forms', headerRows: 1 };
  return { layout: 'generic', headerRows: 1 };
}

function pickSheet(sheets: Sheet[]): Sheet {
  // the first sheet with at least a header and one answer; Microsoft Forms workbooks may hold copies
  return sheets.find((s) => s.rows.length >= 2) ?? sheets[0];
}

/** Reads an export and lays out its questions' columns and the answer rows. */
export function readSurveySheet(bytes: Uint8Array, fileName: string, sheetName?: string): SurveySheet {
  const wb = openWorkbook(bytes, fileName);
  let sheet: Sheet;
  if (sheetName !== undefined) {
    const i = wb.sheetNames.findIndex(
      (n) => n === sheetName || n.trim().toLowerCase() === sheetName.trim().toLowerCase(),
    );
    if (i < 0)
      throw new WorkbenchError('import/sheet-not-found', { sheet: sheetName, sheets: wb.sheetNames.join(', ') });
    sheet = wb.readSheet(i);
  } else sheet = pickSheet(wb.sheetNames.map((_, i) => wb.readSheet(i)));
  if (!sheet || sheet.rows.length === 0) throw new WorkbenchError('import/empty-file', { file: fileName });
  const width = sheet.width;
  const top = sheet.rows.slice(0, 3).map((r) => Array.from({ length: width }, (_, i) => norm(r.cells[i] ?? null)));
  const { layout, headerRows } = detect(top);
  const h1 = top[0];
  const columns: SurveyColumn[] = [];
  let carried = '';
  for (let i = 0; i < width; i++) {
    let header = h1[i];
    let sub: string | null = null;
    let open = false;
    if (layout === 'surveymonkey') {
      // a question heads its first column only; its other option columns leave row 1 blank
      if (header) carried = header;
      else header = carried;
      sub = top[1]?.[i] || null;
      if (sub === 'Open-Ended Response') open = true;
      if (sub === 'Response' || sub === 'Open-Ended Response') sub = null;
    } else if (layout === 'qualtrics' && headerRows === 3) {
      sub = h1[i];
      header = top[1]?.[i] || h1[i];
    }
    if (!header && !sub) continue;
    columns.push({ index: i, header, sub, letter: letter(i), openEnded: open });
  }
  const dataStart = sheet.rows[headerRows - 1]?.r ?? 1;
  const rows = sheet.rows.filter((r) => r.r > dataStart && r.cells.some((c) => !isBlank(c)));
  return { layout, sheet: sheet.name, headerRow: dataStart, columns, rows };
}
