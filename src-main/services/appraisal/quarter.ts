/** Quarters are 'YYYYQn' (architecture: dates ISO text, quarters 'YYYYQn'). */
interface QuarterInfo {
  quarter: string;
  year: number;
  q: number;
  /** first and last day, ISO */
  start: string;
  end: string;
  /** target_cells periods of its months: 'M1'..'M3' for Q1 */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function quarterInfo(quarter: string): QuarterInfo {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const m1 = (q - 1) * 3 + 1;
  return {
    quarter,
    year,
    q,
    start: `${year}-${pad(m1)}-01`,
    end: `${year}-${pad(m1 + 2)}-${pad(lastDay(year, m1 + 2))}`,
    months: [m1, m1 + 1, m1 + 2].map((m) => `M${m}`),
  };
}

/** The quarter `n` quarters before (n > 0) or after (n < 0) this one. */
export function shiftQuarter(quarter: string, n: number): string {
  const idx = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 - n;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

export function quarterOfDate(iso: string): string {
  return `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}
