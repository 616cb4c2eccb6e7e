import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';

/**
 * Issue 14 on the large demo (1,000 salespeople, 1,000,000 orders): one team's opportunity board
 * (goal < 300 ms), the company's pipeline coverage for a quarter (goal < 500 ms) and a year of
 * service-quality figures in working hours (goal < 500 ms), each through dispatch as a door calls it.
 * Read only: the shared demo is opened as it is.
 */
export default async function salesProcessBench(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.largeDemoDir) return [];
  const ws = new Workspace(ctx.largeDemoDir);
  try {
    const db = ws.db;
    const team = (
      db
        .prepare(
          'SELECT s.team_id AS id FROM opportunities o JOIN staff s ON s.id = o.staff_id GROUP BY s.team_id ORDER BY count(*) DESC LIMIT 1',
        )
        .get() as { id: number }
    ).id;
    const today = (db.prepare('SELECT max(opened_date) AS d FROM tickets').get() as { d: string }).d;
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const from = `${year - 1}${today.slice(4)}`;
    const run = async (name: string, input: unknown) => {
      const r = await dispatch(ws, name, input, { lang: 'en', actor: 'bench' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const median = async (f: () => Promise<unknown>) => {
      await f();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await f();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[2];
    };
    const ms = (v: number) => `${Math.round(v)} ms`;
    const cards = ((await run('opportunities/board', { teamId: team })) as { count: number }[]).reduce(
      (t, c) => t + c.count,
      0,
    );
    const tickets = (
      db.prepare('SELECT count(*) AS n FROM tickets WHERE opened_date BETWEEN ? AND ?').get(from, today) as {
        n: number;
      }
    ).n;
    const board = await median(() => run('opportunities/board', { teamId: team }));
    const coverage = await median(() => run('pipeline/coverage', { year, quarter }));
    const quality = await median(() => run('tickets/sla', { from, to: today }));
    // Baseline of the same run: only reading the year's tickets with their pauses (no clock, no grouping),
    // so the ratio says what the working-hour clocks and the four breakdowns cost on top of the reads.
    const readTickets = db.prepare(
      `SELECT t.*, p.name AS product, s.name AS salesperson FROM tickets t LEFT JOIN products p ON p.id = t.product_id
       LEFT JOIN staff s ON s.id = t.staff_id WHERE t.opened_date BETWEEN ? AND ?`,
    );
    const readPauses = db.prepare(
      'SELECT * FROM ticket_pauses WHERE ticket_id IN (SELECT id FROM tickets WHERE opened_date BETWEEN ? AND ?)',
    );
    const plain = await median(() => {
      readTickets.all(from, today);
      readPauses.all(from, today);
      return Promise.resolve();
    });
    return [
      { what: `opportunity board of one team (${cards} cards)`, value: ms(board), goal: '< 300 ms' },
      {
        what: `pipeline coverage of the company, ${year}Q${quarter} (1,000 people, targets and orders)`,
        value: ms(coverage),
        goal: '< 500 ms',
      },
      {
        what: `service quality for a year (${tickets.toLocaleString('en')} tickets in working hours, by department/product/person/month)`,
        value: `${ms(quality)} (${(quality / Math.max(plain, 0.1)).toFixed(1)}× the baseline)`,
        goal: '< 500 ms',
      },
      {
        what: '  baseline: reading the same tickets and pauses (SQL only, no clocks)',
        value: ms(plain),
        goal: 'baseline',
      },
    ];
  } finally {
    ws.close();
  }
}
