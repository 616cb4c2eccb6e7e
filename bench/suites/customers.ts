import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';

/**
 * Issue 13 on the large demo (1,000 salespeople, 20,000 customers, 1,000,000 orders): the whole company's
 * overdue list (goal < 300 ms), one customer's page (< 200 ms) and a year's care calendar for all
 * contacts (< 500 ms). Read-only: the shared demo is opened, not copied.
 */
export default async function customersBench(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.largeDemoDir) return [];
  const ws = new Workspace(ctx.largeDemoDir);
  try {
    const db = ws.db;
    const asOf = db.prepare('SELECT max(date) FROM orders').pluck().get() as string;
    const year = Number(asOf.slice(0, 4));
    // The customer with the most orders: the heaviest page there is.
    const busiest = db
      .prepare('SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;
    const contacts = db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(ws, name, input, { lang: 'zh-CN', actor: 'bench' });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
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
    const due = await median(() => call('visits/due', { asOf }));
    const page = await median(() => call('customers/get', { id: busiest, asOf }));
    const calendar = await median(() => call('care/calendar', { year }));
    const compliance = await median(() => call('visits/compliance', { asOf }));
    const list = await median(() => call('customers/list', { asOf, limit: 50_000 }));
    return [
      {
        what: 'visits due: the whole company’s due and overdue list (20,000 customers)',
        value: ms(due),
        goal: '< 300 ms',
      },
      {
        what: 'customer page: the customer with the most orders (timeline, yearly sales, grade reasons)',
        value: ms(page),
        goal: '< 200 ms',
      },
      {
        what: `care calendar of ${year} for all ${contacts.toLocaleString('en')} contacts (lunar birthdays, anniversaries)`,
        value: ms(calendar),
        goal: '< 500 ms',
      },
      { what: 'cadence compliance per person (1,000 people)', value: ms(compliance), goal: '—' },
      { what: 'customers list with grade, lifecycle and completeness (all customers)', value: ms(list), goal: '—' },
    ];
  } finally {
    ws.close();
  }
}
