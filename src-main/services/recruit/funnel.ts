import type { Database } from 'better-sqlite3';
import type { Funnel, FunnelRow } from '../../contract/recruit';
import { getPlan } from './plans';
import { round } from './stats';

interface Row {
  channel: string | null;
  applied: string | null;
  screened: number;
  interviewed: number;
  offered: number;
  hired: string | null;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

function summarise(key: string, rows: Row[], cost: number): FunnelRow {
  // P5.2/P5.3: a stage counts everyone who reached it, so the funnel never widens downwards
  const hiredRows = rows.filter((r) => r.hired);
  const stages = [
    { stage: 'applied' as const, count: rows.length },
    {
      stage: 'screened' as const,
      count: rows.filter((r) => r.screened || r.interviewed || r.offered || r.hired).length,
    },
    { stage: 'interviewed' as const, count: rows.filter((r) => r.interviewed || r.offered || r.hired).length },
    { stage: 'offered' as const, count: rows.filter((r) => r.offered || r.hired).length },
    { stage: 'hired' as const, count: hiredRows.length },
  ];
  const spans = hiredRows.filter((r) => r.applied).map((r) => days(r.applied!, r.hired!));
  const timeToHireDays = spans.length ? round(spans.reduce((a, b) => a + b, 0) / spans.length, 1) : null;
  return {
    key,
    stages,
    hired: hiredRows.length,
    timeToHireDays,
    cost: cost / 100,
    costPerHire: hiredRows.length ? round(cost / 100 / hiredRows.length, 2) : null,
  };
}

/**
 * The recruitment funnel (applied → screened → interviewed → offered → hired) of one plan or all,
 * overall and per channel; time to hire is the mean of days from application to start; cost per
 * hire is the recorded channel costs over the hires.
 */
export function funnel(db: Database, planId?: number): Funnel {
  if (planId !== undefined) getPlan(db, planId);
  const where = planId !== undefined ? 'WHERE c.plan_id = ?' : '';
  const args = planId !== undefined ? [planId] : [];
  const rows = db
    .prepare(
      `SELECT c.source AS channel, c.applied_date AS applied, (c.screen_decision = 'pass') AS screened,
              EXISTS (SELECT 1 FROM interviews i WHERE i.candidate_id = c.id) AS interviewed,
              (c.offer_date IS NOT NULL) AS offered, CASE WHEN c.staff_id IS NOT NULL THEN c.hired_date END AS hired
       FROM candidates c ${where}`,
    )
    .all(...args) as Row[];
  const costs = db
    .prepare(
      `SELECT channel, sum(amount) AS amount FROM recruitment_costs ${planId !== undefined ? 'WHERE plan_id = ?' : ''} GROUP BY channel`,
    )
    .all(...args) as { channel: string; amount: number }[];
  const costOf = new Map(costs.map((c) => [c.channel, c.amount]));
  const channels = [...new Set([...rows.map((r) => r.channel ?? ''), ...costOf.keys()])].sort();
  const total = costs.reduce((a, c) => a + c.amount, 0);
  return {
    planId: planId ?? null,
    ...summarise('all', rows, total),
    byChannel: channels.map((ch) =>
      summarise(
        ch,
        rows.filter((r) => (r.channel ?? '') === ch),
        costOf.get(ch) ?? 0,
      ),
    ),
  };
}
