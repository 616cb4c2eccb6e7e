import { peerMinOf, peerWeightOf, type KpiDefinition } from '../../contract/appraisal-scheme';
import { round2 } from './curves';

/** The peer ratings of one person on one KPI: how many, and the sum of their levels. */
export interface PeerAggregate {
  count: number;
  sum: number;
}

interface EffectiveRating {
  /** The rating that counts (a rubric level, possibly between two levels); null while the manager has not rated. */
  value: number | null;
  manager: number | null;
  peerMean: number | null;
  peerCount: number;
  /** percent */
  weight: number;
  min: number;
  /** The peers' mean is part of `value` (the manager rated and at least `min` peers did). */
  counted: boolean;
}

/**
 * P6.1 teamwork rated by the manager, optionally with peers: (1 − w) × manager + w × mean(peers),
 * rounded to two decimals, once the manager has rated and at least the scheme's minimum of peers
 * have; with fewer peers the manager's rating stands alone, and peers alone never make a rating.
 */
export function effectiveRating(
  kpi: KpiDefinition,
  manager: number | null,
  peers: PeerAggregate | undefined,
): EffectiveRating {
  const weight = peerWeightOf(kpi);
  const min = peerMinOf(kpi);
  const peerCount = peers?.count ?? 0;
  const peerMean = peers && peers.count > 0 ? peers.sum / peers.count : null;
  const counted = weight > 0 && manager !== null && peerMean !== null && peerCount >= min;
  const value = counted ? round2(((100 - weight) * manager + weight * peerMean) / 100) : manager;
  return { value, manager, peerMean: peerMean === null ? null : round2(peerMean), peerCount, weight, min, counted };
}
