import type { Database } from 'better-sqlite3';
import { peerWeightOf, type DataSource, type SchemeDefinition } from '../../contract/appraisal-scheme';
import {
  peopleQuarterFacts,
  quarterFacts,
  SOURCE_GROUPS,
  sourceValue,
  type FactGroup,
  type PersonFacts,
} from './data-sources';
import type { PersonBasis } from './evaluate';
import { quarterInfo, shiftQuarter } from './quarter';
import { today } from '../context';

interface QuarterBasis {
  people: Map<number, PersonBasis & { facts: PersonFacts | undefined }>;
}

/**
 * Everything the schemes need about the given people in a quarter: data KPI values, the manager's
 * ratings and the peers' (P6.1), earlier quarters' values for streak rules, the challenge tier, incidents and adjustments.
 */
export function buildBasis(
  db: Database,
  quarter: string,
  appraisalId: number | null,
  defs: SchemeDefinition[],
  staffIds: number[],
  asOf = today(),
): QuarterBasis {
  const kpis = defs.flatMap((d) => d.kpis);
  const groups = new Set<FactGroup>();
  for (const k of kpis) if (k.source !== 'rated') for (const g of SOURCE_GROUPS[k.source]) groups.add(g);
  const needsChallenge = defs.some((d) => d.rules.some((r) => r.enabled && r.when.some((c) => c.kind === 'challenge')));
  if (needsChallenge) (['targets', 'orders'] as const).forEach((g) => groups.add(g));
  const facts = quarterFacts(db, quarter, groups, asOf);

  const ratings = new Map<string, number>();
  if (appraisalId !== null) {
    for (const r of db
      .prepare('SELECT staff_id AS s, kpi_key AS k, score FROM review_ratings WHERE review_id = ?')
      .all(appraisalId) as { s: number; k: string; score: number }[]) {
      ratings.set(`${r.s}:${r.k}`, r.score);
    }
  }
  // P6.1 peer ratings, per person and KPI: count and sum of the levels
  const peers = new Map<number, Record<string, { count: number; sum: number }>>();
  if (appraisalId !== null) {
    const rows = db
      .prepare(
        'SELECT staff_id AS s, kpi_key AS k, COUNT(*) AS count, SUM(level) AS sum FROM review_peer_ratings WHERE review_id = ? GROUP BY staff_id, kpi_key',
      )
      .all(appraisalId) as { s: number; k: string; count: number; sum: number }[];
    for (const r of rows) {
      if (!peers.has(r.s)) peers.set(r.s, {});
      peers.get(r.s)![r.k] = { count: r.count, sum: r.sum };
    }
  }
  const adjusted = new Map<number, number>();
  if (appraisalId !== null) {
    for (const r of db
      .prepare(
        'SELECT staff_id AS s, adjusted_total AS t FROM review_entries WHERE review_id = ? AND adjusted_total IS NOT NULL',
      )
      .all(appraisalId) as { s: number; t: number }[]) {
      adjusted.set(r.s, r.t);
    }
  }
  const { start, end } = quarterInfo(quarter);
  const incidents = new Map<number, Set<string>>();
  for (const r of db
    .prepare('SELECT staff_id AS s, kind FROM incidents WHERE date BETWEEN ? AND ?')
    .all(start, end) as { s: number; kind: string }[]) {
    if (!incidents.has(r.s)) incidents.set(r.s, new Set());
    incidents.get(r.s)!.add(r.kind);
  }
  const current = new Map<number, Record<string, number | null>>();
  for (const id of staffIds) {
    const f = facts.get(id);
    const values: Record<string, number | null> = {};
    for (const k of kpis)
      values[k.key] = k.source === 'rated' ? (ratings.get(`${id}:${k.key}`) ?? null) : sourceValue(k.source, f);
    current.set(id, values);
  }
  const previous = previousValues(db, quarter, defs, current, asOf);

  const people = new Map<number, PersonBasis & { facts: PersonFacts | undefined }>();
  for (const id of staffIds) {
    const f = facts.get(id);
    const prev: Record<string, (number | null)[]> = {};
    for (const [key, byQuarter] of previous) prev[key] = byQuarter.map((m) => m.get(id) ?? null);
    people.set(id, {
      values: current.get(id)!,
      peers: peers.get(id) ?? {},
      previous: prev,
      adjustedTotal: adjusted.get(id) ?? null,
      challengeMet: !!f && f.challenge !== null && f.challenge > 0 && f.sales >= f.challenge,
      incidentKinds: incidents.get(id) ?? new Set(),
      facts: f,
    });
  }
  return { people };
}

