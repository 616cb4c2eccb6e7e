import type { Database } from 'better-sqlite3';
import type { ReportPersonRow, ReportProductRow, SalesReportData } from '../../contract/sales-report';
import {
  orderActivity,
  orderCountBySalesperson,
  salesBySalespersonAndProduct,
  type OrderScope,
} from '../../db/access/orders';
import { salesTargetsOfPeriod } from '../../db/access/targets';
import { ensureSurveyCache } from '../survey/score-cache';
import { ticketSettings, ticketWorkDay } from '../tickets/settings';
import { type ClockRow, pausesOf, ticketClock } from '../tickets/store';
import type { ReportPeriod } from './periods';

/**
 * The figures of a sales report (P2.6, P5.6), computed once from orders, targets, plans, interactions,
 * opportunities, tickets and survey answers, and then kept frozen with the report. Amounts are read in
 * fen and answered in yuan. A person's orders count for the team the person belongs to now (as in
 * tracking, monthlySales in db/access/orders.ts). Sections whose tables are empty say so (`hasData: false`).
 */

const yuan = (fen: number) => Math.round(fen) / 100;
const ratio = (a: number, b: number | null) => (b ? a / b : null);
const growth = (now: number, before: number) => (before > 0 ? (now - before) / before : null);

interface Scope {
  teamId: number | null;
  /** SQL restricting a staff id column to the scope ('' for the company). */
  staff: (col: string) => string;
}

/** The same scope as the order reads take it. */
const ofTeam = (s: Scope): OrderScope => (s.teamId === null ? null : { teamId: s.teamId });

function scopeOf(teamId: number | null): Scope {
  return {
    teamId,
    staff: (col) => (teamId === null ? '' : ` AND ${col} IN (SELECT id FROM staff WHERE team_id = ${Number(teamId)})`),
  };
}

/**
 * One scan of a range's orders grouped by (salesperson, product): the people's, the products' and the
 * total sales all come from it, rather than one scan of the range each (≈ 30,000 order lines a month
 * on the large demo).
 */
interface RangeSales {
  byPerson: Map<number | null, number>;
  byProduct: Map<number | null, number>;
  total: number;
}

function rangeSales(db: Database, s: Scope, from: string, to: string): RangeSales {
  const rows = salesBySalespersonAndProduct(db, from, to, ofTeam(s));
  const out: RangeSales = { byPerson: new Map(), byProduct: new Map(), total: 0 };
  for (const [sp, pr, fen] of rows) {
    out.byPerson.set(sp, (out.byPerson.get(sp) ?? 0) + fen);
    out.byProduct.set(pr, (out.byProduct.get(pr) ?? 0) + fen);
    out.total += fen;
  }
  return out;
}

/** Targets in fen by scope id for the period: each month's cell × the share of it that falls in the period. */
function targets(db: Database, p: ReportPeriod, scope: 'company' | 'team' | 'person'): Map<number, number> {
  const out = new Map<number, number>();
  for (const { year, month, share } of p.targetShares) {
    for (const r of salesTargetsOfPeriod(db, year, `M${month}`, scope))
      out.set(r.id, (out.get(r.id) ?? 0) + r.amount * share);
  }
  return out;
}

function peopleRows(db: Database, p: ReportPeriod, s: Scope, now: RangeSales, ly: RangeSales): ReportPersonRow[] {
  const orders = orderCountBySalesperson(db, p.from, p.to, ofTeam(s));
  const tg = targets(db, p, 'person');
  const staff = db
    .prepare(
      `SELECT s.id, s.employee_no AS no, s.name, t.name AS team FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE 1 = 1${s.staff('s.id')}`,
    )
    .all() as { id: number; no: string; name: string; team: string | null }[];
  const rows: ReportPersonRow[] = [];
  for (const x of staff) {
    const fen = now.byPerson.get(x.id) ?? 0;
    const tFen = tg.get(x.id);
    if (!fen && !tFen) continue;
    const target = tFen === undefined ? null : Math.round(tFen) / 100;
    const actual = yuan(fen);
    const lastYear = yuan(ly.byPerson.get(x.id) ?? 0);
    rows.push({
      staffId: x.id,
      employeeNo: x.no,
      name: x.name,
      team: x.team,
      target,
      actual,
      completion: ratio(actual, target),
      lastYear,
      yoy: growth(actual, lastYear),
      orders: orders.get(x.id) ?? 0,
    });
  }
  return rows.sort((a, b) => b.actual - a.actual || a.employeeNo.localeCompare(b.employeeNo));
}

