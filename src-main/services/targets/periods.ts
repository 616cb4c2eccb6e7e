import { PERIODS } from '../../contract/targets';

export { PERIODS, type Period } from '../../contract/targets';
export const PERIOD_INDEX: Readonly<Record<string, number>> = Object.fromEntries(PERIODS.map((p, i) => [p, i]));
/** Index of month m (1..12). */
export const mIdx = (m: number) => 4 + m;
/** The quarter (1..4) a month (1..12) falls in. */
export const quarterOf = (m: number) => Math.ceil(m / 3);
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Fills the year and quarter slots of a 17-amount row from its twelve months. */
export function rollUpRow(row: number[]): number[] {
  for (let q = 1; q <= 4; q++) row[q] = row[mIdx(3 * q - 2)] + row[mIdx(3 * q - 1)] + row[mIdx(3 * q)];
  row[0] = row[1] + row[2] + row[3] + row[4];
  return row;
}

export const emptyRow = () => new Array<number>(17).fill(0);
