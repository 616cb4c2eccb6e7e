import type { Lang } from './lang';

/**
 * Locale formatting of the workbench's numbers, money and dates. Money arrives from the API in yuan
 * and is always shown as ¥ with two decimals; dates are ISO `YYYY-MM-DD` calendar days (no time zone).
 */
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

// Making an Intl formatter costs far more than using one (a chart's twelve month labels made twelve).
const dateCache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    dateCache.set(key, f);
  }
  return f;
}

export function formatMoney(value: number | null | undefined, lang: Lang): string {
  if (value == null || !Number.isFinite(value)) return '';
  return numberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** Short money for chart axes and KPI subtitles: ¥1.2M in English, ¥120万 in Chinese. */
export function formatMoneyCompact(value: number | null | undefined, lang: Lang): string {
  if (value == null || !Number.isFinite(value)) return '';
  return numberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatNumber(value: number | null | undefined, lang: Lang, fractionDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return '';
  return numberFormat(lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/** A ratio (0.125) as a signed percentage (+12.5%); null when there is nothing to compare with. */
export function formatChange(ratio: number | null, lang: Lang): string {
  if (ratio == null || !Number.isFinite(ratio)) return '';
  return numberFormat(lang, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

/** A ratio (0.125) as a percentage (12.5%). */
export function formatPercent(ratio: number | null, lang: Lang, fractionDigits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return '';
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/** Change from `previous` to `current`, or null when `previous` is zero (no base to compare with). */
export function changeRatio(current: number, previous: number): number | null {
  if (!previous) return null;
  return (current - previous) / Math.abs(previous);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A timestamp such as a backup's or an audit row's, in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${formatNumber(v, lang, i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Elapsed time of a job as m:ss (or h:mm:ss). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Month labels for charts: 1月…12月 or Jan…Dec. */
export function monthLabel(month: number, lang: Lang): string {
  return dateFormat(lang, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
