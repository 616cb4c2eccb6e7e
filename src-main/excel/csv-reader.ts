import chardet from 'chardet';
import iconv from 'iconv-lite';
import { WorkbenchError } from '../contract/errors';
import type { CellValue, Sheet, SheetRow } from './cell';
import { MAX_CELLS } from './limits';
import type { ScanOptions } from './xlsx-sheet-scanner';

/**
 * CSV files as managers get them: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK from a
 * Chinese Excel or WPS "save as CSV"; the encoding is detected, never asked. The delimiter (, ; tab |)
 * is detected from the first lines. Plain numbers become numbers (but "007" stays text: a leading zero
 * is part of an id); everything else stays text for the field parsers.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a Chinese Excel/WPS saves CSV in the ANSI code page (GBK, a subset of GB18030).
    const guess = chardet.detect(bytes.subarray(0, 65_536)) ?? 'GB18030';
    const enc =
      /^(GB|Big5|EUC|Shift_JIS|windows-125|ISO-8859)/i.test(guess) && !/^(Big5|EUC-KR|Shift_JIS)/i.test(guess)
        ? guess
        : 'GB18030';
    text = iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      /^(GB|EUC-CN)/i.test(enc) ? 'gb18030' : enc,
    );
  }
  // Control characters or replacement characters in quantity mean this was never text.
  let bad = 0;
  const n = Math.min(text.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  if (n === 0 || bad > n * 0.01) throw new WorkbenchError('import/not-a-workbook', { file });
  return text;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter whose count per line is most consistent (and non-zero) over the first lines. */
function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const ch = text[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '\n' && !inQuote) {
      if (text.slice(start, i).trim()) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < 30 && text.slice(start).trim()) lines.push(text.slice(start));
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq)
      if (f > modeCount || (f === modeCount && c > mode)) {
        modeCount = f;
        mode = c;
      }
    const score = modeCount * 1000 + mode;
    if (modeCount > 0 && score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

function toCell(raw: string, quoted: boolean): CellValue {
  if (raw === '') return null;
  if (!quoted && PLAIN_NUMBER.test(raw)) return Number(raw);
  return raw;
}

/** Parses CSV text (RFC 4180 quoting, CRLF/LF/CR line ends) into a one-sheet table. */
export function parseCsv(text: string, name: string, opts: ScanOptions = {}): Sheet {
  // The first lines decide the delimiter; a file of one endless line is not split four times whole.
  const d = detectDelimiter(text.slice(0, 1 << 20));
  const rows: SheetRow[] = [];
  let width = 0;
  let cells: CellValue[] = [];
  let field = '';
  let quoted = false;
  let inQuote = false;
  let r = 1;
  const maxRows = opts.maxRows ?? Infinity;
  let slots = 0;
  const tooMany = () =>
    new WorkbenchError('import/too-many-cells', { sheet: name, max: MAX_CELLS.toLocaleString('en') });
  // `at`: how far into the text this row ends, which estimates the rows still to come for the progress bar.
  const endRow = (at: number) => {
    cells.push(toCell(field, quoted));
    if (cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''))) {
      rows.push({ r, cells });
      if (cells.length > width) width = cells.length;
      slots += cells.length;
      if (slots > MAX_CELLS) throw tooMany();
      if (rows.length > maxRows)
        throw new WorkbenchError('import/too-many-rows', { sheet: name, max: maxRows.toLocaleString('en') });
      if (opts.onRows && rows.length % 5000 === 0)
        opts.onRows(rows.length, Math.max(rows.length, Math.round((rows.length * text.length) / Math.max(at, 1))));
    }
    cells = [];
    field = '';
    quoted = false;
    r++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuote = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      inQuote = true;
      quoted = true;
    } else if (ch === d) {
      // A row wider than a sheet can be (16,384 columns) is refused before it fills memory with empty cells.
      if (cells.length >= 16_384) throw tooMany();
      cells.push(toCell(field, quoted));
      field = '';
      quoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow(i);
      if (opts.peekRows !== undefined && rows.length >= opts.peekRows) break;
    } else field += ch;
  }
  if (field !== '' || cells.length) endRow(text.length);
  return { name, rows, merges: [], width };
}
