import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { CompletionFigures, MonthPace, TargetsTracking, TrackingRow } from '../../contract/targets';
import { monthWorkingPace } from '../calendar';
import { latestOrderDateBetween, monthlySales } from '../../db/access/orders';
import { mIdx, quarterOf } from './periods';
import { loadPlan, type PlanNode } from './plan';
import { today } from '../context';

/**
 * Tracking (P2.6 item 10): actual sales against target by person, team and company for the month, the
 * quarter to date, the year to date (YTD actual ÷ YTD target) and the whole year, with the gap in yuan;
 * and the month's pace on China's working days ("at 60 % of the month's working days, 48 % of its target").
 */

/** The last month with orders in the year; a past year without orders counts as complete. */
function defaultAsOf(db: Database, year: number): number {
  const latest = latestOrderDateBetween(db, `${year}-01-01`, `${year}-12-31`);
  if (latest) return Number(latest.slice(5, 7));
  const now = new Date();
  return year < now.getFullYear() ? 12 : year > now.getFullYear() ? 1 : now.getMonth() + 1;
}

const figures = (target: number, actualFen: number): CompletionFigures => {
  const actual = Math.round(actualFen) / 100;
  return {
    target,
    actual,
    completion: target > 0 ? actual / target : null,
    gap: Math.round((actual - target) * 100) / 100,
  };
};

/** The day the pace counts to: the one asked for, else today in the current month, else the month's end (or nothing for a month to come). */
function paceDay(year: number, month: number, asOfDate?: string): string | null {
  if (asOfDate) return asOfDate;
  const day = today();
  const first = dayjs(new Date(year, month - 1, 1));
  if (day < first.format('YYYY-MM-DD')) return null;
  return day;
}

function companyPace(
  year: number,
  month: number,
  target: number,
  actualFen: number,
  asOfDate?: string,
): MonthPace | null {
  const day = paceDay(year, month, asOfDate);
  if (!day) return null;
  const p = monthWorkingPace(year, month, day);
  const actual = Math.round(actualFen) / 100;
  return { ...p, target, actual, targetShare: target > 0 ? actual / target : null };
}

/** `companyOnly` leaves out the teams' and people's rows (the dashboard's card draws the company alone). */
export function tracking(
  db: Database,
  year: number,
  asOfMonth?: number,
  asOfDate?: string,
  companyOnly = false,
): TargetsTracking {
  const asOf =
    asOfMonth ??
    (asOfDate && Number(asOfDate.slice(0, 4)) === year ? Number(asOfDate.slice(5, 7)) : defaultAsOf(db, year));
  const q = quarterOf(asOf);
  const plan = loadPlan(db, year);
  const act = monthlySales(db, year);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const rowOf = (n: PlanNode, actual: number[], team: string | null): TrackingRow => {
    const tsum = (ms: number[]) => ms.reduce((s, m) => s + n.row[mIdx(m)], 0);
    const asum = (ms: number[]) => ms.reduce((s, m) => s + actual[m - 1], 0);
    const qtd = range(3 * q - 2, asOf);
    const ytd = range(1, asOf);
    return {
      scope: n.scope,
      id: n.id,
      name: n.name,
      employeeNo: n.employeeNo,
      team,
      month: figures(n.row[mIdx(asOf)], actual[asOf - 1]),
      quarter: figures(tsum(qtd), asum(qtd)),
      quarterTarget: tsum(range(3 * q - 2, 3 * q)),
      ytd: figures(tsum(ytd), asum(ytd)),
      year: figures(n.row[0], asum(ytd)),
    };
  };
  const people: TrackingRow[] = [];
  const teams = (companyOnly ? [] : plan.teams).map((t) => {
    const teamActual = new Array<number>(12).fill(0);
    for (const p of t.children) {
      const a = act.byPerson.get(p.id)?.sales ?? new Array<number>(12).fill(0);
      a.forEach((v, i) => (teamActual[i] += v));
      people.push(rowOf(p, a, t.name));
    }
    return rowOf(t, teamActual, null);
  });
  let ct = 0;
  let ca = 0;
  const months = range(1, 12).map((m) => {
    ct += plan.company.row[mIdx(m)];
    ca += m <= asOf ? act.company.sales[m - 1] : 0;
    return {
      month: m,
      target: plan.company.row[mIdx(m)],
      actual: m <= asOf ? act.company.sales[m - 1] / 100 : 0,
      cumulativeTarget: ct,
      cumulativeActual: Math.round(ca) / 100,
    };
  });
  const pace = companyPace(year, asOf, plan.company.row[mIdx(asOf)], act.company.sales[asOf - 1], asOfDate);
  return {
    year,
    pace,
    asOfMonth: asOf,
    quarter: q,
    months,
    company: rowOf(plan.company, act.company.sales, null),
    teams,
    people,
  };
}
