import { decodeXml } from './xml-text';

/**
 * Reading XML markup and values from UTF-8 bytes, for the worksheet scanner (xlsx-sheet-scanner.ts):
 * searches within an element, numbers read from their digits, and texts decoded once per distinct
 * byte string. Each gives exactly what the same step on the decoded text gives.
 */
const LT = 60;

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A decimal written as digits with an optional '-' and '.' (what every writer puts in `<v>`), read
 * exactly as Number() reads it: up to 15 digits the mantissa is an exact integer and one division by an
 * exact power of ten rounds once, to the nearest double. NaN asks the caller to use Number() itself.
 */
export function fastNumber(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && b[i] === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const n = frac > 0 ? m / POW10[frac] : m;
  return neg ? -n : n;
}

/** Column index from a reference's letters ("AB12" → 27); -1 when it starts with no letter. */
export function columnOfRef(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The first `c` in b[from, to), or -1 (a loop: Buffer.indexOf's call costs more than a cell's few bytes). */
export function find(b: Uint8Array, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === c) return i;
  return -1;
}

/** The first `pat` (which starts with '<') in b[from, to), or -1. */
export function findTag(b: Uint8Array, pat: Uint8Array, from: number, to: number): number {
  const second = pat[1];
  for (let i = from; i < to; i++) if (b[i] === LT && b[i + 1] === second && same(b, i, pat)) return i;
  return -1;
}

export const same = (b: Uint8Array, at: number, pat: Uint8Array): boolean => {
  for (let k = 0; k < pat.length; k++) if (b[at + k] !== pat[k]) return false;
  return true;
};

/**
 * Texts by their bytes, so that each distinct text is decoded (and allocated) once: a direct-mapped
 * table of short byte strings and the text each decodes to (later steps then meet one string object
 * per customer or product, whose hash V8 keeps). A column whose texts hardly repeat (order numbers)
 * stops using the table after a while: its texts are decoded directly, the same way.
 */
const SLOTS = 1 << 15;
const SLOT_BYTES = 128;
const COLUMNS = 64;

const decodeText = (b: Buffer, s: number, e: number, plain: boolean) =>
  plain ? b.toString('latin1', s, e) : decodeXml(b.toString('utf8', s, e));

export class TextCache {
  private readonly keys = new Uint8Array(SLOTS * SLOT_BYTES);
  private readonly hashes = new Int32Array(SLOTS);
  private readonly lens = new Int32Array(SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  /** Per column: lookups and hits so far. */
  private readonly tries = new Int32Array(COLUMNS);
  private readonly hits = new Int32Array(COLUMNS);

  /** decodeXml of the UTF-8 text in b[s, e), for column `col`. */
  text(b: Buffer, s: number, e: number, col: number): string {
    const len = e - s;
    if (len === 0) return '';
    let h = 0x811c9dc5 ^ len;
    let plain = true;
    for (let i = s; i < e; i++) {
      const c = b[i];
      // '&', '_' (Excel's _xHHHH_ escapes) and non-ASCII bytes need decoding; the rest is Latin-1 as it is.
      if (c === 38 || c === 95 || c > 127) plain = false;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const k = col < COLUMNS ? col : COLUMNS - 1;
    const tries = this.tries[k]++;
    if (len > SLOT_BYTES || (tries >= 1024 && this.hits[k] * 8 < tries)) return decodeText(b, s, e, plain);
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    const keys = this.keys;
    const at = slot * SLOT_BYTES;
    if (this.hashes[slot] === h && this.lens[slot] === len) {
      let i = 0;
      while (i < len && keys[at + i] === b[s + i]) i++;
      if (i === len) {
        this.hits[k]++;
        return this.texts[slot];
      }
    }
    const text = decodeText(b, s, e, plain);
    for (let i = 0; i < len; i++) keys[at + i] = b[s + i];
    this.hashes[slot] = h;
    this.lens[slot] = len;
    this.texts[slot] = text;
    return text;
  }
}
