import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { HomeFigures, HomePage, HomeRow } from '../../contract/sales-report';
import { monthWorkingPace } from '../calendar';
import { dueVisits } from '../care/visits';
import { ensureSurveyCache } from '../survey/score-cache';
import { latestOrderDate, monthlySales, salesToDateBySalesperson } from '../../db/access/orders';
import { salesTargetsOfPeriod } from '../../db/access/targets';
import { localNow } from '../tickets/sla-clock';
import { listTickets } from '../tickets/store';
import { today } from '../context';

/**
 * The manager's home page (issue 15 item 6, P2.6): where we stand this month and quarter against target
 * (company, teams, people), who is ahead and who is behind the month's working-day pace, and what needs
 * the manager today (overdue visits, tickets near their service-level breach, contracts awaiting
 * approval), with the survey trend and the appraisal's status. Tables still empty say so (hasData).
 * "Today" is the date of the latest order when there is one (an imported history shows as of its end).
 */

const yuan = (fen: number) => Math.round(fen) / 100;
const fig = (targetFen: number, actualFen: number): HomeFigures => {
  const target = yuan(targetFen);
  const actual = yuan(actualFen);
  return {
    target,
    actual,
    completion: target > 0 ? actual / target : null,
    gap: Math.round((actual - target) * 100) / 100,
  };
};

/**
 * Month and quarter to date by salesperson, in fen. When no order comes after the day asked for, whole
 * months are the same as months to date: the cached monthly actuals serve (≈ 10 ms instead of a scan of
 * a quarter of orders, monthlySales in db/access/orders.ts); otherwise one scan of the quarter to date.
 */
function actuals(db: Database, asOf: string, year: number, month: number, quarter: number, quarterFrom: string) {
  const mAct = new Map<number | null, number>();
  const qAct = new Map<number | null, number>();
  const latest = latestOrderDate(db);
  if (!latest || latest <= asOf) {
    const ms = [3 * quarter - 2, 3 * quarter - 1, 3 * quarter].filter((m) => m <= month);
    const a = monthlySales(db, year, ms);
    for (const [id, v] of a.byPerson) {
      mAct.set(id, v.sales[month - 1]);
      qAct.set(
        id,
        ms.reduce((x, m) => x + v.sales[m - 1], 0),
      );
    }
    // orders without a salesperson count for the company
    const rest = (arr: number[], ms2: number[]) => ms2.reduce((x, m) => x + arr[m - 1], 0);
    let pm = 0;
    let pq = 0;
    for (const v of a.byPerson.values()) {
      pm += v.sales[month - 1];
      pq += rest(v.sales, ms);
    }
    mAct.set(null, a.company.sales[month - 1] - pm);
    qAct.set(null, rest(a.company.sales, ms) - pq);
    return { mAct, qAct };
  }
  for (const r of salesToDateBySalesperson(db, quarterFrom, `${asOf.slice(0, 7)}-01`, asOf)) {
    mAct.set(r.salespersonId, r.since);
    qAct.set(r.salespersonId, r.sales);
  }
  return { mAct, qAct };
}

function defaultAsOf(db: Database): string {
  return latestOrderDate(db) ?? today();
}