const compare = (op: 'gte' | 'gt' | 'lte' | 'lt', v: number, x: number) =>
  op === 'gte' ? v >= x : op === 'gt' ? v > x : op === 'lte' ? v <= x : v < x;

/**
 * For each KPI that a streak rule looks back on ("missed the target three quarters running"): its
 * values in the earlier quarters, most recent first — read only for the people still on a streak, so
 * that a quarter of 1,000 people reads a few hundred people's history instead of everyone's.
 */
function previousValues(
  db: Database,
  quarter: string,
  defs: SchemeDefinition[],
  current: Map<number, Record<string, number | null>>,
  asOf: string,
): Map<string, Map<number, number | null>[]> {
  const streaks = new Map<string, { depth: number; tests: ((v: number) => boolean)[] }>();
  for (const d of defs) {
    for (const r of d.rules) {
      if (!r.enabled) continue;
      for (const c of r.when) {
        if (c.kind !== 'kpi' || c.consecutive <= 1) continue;
        const s = streaks.get(c.kpi) ?? { depth: 0, tests: [] };
        s.depth = Math.max(s.depth, c.consecutive - 1);
        s.tests.push((v) => compare(c.op, v, c.value));
        streaks.set(c.kpi, s);
      }
    }
  }
  const out = new Map<string, Map<number, number | null>[]>();
  const kpis = defs.flatMap((d) => d.kpis);
  for (const [key, { depth, tests }] of streaks) {
    const kpi = kpis.find((k) => k.key === key);
    if (!kpi) continue;
    const holds = (v: number | null | undefined) => v !== null && v !== undefined && tests.some((t) => t(v));
    // current values of rated KPIs are the manager's; with peers the effective one may differ, so read everyone's history
    const blended = defs.some((d) => d.kpis.some((k) => k.key === key && peerWeightOf(k) > 0));
    let onStreak = [...current].filter(([, values]) => blended || holds(values[key])).map(([id]) => id);
    const series: Map<number, number | null>[] = [];
    for (let i = 1; i <= depth && onStreak.length > 0; i++) {
      const q = shiftQuarter(quarter, i);
      const values = new Map<number, number | null>();
      if (kpi.source === 'rated') {
        // the rating that counted then: the manager's, blended with the peers' where the scheme said so (P6.1)
        const rows = db
          .prepare(
            `SELECT r.staff_id AS s, COALESCE(k.value, r.score) AS score FROM review_ratings r JOIN reviews v ON v.id = r.review_id
             LEFT JOIN review_kpi_values k ON k.review_id = r.review_id AND k.staff_id = r.staff_id AND k.kpi_key = r.kpi_key
             WHERE v.quarter = ? AND r.kpi_key = ?`,
          )
          .all(q, key) as { s: number; score: number }[];
        for (const r of rows) values.set(r.s, r.score);
      } else {
        const source = kpi.source as DataSource;
        const facts = peopleQuarterFacts(db, q, new Set(SOURCE_GROUPS[source]), onStreak, asOf);
        for (const id of onStreak) values.set(id, sourceValue(source, facts.get(id)));
      }
      series.push(values);
      onStreak = onStreak.filter((id) => holds(values.get(id)));
    }
    out.set(key, series);
  }
  return out;
}
