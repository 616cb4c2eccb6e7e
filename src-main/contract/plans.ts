import { z } from 'zod';
import { id, isoDate, optionalText } from './common';
import { op } from './define';
import { year } from './targets';

/**
 * Sales plans and their activities (P2.5, P2.6, P1.3), gap-driven suggestions, competitors and market
 * news (P1.5, P2.3), and the strategy per year and product line with its discount bands (P2.4).
 * Money in yuan.
 */

export const PLAN_CHANNELS = ['direct', 'distributors', 'online', 'exhibitions'] as const;
export const ACTIVITY_KINDS = ['visit', 'promotion', 'trade-show', 'online', 'follow-up'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
/** 'YYYY-MM' or 'YYYYQn'. */
export const planPeriod = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}Q[1-4]$/, { message: 'planPeriod' });
const money = z.number().finite().min(0).max(1e12);

export interface SalesPlan {
  id: number;
  period: string;
  teamId: number | null;
  team: string | null;
  staffId: number | null;
  person: string | null;
  title: string | null;
  channels: string[];
  methods: string | null;
  timing: string | null;
  budget: number;
  expectedSales: number;
  /** Plan against done (P2.6): activities, budget used and sales credited, and the orders actually taken. */
  progress: {
    activities: number;
    done: number;
    cancelled: number;
    spent: number;
    creditedSales: number;
    actualSales: number;
  };
}
export interface PlanActivity {
  id: number;
  planId: number;
  ownerId: number | null;
  owner: string | null;
  customerId: number | null;
  customer: string | null;
  date: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  title: string;
  status: (typeof ACTIVITY_STATUSES)[number];
  budget: number;
  spent: number;
  outcome: string | null;
  creditedSales: number;
  source: string | null;
}
export const SUGGESTION_KINDS = [
  'orders-fell',
  'visit-overdue',
  'opportunity-closing',
  'ticket-open',
  'care-overdue',
  'dormant',
] as const;
export interface Suggestion {
  /** Stable key (kind:customer id), kept on the activity it becomes. */
  key: string;
  kind: (typeof SUGGESTION_KINDS)[number];
  customerId: number;
  customer: string;
  /** Yuan at stake: last year's sales of the period lost, the opportunity's amount… */
  value: number;
  detail: Record<string, string | number | null>;
  taken: boolean;
}
export interface PersonSuggestions {
  staffId: number;
  employeeNo: string;
  name: string;
  team: string | null;
  target: number;
  actual: number;
  /** target − actual, yuan (positive: behind). */
  gap: number;
  suggestions: Suggestion[];
}
export interface Competitor {
  id: number;
  name: string;
  products: string | null;
  pricePoints: string | null;
  shares: Record<string, number>;
  strengths: string | null;
  weaknesses: string | null;
  recentMoves: string | null;
  /** The opportunities lost to this competitor (the competitor named when the deal was lost, P1.5, P2.3). */
  lost: { count: number; amount: number; opportunities: LostOpportunity[] };
}
export interface LostOpportunity {
  id: number;
  title: string;
  customer: string;
  owner: string | null;
  amount: number | null;
  /** The day the deal was marked lost. */
  date: string;
  reason: string | null;
  competitor: string | null;
}
export interface MarketNewsItem {
  id: number;
  date: string;
  source: string | null;
  region: string | null;
  productLine: string | null;
  note: string;
  link: string | null;
  competitorId: number | null;
  competitor: string | null;
  year: number | null;
  teamId: number | null;
  staffId: number | null;
  period: string | null;
  /** The lost opportunity the item explains, if tied to one. */
  opportunityId: number | null;
  opportunity: string | null;
}
export interface DiscountBand {
  /** Up to this discount off the list price (percent) … */
  maxDiscountPct: number;
  /** … this role approves. */
  approver: 'salesperson' | 'manager' | 'director' | 'general-manager';
}
export const APPROVERS = ['salesperson', 'manager', 'director', 'general-manager'] as const;
export interface Strategy {
  id: number;
  year: number;
  productLine: string;
  positioning: string | null;
  listPrice: number | null;
  discountBands: DiscountBand[];
  promotionMethods: string | null;
}

