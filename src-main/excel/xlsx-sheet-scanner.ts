import { WorkbenchError } from '../contract/errors';
import { serialToDate, type CellValue, type MergedRange, type Sheet, type SheetRow } from './cell';
import { MAX_CELLS, MAX_MERGES, MAX_ROW_CHARS } from './limits';
import { aggregatesRows } from './xlsx-formulas';
import type { CellStyles } from './xlsx-styles';
import { decodeXml, itemText } from './xml-text';
import type { ZipArchive, ZipEntry } from './zip-archive';

/**
 * Scans one worksheet part (`xl/worksheets/sheetN.xml`) in decompressed slices with a hand-written
 * scanner: indexOf over the text instead of a general XML parser, because a 100,000-row sheet must be
 * read in well under a second (exceljs's streaming reader needs several seconds for the same file).
 * Only `<row>`, `<c>`, `<v>`, `<is>` and `<mergeCell>` matter; everything else is passed over.
 */
export interface ScanOptions {
  /** Stop quietly after this many rows with values (peeking at a sheet to choose it). */
  peekRows?: number;
  /** Refuse the sheet when it holds more rows than this. */
  maxRows?: number;
  /**
   * Called every few thousand rows, e.g. to report progress and to honour a cancel; `expected` is the
   * last row the sheet declares (its `<dimension>`; for CSV, estimated from the text read), or 0 when unknown.
   */
  onRows?: (rowsRead: number, expected: number) => void;
}

interface ScanContext {
  sst: string[];
  styles: CellStyles;
  date1904: boolean;
  file: string;
}

function columnFromRef(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The value of attribute `name` in a short opening-tag text, or undefined (no search past the tag). */
function tagAttr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name);
  while (i >= 0) {
    const before = tag.charCodeAt(i - 1);
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(i + name.length) === 61) {
      const q = tag.charAt(i + name.length + 1);
      return tag.slice(i + name.length + 2, tag.indexOf(q, i + name.length + 2));
    }
    i = tag.indexOf(name, i + 1);
  }
  return undefined;
}

