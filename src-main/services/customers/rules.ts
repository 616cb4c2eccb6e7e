import type { Database } from 'better-sqlite3';
import {
  customerRules,
  type CustomerRules,
  type Grade,
  type GradeReason,
  type Lifecycle,
} from '../../contract/customers';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getSetting, putSetting } from '../system/settings';

const KEY = 'customers.rules';

/** P4.1, P4.2 defaults: A ≥ ¥500k and 15% margin, B ≥ ¥100k; A visited monthly, B quarterly, C twice a year. */
export const DEFAULT_RULES: CustomerRules = {
  gradeA: { sales: 500_000, marginPct: 15 },
  gradeB: { sales: 100_000, marginPct: 0 },
  cadenceDays: { A: 30, B: 90, C: 182 },
  dormantMonths: 12,
  dueSoonDays: 7,
};

export function readRules(db: Database): CustomerRules {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_RULES;
  const parsed = customerRules.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

export function writeRules(ctx: ServiceContext, rules: CustomerRules, reason: string | null | undefined): void {
  const old = readRules(ctx.db);
  putSetting(ctx.db, KEY, JSON.stringify(rules));
  audit(ctx.db, {
    actor: ctx.actor,
    entity: 'customer-rules',
    entityId: 'rules',
    oldValue: old,
    newValue: rules,
    reason,
  });
}

const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * P4.1 grade rule: A when the last 12 months' sales reach A's threshold AND the margin reaches A's; else B
 * likewise; else C. Both conditions must hold so that a big customer bought at a loss is not A. The reasons
 * say which condition decided, with the numbers.
 */
export function gradeOf(
  salesFen: number,
  profitFen: number,
  rules: CustomerRules,
): { grade: Grade; reasons: GradeReason[] } {
  const sales = yuan(salesFen);
  const marginPct = salesFen > 0 ? Math.round((profitFen / salesFen) * 1000) / 10 : 0;
  const reasons: GradeReason[] = [];
  for (const [grade, t] of [
    ['A', rules.gradeA],
    ['B', rules.gradeB],
  ] as const) {
    const salesOk = sales >= t.sales;
    const marginOk = marginPct >= t.marginPct;
    if (salesOk && marginOk) {
      reasons.push({
        key: 'meets',
        params: { grade, sales, threshold: t.sales, marginPct, marginThreshold: t.marginPct },
      });
      return { grade, reasons };
    }
    if (!salesOk) reasons.push({ key: 'sales-below', params: { grade, sales, threshold: t.sales } });
    if (!marginOk) reasons.push({ key: 'margin-below', params: { grade, marginPct, marginThreshold: t.marginPct } });
  }
  return { grade: 'C', reasons };
}

/** The date `months` calendar months after an ISO date (the 31st goes to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an ISO date, without building a Date from text (the overdue list does this 20,000 times). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * P3.1 lifecycle: lost and lead/prospect are as recorded; a buying customer whose last order is more than
 * `dormantMonths` ago is dormant from the day that period ran out.
 */
export function lifecycleOf(
  stage: string,
  lastOrder: string | null,
  asOf: string,
  dormantMonths: number,
): { lifecycle: Lifecycle; since: string | null } {
  if (stage === 'lost' || stage === 'lead' || stage === 'prospect') return { lifecycle: stage, since: null };
  if (lastOrder) {
    const dormantFrom = addMonths(lastOrder, dormantMonths);
    if (dormantFrom <= asOf) return { lifecycle: 'dormant', since: dormantFrom };
  }
  return { lifecycle: 'customer', since: null };
}

/** Plain code-point order: ISO dates, grades and codes sort right, and 50,000 events sort in milliseconds (localeCompare does not). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
