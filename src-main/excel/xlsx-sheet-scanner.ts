import { WorkbenchError } from '../contract/errors';
import { serialToDate, type CellValue, type MergedRange, type Sheet, type SheetRow } from './cell';
import { MAX_CELLS, MAX_MERGES, MAX_ROW_CHARS } from './limits';
import { aggregatesRows } from './xlsx-formulas';
import type { CellStyles } from './xlsx-styles';
import { columnOfRef, fastNumber, find, findTag, same, TextCache } from './xml-bytes';
import { decodeXml, itemTextAt } from './xml-text';
import type { ZipArchive, ZipEntry } from './zip-archive';

/**
 * Scans one worksheet part (`xl/worksheets/sheetN.xml`) over its inflated BYTES with a hand-written
 * scanner: no XML parser, and no text made of the markup. Only a cell's value becomes a JS value: a
 * number is read from its digits, a shared string is looked up by its index, and an inline string is
 * decoded from its bytes once per distinct text (a sheet names the same customers over and over: an
 * openpyxl sheet writes each of their Chinese characters as `&#23458;`). A 100,000-row sheet is read
 * in a fraction of a second this way; decoding the whole part to text first cost more than the scan.
 * Only `<row>`, `<c>`, `<v>`, `<f>`, `<is>` and `<mergeCell>` matter; everything else is passed over.
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

const LT = 60;
const GT = 62;
const SLASH = 47;
const isDelim = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

// Cell types (the `t` attribute), as small numbers; anything else reads as a number, like `n`.
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_D = 5;
const T_INLINE = 6;

function columnFromRef(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
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
  let rowOpen = Buffer.from('<row');
  let rowClose = Buffer.from('</row>');
  let cOpen = Buffer.from('<c');
  let cClose = Buffer.from('</c>');
  let vOpen = Buffer.from('<v');
  let vClose = Buffer.from('</v>');
  let fOpen = Buffer.from('<f');
  let fClose = Buffer.from('</f>');
  const texts = new TextCache();
  const sst = ctx.sst;
  const kinds = ctx.styles.kinds;
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

  const damaged = (row = lastRow + 1) =>
    new WorkbenchError('import/damaged-sheet', { file: ctx.file, sheet: name, row });

  /** Number() of the bytes, as the text they spell would give it. */
  const numberAt = (b: Buffer, s: number, e: number): number => {
    const n = fastNumber(b, s, e);
    return n === n ? n : Number(b.toString('utf8', s, e));
  };

  const cellValue = (b: Buffer, type: number, style: number, vs: number, ve: number): CellValue => {
    if (vs < 0) return null;
    switch (type) {
      case T_S:
        return sst[numberAt(b, vs, ve)] ?? null;
      case T_STR:
      case T_E:
        return texts.text(b, vs, ve, col);
      case T_B:
        return (ve - vs === 1 && b[vs] === 49) || (ve - vs === 4 && b.toString('latin1', vs, ve) === 'true');
      case T_D: {
        const iso = b.toString('utf8', vs, ve).trim();
        return {
          kind: 'date',
          iso: iso.length > 10 && !/T00:00:00/.test(iso) ? iso.slice(0, 19) : iso.slice(0, 10),
          serial: NaN,
        };
      }
      default: {
        if (ve === vs) return null;
        let n = fastNumber(b, vs, ve);
        if (n !== n) {
          const raw = b.toString('utf8', vs, ve);
          n = Number(raw);
          if (Number.isNaN(n)) return decodeXml(raw);
        }
        if (style && formats[col] === undefined) formats[col] = ctx.styles.codes?.[style] ?? null;
        return kinds[style] === 'date' && n >= 0 && n < 2958466 ? serialToDate(n, ctx.date1904) : n;
      }
    }
  };

  /** The text of an inline string (`<is>` between `from` and `to`); its one run, nearly always, from the cache. */
  const inlineText = (b: Buffer, from: number, to: number): string =>
    itemTextAt(b, from, to, (s, e) => texts.text(b, s, e, col));

  /** Whether the `<f>` element at `q` (inside a cell ending at `ce`) aggregates a range of rows. */
  const formulaAggregates = (b: Buffer, q: number, ce: number, row: number): boolean => {
    const fte = b.indexOf(GT, q);
    if (fte < 0 || fte > ce) return false;
    const tag = b.toString('utf8', q + fOpen.length, fte);
    const si = tagAttr(tag, 't') === 'shared' ? tagAttr(tag, 'si') : undefined;
    if (b[fte - 1] === SLASH) return si !== undefined && sharedAggregates.get(si) === true;
    const fe = b.indexOf(fClose, fte);
    const found = fe > fte && fe < ce && aggregatesRows(b.toString('utf8', fte + 1, fe), row);
    if (si !== undefined) sharedAggregates.set(si, found);
    return found;
  };

  let slots = 0;
  const scratch: CellValue[] = [];

  // Every search below is bounded by the element it is in (the row's end, the cell's end), so that the
  // time stays linear whatever the sheet holds: a search for "the next cell" that ran on to the end of
  // the text made 50 MB of empty rows take minutes (issue #17 item 8); an unclosed row looped for ever (item 7).
  const parseRows = (b: Buffer, to: number) => {
    const cLen = cOpen.length;
    const vLen = vOpen.length;
    const fLen = fOpen.length;
    let pos = 0;
    for (;;) {
      const rs = findTag(b, rowOpen, pos, to);
      if (rs < 0) return;
      if (!isDelim(b[rs + rowOpen.length])) {
        pos = rs + 1;
        continue;
      }
      const te = find(b, GT, rs, to);
      if (te < 0) throw damaged();
      // The row's number: its `r` attribute (` r="12"`), else the one after the last.
      let rowNum = lastRow + 1;
      for (let j = rs + rowOpen.length + 1; j + 1 < te; j++) {
        if (b[j] !== 114 || b[j + 1] !== 61 || !isSpace(b[j - 1])) continue;
        const q = b[j + 2];
        let e = j + 3;
        while (e < te && b[e] !== q) e++;
        if (j + 2 >= te) e = j + 3;
        else if (e >= te) e = te - 1;
        if (e > j + 3) rowNum = numberAt(b, j + 3, e);
        break;
      }
      if (!(rowNum >= 1 && rowNum <= 1_048_576)) throw damaged();
      lastRow = rowNum;
      if (b[te - 1] === SLASH) {
        pos = te + 1;
        continue;
      }
      // The row ends at its first </row>, found on the way through its cells (one pass over its bytes):
      // a cell whose tag or content would run past it is damaged, as is a row without one.
      let re = -1;
      // The row's cells go to a scratch array first, then to one array of the row's exact length.
      let hi = -1;
      let aggregates: number[] | undefined;
      col = -1;
      let any = false;
      let p = te + 1;
      for (;;) {
        let cs = p;
        while (cs < to && b[cs] !== LT) cs++;
        if (cs >= to) throw damaged(rowNum);
        if (b[cs + 1] === SLASH && same(b, cs, rowClose)) {
          re = cs;
          break;
        }
        if (!same(b, cs, cOpen) || !isDelim(b[cs + cLen])) {
          p = cs + 1;
          continue;
        }
        // The opening tag's attributes in one pass: r (reference), t (type), s (style), each its first
        // ` name=` as xml-text's attribute reading finds it.
        let cte = cs + cLen;
        for (; cte < to; cte++) {
          const c = b[cte];
          if (c === GT) break;
          if (c === LT && b[cte + 1] === SLASH && same(b, cte, rowClose)) throw damaged(rowNum);
        }
        if (cte >= to) throw damaged(rowNum);
        let ref = -2;
        let type = -1;
        let style = -1;
        for (let j = cs + cLen + 1; j + 1 < cte; j++) {
          const a = b[j];
          if ((a !== 114 && a !== 116 && a !== 115) || b[j + 1] !== 61 || !isSpace(b[j - 1])) continue;
          if (a === 114 ? ref !== -2 : a === 116 ? type >= 0 : style >= 0) continue;
          const q = b[j + 2];
          let vs = j + 3;
          let ve = vs;
          while (ve < cte && b[ve] !== q) ve++;
          if (j + 2 >= cte) vs = ve = cte;
          else if (ve >= cte) ve = cte - 1;
          if (vs > ve) vs = ve;
          if (a === 114) ref = ve > vs ? columnOfRef(b, vs, ve) : -1;
          else if (a === 115) style = ve > vs ? numberAt(b, vs, ve) : 0;
          else {
            const len = ve - vs;
            const c0 = b[vs];
            type =
              len === 1
                ? c0 === 115
                  ? T_S
                  : c0 === 98
                    ? T_B
                    : c0 === 101
                      ? T_E
                      : c0 === 100
                        ? T_D
                        : T_N
                : len === 3 && c0 === 115 && b[vs + 1] === 116 && b[vs + 2] === 114
                  ? T_STR
                  : len === 9 && b.toString('latin1', vs, ve) === 'inlineStr'
                    ? T_INLINE
                    : T_N;
          }
        }
        if (type < 0) type = T_N;
        if (style < 0) style = 0;
        col = ref >= 0 ? ref : col + 1;
        if (col > 16_383) throw damaged(rowNum);
        if (b[cte - 1] === SLASH) {
          p = cte + 1;
          continue;
        }
        // The cell's end, then its value element among its own children only (<f>, <v>, <is>).
        let ce = cte + 1;
        for (;;) {
          while (ce < to && b[ce] !== LT) ce++;
          if (ce >= to) throw damaged(rowNum);
          if (b[ce + 1] === SLASH) {
            if (same(b, ce, cClose)) break;
            if (same(b, ce, rowClose)) throw damaged(rowNum);
          }
          ce++;
        }
        let v: CellValue;
        if (type === T_INLINE) v = inlineText(b, cte + 1, ce);
        else {
          let vs = -1;
          let ve = -1;
          for (let q = cte + 1; q < ce; q++) {
            if (b[q] !== LT) continue;
            if (same(b, q, fOpen) && isDelim(b[q + fLen])) {
              if (formulaAggregates(b, q, ce, rowNum)) (aggregates ??= []).push(col);
              continue;
            }
            if (!same(b, q, vOpen) || !isDelim(b[q + vLen])) continue;
            const vte = find(b, GT, q, ce + cClose.length);
            if (b[vte - 1] !== SLASH) {
              ve = findTag(b, vClose, vte, ce + 1);
              if (ve < 0) throw damaged(rowNum);
              vs = vte + 1;
            }
            break;
          }
          v = cellValue(b, type, style, vs, ve);
        }
        if (v !== null && v !== '') {
          if (col > hi) {
            for (let k = hi + 1; k < col; k++) scratch[k] = null;
            hi = col;
          }
          scratch[col] = v;
          any = true;
        }
        p = ce + cClose.length;
      }
      pos = re + rowClose.length;
      if (!any) continue;
      const cells = scratch.slice(0, hi + 1);
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

  // Bytes not yet parsed: what follows the last complete row, joined to the next slice only when a row
  // end arrives (slices of one buffer are joined without a copy), so that a long row (or one that never
  // ends) costs linear time and at most MAX_ROW_CHARS.
  let pending: Uint8Array | null = null;
  zip.stream(entry, (chunk, final) => {
    let data = chunk;
    if (pending) {
      data =
        pending.buffer === chunk.buffer && pending.byteOffset + pending.length === chunk.byteOffset
          ? new Uint8Array(chunk.buffer, pending.byteOffset, pending.length + chunk.length)
          : Buffer.concat([pending, chunk]);
      pending = null;
    }
    const b = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
    if (prefix === undefined) {
      // The root element's prefix (x:worksheet) and the declared extent, from the first few KB.
      const head = b.toString('latin1', 0, Math.min(b.length, 1 << 17));
      const root = /<([A-Za-z0-9_]+:)?worksheet[\s>]/.exec(head);
      if (!root && head.length <= 4096 && !final) {
        pending = b;
        return true;
      }
      prefix = root ? (root[1] ?? '') : '';
      // The declared extent (e.g. <dimension ref="A1:I100001"/>) sizes the progress bar while reading.
      const dim = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(head);
      if (dim) expected = Number(dim[1]);
      rowOpen = Buffer.from(`<${prefix}row`, 'latin1');
      rowClose = Buffer.from(`</${prefix}row>`, 'latin1');
      cOpen = Buffer.from(`<${prefix}c`, 'latin1');
      cClose = Buffer.from(`</${prefix}c>`, 'latin1');
      vOpen = Buffer.from(`<${prefix}v`, 'latin1');
      vClose = Buffer.from(`</${prefix}v>`, 'latin1');
      fOpen = Buffer.from(`<${prefix}f`, 'latin1');
      fClose = Buffer.from(`</${prefix}f>`, 'latin1');
    }
    const last = b.lastIndexOf(rowClose);
    if (last < 0 && !final) {
      if (b.length > MAX_ROW_CHARS) throw damaged();
      pending = b;
      return true;
    }
    const cut = final ? b.length : last + rowClose.length;
    if (cut > 0) parseRows(b, cut);
    // The merged ranges follow </sheetData>, so the last bytes hold them.
    if (final) {
      const m = b.indexOf('mergeCell');
      if (m >= 0) mergeXml = b.toString('latin1', Math.max(0, b.lastIndexOf(LT, m)), b.length);
    } else if (cut < b.length) pending = b.subarray(cut);
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
    const left = columnFromRef(m[1]) + 1;
    const top = Number(m[2]);
    const right = m[3] ? columnFromRef(m[3]) + 1 : left;
    const bottom = m[4] ? Number(m[4]) : top;
    out.push({ top, left, bottom, right });
  }
  // The table detection looks at each merge for each header cell: the topmost ones are those that matter.
  return out.length > MAX_MERGES ? out.sort((a, b) => a.top - b.top).slice(0, MAX_MERGES) : out;
}
