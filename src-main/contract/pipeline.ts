import { z } from 'zod';
import { empty, id, isoDate, optionalDate, optionalText } from './common';
import { op } from './define';

/** P3.1, P3.2: the policy's stages, in order; won and lost close an opportunity. */
export const STAGES = ['needs', 'proposal', 'demo', 'negotiation', 'contract', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
export const OPEN_STAGES: readonly Stage[] = ['needs', 'proposal', 'demo', 'negotiation', 'contract'];

export interface PipelineSettings {
  /** percent per stage, editable per company */
  probabilities: Record<Stage, number>;
  /** coverage (weighted pipeline ÷ remaining gap) below this warns */
  coverageThreshold: number;
  /** demo checklist templates by product line (P3.2) */
  demoTemplates: Record<string, string[]>;
}

export interface Opportunity {
  id: number;
  title: string;
  customerId: number;
  customerName: string;
  contact: string | null;
  staffId: number | null;
  staffName: string | null;
  employeeNo: string | null;
  teamId: number | null;
  productId: number | null;
  productName: string | null;
  source: string | null;
  stage: Stage;
  /** yuan */
  amount: number | null;
  probability: number;
  /** amount × probability, yuan */
  weighted: number;
  expectedDate: string | null;
  stageSince: string | null;
  /** days in the current stage (an open deal long in one stage is stalled) */
  daysInStage: number | null;
  lostReason: string | null;
  competitor: string | null;
  orderNo: string | null;
}

export interface StageMove {
  from: Stage | null;
  to: Stage;
  at: string;
  actor: string;
}

export interface DemoPrep {
  opportunityId: number;
  demoDate: string;
  productLine: string | null;
  checklist: { item: string; done: boolean }[];
  attendees: string[];
  outcome: string | null;
}

export interface BoardColumn {
  stage: Stage;
  probability: number;
  count: number;
  /** yuan */
  total: number;
  weighted: number;
  cards: Opportunity[];
}

export interface CoverageRow {
  scope: 'person' | 'team' | 'company';
  id: number | null;
  employeeNo: string | null;
  name: string;
  teamName: string | null;
  /** yuan: the target for the period, actual orders, remaining gap (never below 0) and weighted pipeline closing in it */
  target: number;
  actual: number;
  gap: number;
  weightedPipeline: number;
  /** weightedPipeline ÷ gap, null when nothing remains to cover */
  coverage: number | null;
  warning: boolean;
}

export interface PipelineCoverage {
  year: number;
  period: string;
  from: string;
  to: string;
  threshold: number;
  people: CoverageRow[];
  teams: CoverageRow[];
  company: CoverageRow;
}

const stage = z.enum(STAGES);
const yuan = z.number().nonnegative().max(1e12);

export const opportunityFilter = z
  .object({
    teamId: id.optional(),
    staffId: id.optional(),
    productId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

const opportunityFields = z.object({
  title: z.string().trim().min(1).max(200),
  customerId: id,
  contact: optionalText(100),
  staffId: id.nullish(),
  productId: id.nullish(),
  source: optionalText(50),
  amount: yuan.nullish(),
  expectedDate: optionalDate,
});

export const pipelineOps = {
  'pipeline/settings': op<PipelineSettings>()(empty),
  'pipeline/set-settings': op<PipelineSettings>()(
    z
      .object({
        probabilities: z.partialRecord(stage, z.number().min(0).max(100)).optional(),
        coverageThreshold: z.number().positive().max(100).optional(),
        demoTemplates: z
          .record(z.string().trim().min(1).max(50), z.array(z.string().trim().min(1).max(200)).max(50))
          .optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'opportunities/list': op<Opportunity[]>()(opportunityFilter.extend({ stage: stage.optional() }).strict().default({})),
  'opportunities/board': op<BoardColumn[]>()(opportunityFilter.default({})),
  'opportunities/create': op<Opportunity>()(opportunityFields.extend({ stage: stage.default('needs') }).strict(), {
    mutates: true,
  }),
  'opportunities/update': op<Opportunity>()(z.object({ id, patch: opportunityFields.partial().strict() }).strict(), {
    mutates: true,
  }),
  'opportunities/move': op<Opportunity>()(
    z
      .object({
        id,
        stage,
        amount: yuan.optional(),
        lostReason: optionalText(200),
        competitor: optionalText(100),
        orderNo: optionalText(50),
        at: isoDate.optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'opportunities/history': op<StageMove[]>()(z.object({ id }).strict()),
  'opportunities/demo': op<DemoPrep | null>()(z.object({ id }).strict()),
  'opportunities/set-demo': op<DemoPrep>()(
    z
      .object({
        id,
        demoDate: isoDate,
        productLine: optionalText(50),
        checklist: z
          .array(z.object({ item: z.string().trim().min(1).max(200), done: z.boolean().default(false) }).strict())
          .max(50)
          .optional(),
        attendees: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
        outcome: optionalText(1000),
      })
      .strict(),
    { mutates: true },
  ),
  /** The products on sale, by code and name: what the pipeline's filter and the ticket form offer (P3.1, P4.4). */
  'pipeline/products': op<{ id: number; code: string | null; name: string; category: string | null }[]>()(empty),
  'pipeline/coverage': op<PipelineCoverage>()(
    z
      .object({
        year: z.number().int().min(2000).max(2100),
        quarter: z.number().int().min(1).max(4).optional(),
        month: z.number().int().min(1).max(12).optional(),
        teamId: id.optional(),
      })
      .strict(),
  ),
};
