import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { DashboardSummary } from '../../contract/records';

/**
 * The home screen's figures (P2.6): this year's sales by month against last year, year-to-date totals
 * and the leaders. "This year" is the year of the latest order, so an imported history shows too.
 */
export function dashboardSummary(db: Database): DashboardSummary {
  const latest = (db.prepare('SELECT max(date) AS d FROM orders').get() as { d: string | null }).d;
  const ref = latest ? dayjs(latest) : dayjs();
  const year = ref.year();
  const ytdEnd = ref.format('MM-DD');
  const byMonth = db
    .prepare(
      `SELECT CAST(substr(date, 1, 4) AS INTEGER) AS y, CAST(substr(date, 6, 2) AS INTEGER) AS m,
              sum(amount) AS sales, sum(coalesce(profit, 0)) AS profit
       FROM orders WHERE date >= ? AND date <= ? GROUP BY y, m`,
    )
    .all(`${year - 1}-01-01`, `${year}-12-31`) as { y: number; m: number; sales: number; profit: number }[];
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, sales: 0, lastYear: 0, profit: 0 }));
  for (const r of byMonth) {
    const slot = months[r.m - 1];
    if (r.y === year) {
      slot.sales = r.sales / 100;
      slot.profit = r.profit / 100;
    } else slot.lastYear = r.sales / 100;
  }
  const sum = (from: string, to: string, col = 'amount') =>
    ((db.prepare(`SELECT coalesce(sum(${col}), 0) AS v FROM orders WHERE date BETWEEN ? AND ?`).get(from, to) as { v: number }).v) / 100;
  const ytdFrom = `${year}-01-01`;
  const ytdTo = `${year}-${ytdEnd}`;
  const topPeople = db
    .prepare(
      `SELECT s.employee_no AS employeeNo, s.name, t.name AS team, sum(o.amount) / 100.0 AS sales
       FROM orders o JOIN staff s ON s.id = o.salesperson_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE o.date BETWEEN ? AND ? GROUP BY s.id ORDER BY sales DESC LIMIT 10`,
    )
    .all(ytdFrom, ytdTo) as DashboardSummary['topPeople'];
  const teams = db
    .prepare(
      `SELECT coalesce(t.name, '') AS name, sum(o.amount) / 100.0 AS sales
       FROM orders o JOIN staff s ON s.id = o.salesperson_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE o.date BETWEEN ? AND ? GROUP BY t.id ORDER BY sales DESC`,
    )
    .all(ytdFrom, ytdTo) as DashboardSummary['teams'];
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    year,
    months,
    ytdSales: sum(ytdFrom, ytdTo),
    ytdLastYear: sum(`${year - 1}-01-01`, `${year - 1}-${ytdEnd}`),
    ytdProfit: sum(ytdFrom, ytdTo, 'coalesce(profit, 0)'),
    activeStaff: one("SELECT count(*) AS n FROM staff WHERE status = 'active'"),
    customers: one('SELECT count(*) AS n FROM customers'),
    openTickets: one("SELECT count(*) AS n FROM tickets WHERE status IN ('new', 'in_progress', 'waiting')"),
    topPeople,
    teams,
  };
}