const planBody = {
  period: planPeriod,
  team: z.string().trim().min(1).max(50).optional(),
  person: z.string().trim().min(1).max(32).optional(),
  title: optionalText(200),
  channels: z.array(z.enum(PLAN_CHANNELS)).max(4).default([]),
  methods: optionalText(2000),
  timing: optionalText(500),
  budget: money.default(0),
  expectedSales: money.default(0),
};
const activityBody = {
  planId: id,
  owner: z.string().trim().min(1).max(32).optional(),
  customerId: id.nullish(),
  date: isoDate,
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(1).max(200),
  status: z.enum(ACTIVITY_STATUSES).default('planned'),
  budget: money.default(0),
  spent: money.default(0),
  outcome: optionalText(2000),
  creditedSales: money.default(0),
};
const bands = z
  .array(z.object({ maxDiscountPct: z.number().min(0).max(100), approver: z.enum(APPROVERS) }).strict())
  .max(10)
  .refine((b) => b.every((x, i) => i === 0 || x.maxDiscountPct > b[i - 1].maxDiscountPct), {
    message: 'bandsAscending',
  });

export const planOps = {
  'plans/list': op<SalesPlan[]>()(z.object({ period: planPeriod.optional() }).strict().default({})),
  'plans/save': op<SalesPlan>()(z.object({ id: id.optional(), ...planBody }).strict(), { mutates: true }),
  'plans/delete': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
  'plans/activities': op<PlanActivity[]>()(z.object({ planId: id }).strict()),
  'plans/activity-save': op<PlanActivity>()(z.object({ id: id.optional(), ...activityBody }).strict(), {
    mutates: true,
  }),
  /** Gap-driven suggestions (P2.6): for each person behind target, the gap and a ranked to-do list. */
  'plans/suggestions': op<{ period: string; asOf: string; people: PersonSuggestions[] }>()(
    z
      .object({
        period: planPeriod,
        person: z.string().trim().min(1).max(32).optional(),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .strict(),
  ),
  /** One click: a suggestion becomes a planned activity under the person's plan of the period (made if missing). */
  'plans/take-suggestion': op<PlanActivity>()(
    z
      .object({
        period: planPeriod,
        person: z.string().trim().min(1).max(32),
        key: z.string().trim().min(3).max(60),
        date: isoDate.optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'market/competitors': op<Competitor[]>()(z.object({}).strict().default({})),
  'market/competitor-save': op<Competitor>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        products: optionalText(1000),
        pricePoints: optionalText(1000),
        shares: z.record(z.string().trim().min(1).max(50), z.number().min(0).max(100)).default({}),
        strengths: optionalText(2000),
        weaknesses: optionalText(2000),
        recentMoves: optionalText(2000),
      })
      .strict(),
    { mutates: true },
  ),
  'market/news': op<MarketNewsItem[]>()(z.object({ year: year.optional() }).strict().default({})),
  'market/news-save': op<MarketNewsItem>()(
    z
      .object({
        id: id.optional(),
        date: isoDate,
        source: optionalText(200),
        region: optionalText(50),
        productLine: optionalText(100),
        note: z.string().trim().min(1).max(5000),
        link: z
          .string()
          .trim()
          .url({ message: 'url' })
          .max(1000)
          .nullish()
          .or(z.literal('').transform(() => null)),
        competitorId: id.nullish(),
        year: year.nullish(),
        teamId: id.nullish(),
        staffId: id.nullish(),
        period: z
          .string()
          .regex(/^(Y|Q[1-4]|M([1-9]|1[0-2]))$/, { message: 'period' })
          .nullish(),
        /** A lost opportunity the item explains (refused unless the opportunity is lost). */
        opportunityId: id.nullish(),
      })
      .strict(),
    { mutates: true },
  ),
  /** Lost opportunities (newest first) to tie news to, optionally only those lost to one competitor. */
  'market/lost-opportunities': op<LostOpportunity[]>()(
    z.object({ competitorId: id.optional(), year: year.optional() }).strict().default({}),
  ),
  'strategy/list': op<Strategy[]>()(z.object({ year }).strict()),
  'strategy/save': op<Strategy>()(
    z
      .object({
        year,
        productLine: z.string().trim().min(1).max(100),
        positioning: optionalText(2000),
        listPrice: money.nullish(),
        discountBands: bands.default([]),
        promotionMethods: optionalText(2000),
      })
      .strict(),
    { mutates: true },
  ),
  /** Who may approve a discount (P2.4, P3.3): the one check contract approval uses. */
  'strategy/discount-check': op<{
    allowed: boolean;
    approver: DiscountBand['approver'] | null;
    band: DiscountBand | null;
    strategy: boolean;
  }>()(
    z
      .object({ year, productLine: z.string().trim().min(1).max(100), discountPct: z.number().min(0).max(100) })
      .strict(),
  ),
};
