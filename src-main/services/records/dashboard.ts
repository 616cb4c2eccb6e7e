import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { DashboardSummary } from '../../contract/records';
import { customerCount } from '../../db/access/customers';
import { latestOrderDate, salesTotal } from '../../db/access/orders';

/**
 * The home screen's figures (P2.6): this year's sales by month against last year, year-to-date totals
 * and the leaders. "This year" is the year of the latest order, so an imported history shows too.
 *
 * Read from the monthly totals per salesperson (migration 009, kept in step by triggers) rather than
 * from the order lines: a few thousand rows instead of a million (issue 12 item 11). Only last year's
 * part of a month (up to the latest order's day) is summed from the lines, through the date index.
 */
/** The day the dashboard counts to: the latest order's, or today when there is none. */
function dashboardDay(db: Database): dayjs.Dayjs {
  const latest = latestOrderDate(db);
  return latest ? dayjs(latest) : dayjs();
}

/** The dashboard's year, which its target card tracks too (`targets/tracking` without a year). */
export const dashboardYear = (db: Database): number => dashboardDay(db).year();

export function dashboardSummary(db: Database): DashboardSummary {
  const ref = dashboardDay(db);
  const year = ref.year();
  const ytdEnd = ref.format('MM-DD');
  const byMonth = db
    .prepare(
      `SELECT CAST(substr(month, 1, 4) AS INTEGER) AS y, CAST(substr(month, 6, 2) AS INTEGER) AS m, sum(sales) AS sales, sum(profit) AS profit
       FROM order_month_totals WHERE month >= ? AND month <= ? GROUP BY month`,
    )
    .all(`${year - 1}-01`, `${year}-12`) as { y: number; m: number; sales: number; profit: number }[];
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, sales: 0, lastYear: 0, profit: 0 }));
  let ytdSales = 0;
  let ytdProfit = 0;
  let ytdLastYear = 0;
  const endMonth = Number(ytdEnd.slice(0, 2));
  for (const r of byMonth) {
    const slot = months[r.m - 1];
    if (r.y === year) {
      slot.sales = r.sales / 100;
      slot.profit = r.profit / 100;
      // The latest order is in this year, so every line of this year is on or before it.
      ytdSales += r.sales;
      ytdProfit += r.profit;
    } else {
      slot.lastYear = r.sales / 100;
      if (r.m < endMonth) ytdLastYear += r.sales;
    }
  }
  const partial = `${year - 1}-${ytdEnd.slice(0, 2)}`;
  ytdLastYear += salesTotal(db, `${partial}-01`, `${year - 1}-${ytdEnd}`);
  const span = [`${year}-01`, `${year}-${ytdEnd.slice(0, 2)}`];
  const topPeople = db
    .prepare(
      `SELECT s.employee_no AS employeeNo, s.name, t.name AS team, sum(m.sales) / 100.0 AS sales
       FROM order_month_totals m JOIN staff s ON s.id = m.salesperson_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE m.month BETWEEN ? AND ? GROUP BY s.id ORDER BY sales DESC, s.employee_no LIMIT 10`,
    )
    .all(...span) as DashboardSummary['topPeople'];
  const teams = db
    .prepare(
      `SELECT coalesce(t.name, '') AS name, sum(m.sales) / 100.0 AS sales
       FROM order_month_totals m JOIN staff s ON s.id = m.salesperson_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE m.month BETWEEN ? AND ? GROUP BY t.id ORDER BY sales DESC`,
    )
    .all(...span) as DashboardSummary['teams'];
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    year,
    months,
    ytdSales: ytdSales / 100,
    ytdLastYear: ytdLastYear / 100,
    ytdProfit: ytdProfit / 100,
    activeStaff: one("SELECT count(*) AS n FROM staff WHERE status = 'active'"),
    customers: customerCount(db),
    openTickets: one("SELECT count(*) AS n FROM tickets WHERE status IN ('new', 'in_progress', 'waiting')"),
    topPeople,
    teams,
  };
}
