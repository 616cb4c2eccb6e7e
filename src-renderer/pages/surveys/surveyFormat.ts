import type { Lang } from '../../i18n/lang';
import { formatNumber } from '../../i18n/format';

/** How the survey screens write their statistics (P4.7): NPS as a signed whole number, shares in %. */
export function fmtNps(v: number | null | undefined, lang: Lang): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const s = formatNumber(v, lang, 1);
  return v > 0 ? `+${s}` : s;
}

export function fmtCi(ci: [number, number] | null | undefined, lang: Lang): string {
  if (!ci) return '—';
  return `${formatNumber(ci[0], lang, 1)} … ${formatNumber(ci[1], lang, 1)}`;
}

export function fmtPct(v: number | null | undefined, lang: Lang): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return `${formatNumber(v, lang, 1)}%`;
}

export function fmtMean(v: number | null | undefined, lang: Lang, digits = 2): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return formatNumber(v, lang, digits);
}

export function fmtP(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export const CATEGORICAL_TYPES = new Set(['likert5', 'nps', 'ces7', 'choice', 'multi']);