export function homePage(db: Database, input: { asOf?: string; teamId?: number }): HomePage {
  const asOf = input.asOf ?? defaultAsOf(db);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const monthFrom = `${asOf.slice(0, 7)}-01`;
  const quarterFrom = `${year}-${String(3 * quarter - 2).padStart(2, '0')}-01`;
  const pace = monthWorkingPace(year, month, asOf);

  const { mAct, qAct } = actuals(db, asOf, year, month, quarter, quarterFrom);
  const cells = (period: string) => {
    const m = new Map<string, number>();
    for (const r of salesTargetsOfPeriod(db, year, period)) m.set(`${r.scope}:${r.id}`, r.amount);
    return m;
  };
  const mT = cells(`M${month}`);
  const qT = cells(`Q${quarter}`);
  const staff = db
    .prepare(
      "SELECT s.id, s.name, s.employee_no AS no, s.team_id AS teamId, t.name AS team FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE s.status = 'active' OR s.left_date >= ?",
    )
    .all(monthFrom) as { id: number; name: string; no: string; teamId: number | null; team: string | null }[];

  const teamSums = new Map<number, { m: number; q: number }>();
  const people: HomeRow[] = [];
  for (const s of staff) {
    const m = mAct.get(s.id) ?? 0;
    const q = qAct.get(s.id) ?? 0;
    if (s.teamId !== null) {
      const x = teamSums.get(s.teamId) ?? { m: 0, q: 0 };
      teamSums.set(s.teamId, { m: x.m + m, q: x.q + q });
    }
    if (input.teamId !== undefined && s.teamId !== input.teamId) continue;
    const tm = mT.get(`person:${s.id}`);
    if (tm === undefined && m === 0) continue;
    people.push({
      id: s.id,
      name: s.name,
      employeeNo: s.no,
      team: s.team,
      month: fig(tm ?? 0, m),
      quarter: fig(qT.get(`person:${s.id}`) ?? 0, q),
    });
  }
  const teams = (
    db.prepare('SELECT id, name FROM teams WHERE active = 1 ORDER BY name').all() as { id: number; name: string }[]
  )
    .filter((t) => input.teamId === undefined || t.id === input.teamId)
    .map((t) => ({
      id: t.id,
      name: t.name,
      employeeNo: null,
      team: null,
      month: fig(mT.get(`team:${t.id}`) ?? 0, teamSums.get(t.id)?.m ?? 0),
      quarter: fig(qT.get(`team:${t.id}`) ?? 0, teamSums.get(t.id)?.q ?? 0),
    }));
  let cm = 0;
  let cq = 0;
  for (const v of mAct.values()) cm += v;
  for (const v of qAct.values()) cq += v;
  const company: HomeRow = {
    id: 0,
    name: '',
    employeeNo: null,
    team: null,
    month: fig(mT.get('company:0') ?? 0, cm),
    quarter: fig(qT.get('company:0') ?? 0, cq),
  };

  const ranked = people
    .filter((p) => p.month.completion !== null)
    .sort((a, b) => b.month.completion! - a.month.completion! || b.month.actual - a.month.actual);
  // behind plan: below the month's target × the share of its working days gone (P2.6 pace)
  const behindAll = people
    .map((p) => ({ ...p, expected: Math.round(p.month.target * pace.timeShare * 100) / 100 }))
    .filter((p) => p.month.target > 0 && p.month.actual < p.expected)
    .sort((a, b) => a.month.actual - a.expected - (b.month.actual - b.expected));

  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  // What needs the manager today is read as of today (the figures above as of the latest order), unless a
  // day is asked for: overdue visits by the customer care module's one rule (visits/due, P4.2) and tickets
  // near breach by the Service screen's clock (working hours less pauses, P4.6), so that each tile counts
  // what the screen it opens lists.
  const teamNo = input.teamId ?? null;
  const now = localNow();
  const opsDay = input.asOf ?? now.slice(0, 10);
  const buying = one<{ n: number }>("SELECT count(*) AS n FROM customers WHERE stage = 'customer'").n;
  const overdue = buying ? dueVisits(db, { asOf: opsDay, team: teamNo, includeDueSoon: false }).items.length : 0;
  const clockAt = input.asOf ? `${input.asOf}T23:59` : now;
  const open = (['new', 'in_progress', 'waiting'] as const).flatMap((status) =>
    listTickets(db, { status, to: opsDay }, clockAt),
  );
  const tk = {
    near: open.filter((t) => t.sla === 'due-soon').length,
    breached: open.filter((t) => t.sla === 'breached').length,
  };
  const anyTickets = one<{ n: number }>('SELECT count(*) AS n FROM tickets').n > 0;
  const contracts = one<{ n: number; fen: number; all: number }>(
    "SELECT count(*) FILTER (WHERE status = 'in_review') AS n, coalesce(sum(amount) FILTER (WHERE status = 'in_review'), 0) AS fen, count(*) AS 'all' FROM contracts",
  );
  const from6 = dayjs(monthFrom).subtract(5, 'month').format('YYYY-MM-DD');
  ensureSurveyCache(db);
  const survey = db
    .prepare(
      `SELECT substr(day, 1, 7) AS month, count(*) AS responses, CASE WHEN sum(sat_n) > 0 THEN sum(sat_sum) * 1.0 / sum(sat_n) END AS satisfaction
       FROM survey_response_scores WHERE day >= ? AND day <= ? GROUP BY month ORDER BY month`,
    )
    .all(from6, asOf) as HomePage['surveyTrend'];
  const q = `${year}Q${quarter}`;
  const appraisal = db
    .prepare('SELECT quarter, status FROM reviews WHERE quarter <= ? ORDER BY quarter DESC LIMIT 1')
    .get(q) as { quarter: string; status: string } | undefined;
  return {
    asOf,
    year,
    month,
    quarter,
    pace: {
      workingDays: pace.workingDays,
      elapsedWorkingDays: pace.elapsedWorkingDays,
      timeShare: pace.timeShare,
      officialCalendar: pace.officialCalendar,
    },
    company,
    teams,
    ranking: ranked.slice(0, 10),
    behind: behindAll.slice(0, 10),
    behindCount: behindAll.length,
    overdueVisits: { hasData: buying > 0, count: overdue },
    ticketsNearBreach: { hasData: anyTickets, count: tk.near, breached: tk.breached },
    contractsAwaiting: { hasData: contracts.all > 0, count: contracts.n, amount: yuan(contracts.fen) },
    surveyTrend: survey,
    appraisal: appraisal ?? { quarter: q, status: null },
  };
}
