import type { OutcomeType, RuleCondition, SchemeDefinition } from '../../contract/appraisal-scheme';
import { kpiScore, round2, ruleAmount } from './curves';
import { effectiveRating, type PeerAggregate } from './peers';

/** What the rules need to know about one person in one quarter. */
export interface PersonBasis {
  /** KPI values by key: data values (percent, yuan, counts) and the manager's rated levels; null = no data / not rated */
  values: Record<string, number | null>;
  /** Peer ratings by rated KPI key (P6.1 teamwork); blended into the value by the scheme's peer weight. */
  peers?: Record<string, PeerAggregate>;
  /** The same KPIs' values in the previous quarters, most recent first (for "consecutive" conditions). */
  previous: Record<string, (number | null)[]>;
  adjustedTotal: number | null;
  challengeMet: boolean;
  incidentKinds: Set<string>;
}

interface ProposedOutcome {
  type: OutcomeType;
  /** yuan */
  amount: number | null;
  ruleKey: string;
  clause: string;
}

export interface Evaluation {
  /** The values that count: rated KPIs carry their effective rating (manager blended with peers). */
  values: Record<string, number | null>;
  scores: Record<string, number | null>;
  originalTotal: number | null;
  total: number | null;
  grade: string | null;
  complete: boolean;
  outcomes: ProposedOutcome[];
}

/**
 * The weighted total (P6.1): Σ weight × score over the KPIs that have a score, divided by the weights
 * of those KPIs, so a KPI without data (and without a `whenMissing` score) neither helps nor hurts.
 */
export function weightedTotal(def: SchemeDefinition, scores: Record<string, number | null>): number | null {
  let sum = 0;
  let weights = 0;
  for (const k of def.kpis) {
    const s = scores[k.key];
    if (s === null || s === undefined || k.weight === 0) continue;
    sum += k.weight * s;
    weights += k.weight;
  }
  return weights > 0 ? round2(sum / weights) : null;
}

/** The grade whose threshold the total reaches, best first. */
export function gradeOf(def: SchemeDefinition, total: number | null): string | null {
  if (total === null) return null;
  return def.grades.find((g) => total >= g.min)?.grade ?? def.grades[def.grades.length - 1].grade;
}

const compare = (op: 'gte' | 'gt' | 'lte' | 'lt', v: number, x: number) =>
  op === 'gte' ? v >= x : op === 'gt' ? v > x : op === 'lte' ? v <= x : v < x;

function holds(c: RuleCondition, p: PersonBasis, grade: string | null): boolean {
  switch (c.kind) {
    case 'kpi': {
      const now = p.values[c.kpi];
      if (now === null || now === undefined || !compare(c.op, now, c.value)) return false;
      const before = p.previous[c.kpi] ?? [];
      for (let i = 0; i < c.consecutive - 1; i++) {
        const v = before[i];
        if (v === null || v === undefined || !compare(c.op, v, c.value)) return false;
      }
      return true;
    }
    case 'grade':
      return grade !== null && c.grades.includes(grade);
    case 'challenge':
      return p.challengeMet;
    case 'incident':
      return c.kinds.some((k) => p.incidentKinds.has(k));
  }
}

/** The P6.2/P6.3 rules for one person: proposals only, never decisions. */
function proposeOutcomes(def: SchemeDefinition, p: PersonBasis, grade: string | null): ProposedOutcome[] {
  const fired = def.rules.filter((r) => r.enabled && r.when.some((c) => holds(c, p, grade)));
  const superseded = new Set(fired.flatMap((r) => r.supersedes));
  const out: ProposedOutcome[] = [];
  for (const r of fired) {
    if (superseded.has(r.key)) continue;
    const amount = ruleAmount(r.amount, p.values);
    // a bonus curve that pays nothing is no outcome at all
    if ((r.outcome === 'bonus' || r.outcome === 'deduction') && !amount) continue;
    out.push({ type: r.outcome, amount, ruleKey: r.key, clause: r.clause });
  }
  return out;
}

/** Scores, total, grade and proposed outcomes of one person under a scheme. */
export function evaluatePerson(def: SchemeDefinition, p: PersonBasis): Evaluation {
  const scores: Record<string, number | null> = {};
  const values: Record<string, number | null> = { ...p.values };
  let complete = true;
  for (const k of def.kpis) {
    const own = p.values[k.key] ?? null;
    // P6.1: the score, total, grade and rules all see the effective rating; complete = the manager rated
    if (k.source === 'rated') values[k.key] = effectiveRating(k, own, p.peers?.[k.key]).value;
    const s = kpiScore(k, values[k.key] ?? null);
    scores[k.key] = s;
    if (k.source === 'rated' && (own === null || s === null)) complete = false;
  }
  const originalTotal = weightedTotal(def, scores);
  const total = p.adjustedTotal ?? originalTotal;
  const grade = gradeOf(def, total);
  return {
    values,
    scores,
    originalTotal,
    total,
    grade,
    complete,
    outcomes: proposeOutcomes(def, { ...p, values }, grade),
  };
}
