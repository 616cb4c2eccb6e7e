/**
 * The periods of a target row, in the order every array of 17 amounts uses:
 * index 0 = the year, 1..4 = Q1..Q4, 5..16 = M1..M12 (P2.2: year → quarter → month).
 */
export const PERIODS = [
  'Y',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'M7',
  'M8',
  'M9',
  'M10',
  'M11',
  'M12',
] as const;
export type Period = (typeof PERIODS)[number];
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
