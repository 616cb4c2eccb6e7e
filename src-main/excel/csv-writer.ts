import type { WriteSheet } from './xlsx-writer';

/**
 * CSV for finance and other tools: UTF-8 with a BOM (so that Excel opens Chinese correctly), CRLF line
 * ends, RFC 4180 quoting. Text starting with = + - or @ gets a leading apostrophe so no spreadsheet
 * runs it as a formula; the workbench's own import removes that apostrophe again.
 */
function field(v: unknown, format: string): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  if (typeof v === 'string' && format !== 'date' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(sheet: WriteSheet): Uint8Array {
  const lines = [sheet.columns.map((c) => field(c.header, 'text')).join(',')];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c, i) => field(row[i], c.format)).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
