import { z } from 'zod';

/**
 * The KPI scheme of a quarterly appraisal (P6.1–P6.3), stored as JSON in review_schemes.definition.
 * The shape is checked here; the rules that need the whole scheme (weights total 100%, rules name
 * existing KPIs, curves rise…) are checked by services/appraisal/scheme-rules.ts with stable error codes.
 */
export const QUARTER_RE = /^\d{4}Q[1-4]$/;
export const quarter = z.string().trim().regex(QUARTER_RE, { message: 'quarter' });

export const KPI_DIMENSIONS = ['sales', 'satisfaction', 'attitude', 'teamwork'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** Where a data-driven KPI's value comes from (P6.1); 'rated' KPIs are scored by the manager. */
export const DATA_SOURCES = [
  'completion',
  'sales',
  'salesGrowth',
  'profit',
  'profitMargin',
  'csat',
  'nps',
  'complaintHandling',
  'complaints',
  'visitCadence',
] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
/**
 * The sources whose value is a percentage (0–100, e.g. visitCadence 87.5 = 87.5% of A customers visited on
 * time): declared once, so that the grid, the drawer, the scheme's curves, the .xlsx and the printed report
 * all show them with the locale's percent format.
 */
export const PERCENT_SOURCES: ReadonlySet<string> = new Set<DataSource>([
  'completion',
  'salesGrowth',
  'profitMargin',
  'csat',
  'complaintHandling',
  'visitCadence',
]);
export type KpiSource = DataSource | 'rated';

export const OUTCOME_TYPES = [
  'bonus',
  'promotion',
  'honour',
  'deduction',
  'warning',
  'demotion',
  'dismissal-proposal',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

const key = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { message: 'kpi-key' });
const localized = z
  .object({ 'zh-CN': z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) })
  .strict();
const finite = z.number().finite();

const rubricLevel = z
  .object({
    level: z.number().int().min(0).max(10),
    score: finite.min(0).max(200),
    label: localized,
    description: localized,
  })
  .strict();

export const kpiDefinition = z
  .object({
    key,
    label: localized,
    dimension: z.enum(KPI_DIMENSIONS),
    /** Percent of the total; all weights of a scheme add up to 100. */
    weight: finite.min(0).max(100),
    source: z.enum([...DATA_SOURCES, 'rated']),
    /** Data KPIs: value → score, piecewise linear through [value, score] points; flat (capped) beyond the ends. */
    curve: z
      .array(z.tuple([finite, finite.min(0).max(200)]))
      .min(2)
      .max(12)
      .optional(),
    /** Score when there is no data (e.g. no complaints at all); null leaves the KPI out and re-weights the rest. */
    whenMissing: finite.min(0).max(200).nullable().default(null),
    /** Rated KPIs: one description per level (P6.1 attitude, ability, teamwork). */
    rubric: z.array(rubricLevel).min(2).max(11).optional(),
    /**
     * Rated KPIs (P6.1 teamwork): the share, in percent, of the peers' mean level in the KPI's rating,
     * (1 − w) × manager + w × mean(peers), once at least `peerMin` peers have rated. Absent = 0: the
     * manager alone. Optional so that schemes saved before peer ratings parse unchanged.
     */
    peerWeight: finite.min(0).max(100).optional(),
    /** The fewest peer ratings that count (default 2); with fewer the manager's rating stands alone. */
    peerMin: z.number().int().min(1).max(50).optional(),
    /** The value shown as "target" on the printed report; defaults to where the curve reaches 100. */
    target: finite.nullable().optional(),
  })
  .strict();
export type KpiDefinition = z.output<typeof kpiDefinition>;

export const DEFAULT_PEER_MIN = 2;
/** A KPI's peer weight in percent: 0 unless it is a rated KPI with a peer weight. */
export const peerWeightOf = (k: Pick<KpiDefinition, 'source' | 'peerWeight'>): number =>
  k.source === 'rated' ? (k.peerWeight ?? 0) : 0;
export const peerMinOf = (k: Pick<KpiDefinition, 'peerMin'>): number => k.peerMin ?? DEFAULT_PEER_MIN;

const condition = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('kpi'),
      kpi: key,
      op: z.enum(['gte', 'gt', 'lte', 'lt']),
      value: finite,
      /** Fires only when the condition held in this many consecutive quarters, this one included. */
      consecutive: z.number().int().min(1).max(8).default(1),
    })
    .strict(),
  z.object({ kind: z.literal('grade'), grades: z.array(z.string().trim().min(1).max(4)).min(1).max(8) }).strict(),
  /** Sales reached the challenge tier of the target (target_cells metric 'challenge'). */
  z.object({ kind: z.literal('challenge') }).strict(),
  /** A serious violation or major loss recorded by the manager in this quarter (P6.3). */
  z.object({ kind: z.literal('incident'), kinds: z.array(z.enum(['violation', 'major-loss'])).min(1) }).strict(),
]);
export type RuleCondition = z.output<typeof condition>;

const amount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), yuan: finite.min(0).max(10_000_000) }).strict(),
  /** Bonus curve on a KPI's value (P6.2): base at the threshold, per point above it, faster above the accelerator, capped. */
  z
    .object({
      kind: z.literal('curve'),
      kpi: key,
      threshold: finite,
      base: finite.min(0),
      perPoint: finite.min(0),
      acceleratorFrom: finite,
      acceleratorPerPoint: finite.min(0),
      cap: finite.min(0),
    })
    .strict(),
]);
export type RuleAmount = z.output<typeof amount>;

export const ruleDefinition = z
  .object({
    key,
    clause: z.enum(['P6.2', 'P6.3']),
    outcome: z.enum(OUTCOME_TYPES),
    enabled: z.boolean().default(true),
    label: localized,
    /** Fires when ANY of these conditions holds. */
    when: z.array(condition).min(1).max(6),
    amount: amount.optional(),
    /** Outcomes of these rules are dropped when this one fires (a demotion proposal replaces the warning). */
    supersedes: z.array(key).max(8).default([]),
  })
  .strict();
export type RuleDefinition = z.output<typeof ruleDefinition>;

export const schemeDefinition = z
  .object({
    kpis: z.array(kpiDefinition).min(1).max(30),
    /** Best grade first; a total at or above `min` earns the grade. */
    grades: z
      .array(z.object({ grade: z.string().trim().min(1).max(4), min: finite }).strict())
      .min(2)
      .max(8),
    /** Optional target distribution of grades (e.g. 20/70/10) with the tolerance before a team is flagged. */
    distribution: z
      .object({
        groups: z
          .array(
            z.object({ grades: z.array(z.string().trim().min(1).max(4)).min(1), pct: finite.min(0).max(100) }).strict(),
          )
          .min(2)
          .max(8),
        tolerance: finite.min(0).max(100).default(10),
      })
      .strict()
      .nullable()
      .default(null),
    rules: z.array(ruleDefinition).max(30),
  })
  .strict();
export type SchemeDefinition = z.output<typeof schemeDefinition>;