export function scanSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  name: string,
  ctx: ScanContext,
  opts: ScanOptions = {},
): Sheet {
  const rows: SheetRow[] = [];
  let width = 0;
  let prefix: string | undefined;
  let rowOpen = '<row';
  let rowClose = '</row>';
  let cOpen = '<c';
  let cClose = '</c>';
  let vOpen = '<v';
  let vClose = '</v>';
  let fOpen = '<f';
  let fClose = '</f>';
  // Shared formulas: the master cell holds the text, the others only its `si` (xlsx-formulas.ts).
  const sharedAggregates = new Map<string, boolean>();
  let lastRow = 0;
  let stopped = false;
  let mergeXml = '';
  let expected = 0;
  const maxRows = opts.maxRows ?? Infinity;
  // Each column's number format, from its first styled number: one array slot a column, not a cell.
  const formats: (string | null | undefined)[] = [];
  let col = -1;

  const cellValue = (
    seg: string,
    type: string,
    style: number,
    vStart: number,
    vEnd: number,
    te: number,
    ce: number,
  ): CellValue => {
    if (type === 'inlineStr') return itemText(seg, te, ce);
    if (vStart < 0) return null;
    const raw = seg.slice(vStart, vEnd);
    switch (type) {
      case 's':
        return ctx.sst[Number(raw)] ?? null;
      case 'str':
        return decodeXml(raw);
      case 'b':
        return raw === '1' || raw === 'true';
      case 'e':
        return decodeXml(raw);
      case 'd': {
        const iso = raw.trim();
        return {
          kind: 'date',
          iso: iso.length > 10 && !/T00:00:00/.test(iso) ? iso.slice(0, 19) : iso.slice(0, 10),
          serial: NaN,
        };
      }
      default: {
        if (raw === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n)) return decodeXml(raw);
        if (style && formats[col] === undefined) formats[col] = ctx.styles.codes?.[style] ?? null;
        return ctx.styles.kinds[style] === 'date' && n >= 0 && n < 2958466 ? serialToDate(n, ctx.date1904) : n;
      }
    }
  };

  /** Whether the `<f>` element at `q` (inside a cell ending at `ce`) aggregates a range of rows. */
  const formulaAggregates = (seg: string, q: number, ce: number, row: number): boolean => {
    const fte = seg.indexOf('>', q);
    if (fte < 0 || fte > ce) return false;
    const tag = seg.slice(q + fOpen.length, fte);
    const si = tagAttr(tag, 't') === 'shared' ? tagAttr(tag, 'si') : undefined;
    if (seg.charCodeAt(fte - 1) === 47) return si !== undefined && sharedAggregates.get(si) === true;
    const fe = seg.indexOf(fClose, fte);
    const found = fe > fte && fe < ce && aggregatesRows(seg.slice(fte + 1, fe), row);
    if (si !== undefined) sharedAggregates.set(si, found);
    return found;
  };

  const damaged = (row = lastRow + 1) =>
    new WorkbenchError('import/damaged-sheet', { file: ctx.file, sheet: name, row });
  const isDelim = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
  let slots = 0;

  // Every search below is bounded by the element it is in (the row's end, the cell's end), so that the
  // time stays linear whatever the sheet holds: a search for "the next cell" that ran on to the end of
  // the text made 50 MB of empty rows take minutes (issue #17 item 8); an unclosed row looped for ever (item 7).
  const parseRows = (seg: string) => {
    let pos = 0;
    for (;;) {
      const rs = seg.indexOf(rowOpen, pos);
      if (rs < 0) return;
      if (!isDelim(seg.charCodeAt(rs + rowOpen.length))) {
        pos = rs + 1;
        continue;
      }
      const te = seg.indexOf('>', rs);
      if (te < 0) throw damaged();
      const rAttr = tagAttr(seg.slice(rs, te), 'r');
      const rowNum = rAttr ? Number(rAttr) : lastRow + 1;
      if (!(rowNum >= 1 && rowNum <= 1_048_576)) throw damaged();
      lastRow = rowNum;
      if (seg.charCodeAt(te - 1) === 47) {
        pos = te + 1;
        continue;
      }
      const re = seg.indexOf(rowClose, te);
      if (re < 0) throw damaged(rowNum);
      const cells: CellValue[] = [];
      let aggregates: number[] | undefined;
      col = -1;
      let any = false;
      let p = te + 1;
      for (;;) {
        const cs = seg.indexOf('<', p);
        if (cs < 0 || cs >= re) break;
        if (!seg.startsWith(cOpen, cs) || !isDelim(seg.charCodeAt(cs + cOpen.length))) {
          p = cs + 1;
          continue;
        }
        const cte = seg.indexOf('>', cs);
        if (cte < 0 || cte > re) throw damaged(rowNum);
        const tag = seg.slice(cs + cOpen.length, cte);
        const ref = tagAttr(tag, 'r');
        const at = ref ? columnFromRef(ref, 0, ref.length) : -1;
        col = at >= 0 ? at : col + 1;
        if (col > 16_383) throw damaged(rowNum);
        if (seg.charCodeAt(cte - 1) === 47) {
          p = cte + 1;
          continue;
        }
        const type = tagAttr(tag, 't') ?? 'n';
        const sAttr = tagAttr(tag, 's');
        const style = sAttr ? Number(sAttr) : 0;
        const ce = seg.indexOf(cClose, cte);
        if (ce < 0 || ce > re) throw damaged(rowNum);
        // The value element, looked for among the cell's own children only (<f>, <v>, <is>).
        let vs = -1;
        let ve = -1;
        if (type !== 'inlineStr') {
          for (let q = seg.indexOf('<', cte + 1); q >= 0 && q < ce; q = seg.indexOf('<', q + 1)) {
            if (seg.startsWith(fOpen, q) && isDelim(seg.charCodeAt(q + fOpen.length))) {
              if (formulaAggregates(seg, q, ce, rowNum)) (aggregates ??= []).push(col);
              continue;
            }
            if (!seg.startsWith(vOpen, q) || !isDelim(seg.charCodeAt(q + vOpen.length))) continue;
            const vte = seg.indexOf('>', q);
            if (seg.charCodeAt(vte - 1) !== 47) {
              ve = seg.indexOf(vClose, vte);
              if (ve < 0 || ve > ce) throw damaged(rowNum);
              vs = vte + 1;
            }
            break;
          }
        }
        const v = cellValue(seg, type, style, vs, ve, cte + 1, ce);
        if (v !== null && v !== '') {
          cells[col] = v;
          any = true;
        }
        p = ce + cClose.length;
      }
      pos = re + rowClose.length;
      if (!any) continue;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (cells.length > width) width = cells.length;
      rows.push(aggregates ? { r: rowNum, cells, aggregates } : { r: rowNum, cells });
      if (rows.length > maxRows)
        throw new WorkbenchError('import/too-many-rows', { sheet: name, max: maxRows.toLocaleString('en') });
      slots += cells.length;
      if (slots > MAX_CELLS)
        throw new WorkbenchError('import/too-many-cells', { sheet: name, max: MAX_CELLS.toLocaleString('en') });
      if (opts.onRows && rows.length % 5000 === 0) opts.onRows(rows.length, expected > rows.length ? expected : 0);
      if (opts.peekRows !== undefined && rows.length >= opts.peekRows) {
        stopped = true;
        return;
      }
    }
  };

  // Text not yet parsed: what follows the last complete row, kept as pieces and joined only when a row
  // end arrives, so that a long row (or one that never ends) costs linear time and at most MAX_ROW_CHARS.
  let pending: string[] = [];
  let pendingChars = 0;
  const decoder = new TextDecoder('utf-8');
  zip.stream(entry, (chunk, final) => {
    const piece = decoder.decode(chunk, { stream: !final });
    if (prefix === undefined) {
      const head = pending.join('') + piece;
      const root = /<([A-Za-z0-9_]+:)?worksheet[\s>]/.exec(head);
      if (!root && head.length <= 4096 && !final) {
        pending = [head];
        pendingChars = head.length;
        return true;
      }
      prefix = root ? (root[1] ?? '') : '';
      // The declared extent (e.g. <dimension ref="A1:I100001"/>) sizes the progress bar while reading.
      const dim = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(head);
      if (dim) expected = Number(dim[1]);
      rowOpen = `<${prefix}row`;
      rowClose = `</${prefix}row>`;
      cOpen = `<${prefix}c`;
      cClose = `</${prefix}c>`;
      vOpen = `<${prefix}v`;
      vClose = `</${prefix}v>`;
      fOpen = `<${prefix}f`;
      fClose = `</${prefix}f>`;
    }
    const last = piece.lastIndexOf(rowClose);
    if (last < 0 && !final) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars > MAX_ROW_CHARS) throw damaged();
      return true;
    }
    const before = pending.length ? pending.join('') : '';
    const text = before ? before + piece : piece;
    pending = [];
    pendingChars = 0;
    const cut = final ? text.length : before.length + last + rowClose.length;
    if (cut > 0) parseRows(cut === text.length ? text : text.slice(0, cut));
    // The merged ranges follow </sheetData>, so the last piece of text holds them.
    if (final) mergeXml = text;
    else if (cut < text.length) {
      const rest = text.slice(cut);
      pending = [rest];
      pendingChars = rest.length;
    }
    return !stopped;
  });
  return {
    name,
    rows,
    merges: stopped ? [] : readMerges(mergeXml),
    width,
    formats: Array.from(formats, (f) => f ?? undefined),
  };
}

function readMerges(xml: string): MergedRange[] {
  const out: MergedRange[] = [];
  const re = /<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const left = columnFromRef(m[1], 0, m[1].length) + 1;
    const top = Number(m[2]);
    const right = m[3] ? columnFromRef(m[3], 0, m[3].length) + 1 : left;
    const bottom = m[4] ? Number(m[4]) : top;
    out.push({ top, left, bottom, right });
  }
  // The table detection looks at each merge for each header cell: the topmost ones are those that matter.
  return out.length > MAX_MERGES ? out.sort((a, b) => a.top - b.top).slice(0, MAX_MERGES) : out;
}