function productRows(
  db: Database,
  total: number,
  now: RangeSales,
  prev: RangeSales,
  ly: RangeSales,
): ReportProductRow[] {
  const names = new Map(
    (
      db.prepare('SELECT id, name, category FROM products').all() as {
        id: number;
        name: string;
        category: string | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const keys = new Set([...now.byProduct.keys(), ...prev.byProduct.keys(), ...ly.byProduct.keys()]);
  return [...keys]
    .map((k) => {
      const actual = yuan(now.byProduct.get(k) ?? 0);
      const previous = yuan(prev.byProduct.get(k) ?? 0);
      const lastYear = yuan(ly.byProduct.get(k) ?? 0);
      const info = k === null ? undefined : names.get(k);
      return {
        product: info?.name ?? '—',
        category: info?.category ?? null,
        actual,
        lastYear,
        yoy: growth(actual, lastYear),
        previous,
        mom: growth(actual, previous),
        share: total > 0 ? actual / total : 0,
        target: null,
      };
    })
    .sort((a, b) => b.actual - a.actual || a.product.localeCompare(b.product));
}

function pipeline(db: Database, p: ReportPeriod, s: Scope): SalesReportData['pipeline'] {
  const w = `1 = 1${s.staff('staff_id')}`;
  const stages = db
    .prepare(
      `SELECT stage, count(*) AS count, coalesce(sum(amount), 0) AS fen FROM opportunities WHERE ${w} AND stage NOT IN ('won', 'lost') GROUP BY stage`,
    )
    .all() as { stage: string; count: number; fen: number }[];
  const sum = (extra: string) =>
    db
      .prepare(
        `SELECT count(*) AS count, coalesce(sum(amount), 0) AS fen FROM opportunities WHERE ${w} AND expected_date BETWEEN ? AND ? AND ${extra}`,
      )
      .get(p.from, p.to) as { count: number; fen: number };
  const any = (db.prepare(`SELECT count(*) AS n FROM opportunities WHERE ${w}`).get() as { n: number }).n > 0;
  const exp = sum("stage NOT IN ('won', 'lost')");
  const won = sum("stage = 'won'");
  const order = ['needs', 'proposal', 'demo', 'negotiation', 'contract'];
  return {
    hasData: any,
    stages: stages
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))
      .map((r) => ({ stage: r.stage, count: r.count, amount: yuan(r.fen) })),
    expectedInPeriod: { count: exp.count, amount: yuan(exp.fen) },
    wonInPeriod: { count: won.count, amount: yuan(won.fen) },
  };
}

function activities(db: Database, p: ReportPeriod, s: Scope): SalesReportData['activities'] {
  // visits, calls… of the period by kind: done against those still planned or cancelled (P2.6, P4.2)
  const interactions = db
    .prepare(
      `SELECT kind, count(*) FILTER (WHERE status = 'done') AS count, count(*) FILTER (WHERE status = 'planned') AS planned,
              count(*) FILTER (WHERE status = 'cancelled') AS cancelled
       FROM interactions WHERE date BETWEEN ? AND ?${s.staff('staff_id')} GROUP BY kind ORDER BY count DESC, kind`,
    )
    .all(p.from, p.to) as { kind: string; count: number; planned: number; cancelled: number }[];
  const a = db
    .prepare(
      `SELECT count(*) FILTER (WHERE status = 'planned') AS planned, count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
              coalesce(sum(budget), 0) AS budget, coalesce(sum(spent), 0) AS spent, coalesce(sum(credited_sales), 0) AS credited
       FROM plan_activities WHERE date BETWEEN ? AND ?${s.staff('owner_id')}`,
    )
    .get(p.from, p.to) as {
    planned: number;
    done: number;
    cancelled: number;
    budget: number;
    spent: number;
    credited: number;
  };
  return {
    hasData: interactions.length > 0 || a.planned + a.done + a.cancelled > 0,
    interactions,
    planned: a.planned,
    done: a.done,
    cancelled: a.cancelled,
    budget: yuan(a.budget),
    spent: yuan(a.spent),
    creditedSales: yuan(a.credited),
  };
}

function tickets(db: Database, p: ReportPeriod, s: Scope, orders: number): SalesReportData['tickets'] {
  const st = s.staff('staff_id');
  const o = db
    .prepare(
      `SELECT count(*) AS opened, coalesce(sum(complaint), 0) AS complaints, count(*) FILTER (WHERE status IN ('new', 'in_progress', 'waiting')) AS stillOpen FROM tickets WHERE opened_date BETWEEN ? AND ?${st}`,
    )
    .get(p.from, p.to) as { opened: number; complaints: number; stillOpen: number };
  // resolved in the period, and of those with a target how many within it, by the tickets' own clock
  // (working hours less pauses, services/tickets/store.ts: the one definition of "within target", P4.6)
  const resolved = db
    .prepare(
      `SELECT id, opened_date, opened_at, first_response_at, resolved_date, resolved_at, target_hours, status FROM tickets WHERE resolved_date BETWEEN ? AND ?${st}`,
    )
    .all(p.from, p.to) as ClockRow[];
  const timed = resolved.filter((x) => x.target_hours !== null);
  const settings = ticketSettings(db);
  const wd = ticketWorkDay(settings);
  const pauses = pausesOf(
    db,
    timed.map((x) => x.id),
  );
  const within = timed.filter(
    (x) => ticketClock(x, pauses.get(x.id) ?? [], `${p.to}T23:59`, settings, wd).onTime,
  ).length;
  const r = { resolved: resolved.length, timed: timed.length, within };
  return {
    hasData: o.opened + r.resolved > 0,
    opened: o.opened,
    complaints: o.complaints,
    resolved: r.resolved,
    stillOpen: o.stillOpen,
    withinTarget: r.timed > 0 ? r.within / r.timed : null,
    complaintsPer100Orders: orders > 0 ? (o.complaints / orders) * 100 : null,
  };
}

/**
 * Survey results of the responses submitted in the period, from the survey score cache (migration 006,
 * kept in step by ensureSurveyCache): mean of the 5-point answers, and NPS from each survey's NPS
 * question, as the survey analysis counts them (services/survey/score-cache.ts).
 */
function survey(db: Database, p: ReportPeriod, s: Scope): SalesReportData['survey'] {
  ensureSurveyCache(db);
  const rows = db
    .prepare(
      `SELECT v.name AS survey, count(*) AS responses, sum(c.sat_sum) AS total, sum(c.sat_n) AS n,
              count(c.nps) AS npsN, count(CASE WHEN c.nps >= 9 THEN 1 END) AS pro, count(CASE WHEN c.nps <= 6 THEN 1 END) AS det
       FROM survey_response_scores c JOIN surveys v ON v.id = c.survey_id
       WHERE c.day BETWEEN ? AND ?${s.staff('c.salesperson_id')} GROUP BY v.id ORDER BY responses DESC, v.name`,
    )
    .all(p.from, p.to) as {
    survey: string;
    responses: number;
    total: number;
    n: number;
    npsN: number;
    pro: number;
    det: number;
  }[];
  const sum = (k: 'responses' | 'total' | 'n' | 'npsN' | 'pro' | 'det') => rows.reduce((x, r) => x + r[k], 0);
  return {
    hasData: rows.length > 0,
    responses: sum('responses'),
    satisfaction: sum('n') > 0 ? sum('total') / sum('n') : null,
    nps: sum('npsN') > 0 ? ((sum('pro') - sum('det')) / sum('npsN')) * 100 : null,
    bySurvey: rows.map((r) => ({
      survey: r.survey,
      responses: r.responses,
      satisfaction: r.n > 0 ? r.total / r.n : null,
    })),
  };
}

/** Every figure of the report for the company (teamId null) or one team. */
export function computeReport(
  db: Database,
  p: ReportPeriod,
  team: { id: number; name: string } | null,
): SalesReportData {
  const s = scopeOf(team?.id ?? null);
  const now = rangeSales(db, s, p.from, p.to);
  const prev = rangeSales(db, s, p.previous.from, p.previous.to);
  const ly = rangeSales(db, s, p.lastYear.from, p.lastYear.to);
  const c = orderActivity(db, p.from, p.to, ofTeam(s));
  const tFen = targets(db, p, team ? 'team' : 'company').get(team?.id ?? 0);
  const target = tFen === undefined ? null : Math.round(tFen) / 100;
  const actual = yuan(now.total);
  const people = peopleRows(db, p, s, now, ly);
  const ranked = people
    .filter((x) => x.completion !== null)
    .sort((a, b) => b.completion! - a.completion! || b.actual - a.actual);
  const top = ranked.slice(0, 5);
  const bottom = ranked.slice(Math.max(top.length, ranked.length - 5)).reverse();
  return {
    kind: p.kind,
    period: p.period,
    from: p.from,
    to: p.to,
    team,
    workingDays: p.workingDays,
    officialCalendar: p.officialCalendar,
    summary: {
      target,
      actual,
      completion: ratio(actual, target),
      lastYear: yuan(ly.total),
      yoy: growth(actual, yuan(ly.total)),
      previous: yuan(prev.total),
      mom: growth(actual, yuan(prev.total)),
      orders: c.orders,
      customers: c.customers,
      people: people.length,
    },
    people,
    products: productRows(db, actual, now, prev, ly),
    top,
    bottom,
    pipeline: pipeline(db, p, s),
    activities: activities(db, p, s),
    tickets: tickets(db, p, s, c.orders),
    survey: survey(db, p, s),
  };
}
