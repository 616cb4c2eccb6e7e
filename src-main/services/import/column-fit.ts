import { isBlank, isDate, type CellValue } from '../../excel/cell';
import type { ImportField } from './kinds/types';
import { parseCell } from './values';

/**
 * How well a column's values suit a field (issue 10 item 8), from 0 (not at all) to 1, and the best
 * assignment of columns to fields for a whole sheet. A header names candidates; the values decide
 * between them: a code column holds short unique codes, a name column unique names, a group column a
 * few repeated values, a date field dates, a number field numbers.
 */
const SAMPLE = 200;
const NEUTRAL = { scale: 1, percentHeader: false, dayFirst: null };

const text = (v: CellValue) => (isDate(v) ? v.iso : String(v)).trim();

export function valueFit(field: ImportField, column: readonly CellValue[]): number {
  const values: CellValue[] = [];
  for (const v of column) {
    if (!isBlank(v)) values.push(v);
    if (values.length >= SAMPLE) break;
  }
  if (!values.length) return 1;
  const share = (ok: (v: CellValue) => boolean) => values.filter(ok).length / values.length;
  if (field.type !== 'text') return share((v) => parseCell(field, v, NEUTRAL).ok);
  const distinct = new Set(values.map((v) => text(v).toLowerCase())).size / values.length;
  switch (field.shape) {
    case 'code':
      return (
        share(
          (v) => typeof v === 'number' || (typeof v === 'string' && v.trim().length <= 24 && !/\s/.test(v.trim())),
        ) *
        (0.3 + 0.7 * distinct)
      );
    case 'name':
      return share((v) => typeof v === 'string' && /\p{L}/u.test(v)) * (0.3 + 0.7 * distinct);
    case 'group':
      // A handful of values cannot show repetition; from about ten on, a group repeats its values.
      return values.length < 8 || distinct <= 0.6 ? 1 : Math.max(0.4, 1.6 - distinct);
    case 'email':
      return share((v) => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v.trim()));
    case 'phone':
      return share(
        (v) =>
          (typeof v === 'number' && Number.isInteger(v) && v >= 10_000) ||
          (typeof v === 'string' && /^[+()\d\s-]{5,30}$/.test(v.trim()) && /\d{5}/.test(v.replace(/\D/g, ''))),
      );
    default:
      return 1;
  }
}

/**
 * The assignment of columns to fields (each field at most one column, each column at most one field)
 * with the greatest total weight: the Hungarian method on the fields × columns matrix, so that a column
 * goes to the field it suits best for the whole sheet, not to the first field that asks for it.
 * weights[f][c] <= 0 means "never". Returns the column of each field, or -1.
 */
export function bestAssignment(weights: number[][]): number[] {
  const n = weights.length;
  const m = weights[0]?.length ?? 0;
  if (!n || !m) return weights.map(() => -1);
  // Square the matrix with zero-weight dummies, then minimise cost = max - weight.
  const size = Math.max(n, m);
  const max = Math.max(0, ...weights.flat());
  const cost = (i: number, j: number) => (i < n && j < m && weights[i][j] > 0 ? max - weights[i][j] : max + 1);
  const u = new Array<number>(size + 1).fill(0);
  const v = new Array<number>(size + 1).fill(0);
  const p = new Array<number>(size + 1).fill(0);
  const way = new Array<number>(size + 1).fill(0);
  for (let i = 1; i <= size; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(size + 1).fill(Infinity);
    const used = new Array<boolean>(size + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= size; j++) {
    const i = p[j] - 1;
    if (i >= 0 && i < n && j - 1 < m && weights[i][j - 1] > 0) out[i] = j - 1;
  }
  return out;
}
