/** Quarters 'YYYYQn' for the pickers: the last completed quarter is the one usually appraised. */
export function lastCompletedQuarter(today = new Date()): string {
  const q = Math.floor(today.getMonth() / 3) + 1;
  return q === 1 ? `${today.getFullYear() - 1}Q4` : `${today.getFullYear()}Q${q - 1}`;
}

export function shiftQuarter(quarter: string, n: number): string {
  const idx = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 + n;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

/** The quarters offered: those with a appraisal, plus the last eight up to the current one. */
export function quarterOptions(withAppraisals: string[], today = new Date()): string[] {
  const current = shiftQuarter(lastCompletedQuarter(today), 1);
  const recent = Array.from({ length: 8 }, (_, i) => shiftQuarter(current, -i));
  return [...new Set([...withAppraisals, ...recent])].sort().reverse();
}
