import { z } from 'zod';
import { id, isoDate, optionalText } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';

/**
 * The periods of a target row, in the order every array of 17 amounts uses:
 * index 0 = the year, 1..4 = Q1..Q4, 5..16 = M1..M12 (P2.2: year → quarter → month).
 */
export const PERIODS = [
  'Y',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'M7',
  'M8',
  'M9',
  'M10',
  'M11',
  'M12',
] as const;
export type Period = (typeof PERIODS)[number];

/** Targets (P2.1–P2.6): every amount crossing this contract is in yuan. */

export const year = z.number().int().min(2000).max(2100);
export const SPREAD_METRICS = ['sales', 'profit'] as const;
export type SpreadMetric = (typeof SPREAD_METRICS)[number];
export const spreadMetric = z.enum(SPREAD_METRICS).default('sales');
/** Every figure a cell can hold: the spread targets, a person's tiers and bottom-up proposal (P2.2). */
export const CELL_METRICS = [...SPREAD_METRICS, 'stretch', 'challenge', 'proposal'] as const;
export type TierMetric = Exclude<(typeof CELL_METRICS)[number], SpreadMetric>;
/** How a breakdown shares the company's target out (P2.2); the renderer and the command line list these. */
export const BREAKDOWN_METHODS = ['even', 'history', 'weights', 'bottom-up', 'working-days'] as const;
export type BreakdownMethod = (typeof BREAKDOWN_METHODS)[number];
/** How each person's year is spread over months: the methods that have a monthly pattern. */
export const SEASONALITIES = [
  'even',
  'history',
  'weights',
  'working-days',
] as const satisfies readonly BreakdownMethod[];
export type Seasonality = (typeof SEASONALITIES)[number];
/**
 * What stands in for a base year that is not complete yet (P2.2): the last 12 complete months, or the
 * year before's same month in place of each missing one. Never chosen silently: the service refuses
 * `targets/base-incomplete` until one is given.
 */
export const HISTORY_BASES = ['last-12', 'fill'] as const;
export type HistoryBaseChoice = (typeof HISTORY_BASES)[number];
export const period = z.string().regex(/^(Y|Q[1-4]|M([1-9]|1[0-2]))$/, { message: 'period' });
const scope = z.enum(['company', 'team', 'person']);
/** A target typed by a person: a number or text such as "1,200,000" (checked by the service, which names the value it refuses). */
const amountInput = z.union([z.number(), z.string().max(40)]);
const reason = optionalText(500);

/** Which cell: the company (no team, no person), a team (by name or id) or a salesperson (by employee number or id). */
const cellRef = {
  year,
  team: z.string().trim().min(1).max(50).optional(),
  teamId: id.optional(),
  person: z.string().trim().min(1).max(32).optional(),
  staffId: id.optional(),
  /** 'Y', 'Q1'..'Q4' or 'M1'..'M12'; `month` and `quarter` are shorthands. */
  period: period.optional(),
  month: z.number().int().min(1).max(12).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
};
/** A cell reference as the service receives it. */
export type CellRef = z.output<z.ZodObject<typeof cellRef>>;

export interface TargetRowView {
  annual: number;
  quarters: number[];
  months: number[];
  actualMonths: number[];
  /** Last year's actual sales (or profit) of the same people, yuan. */
  lastYearActual: number;
  /** Locked periods: 'Y', 'Q1'…, 'M1'… (a team's or the company's quarter or month counts as locked when all its people's are). */
  lockedPeriods: string[];
}
export interface TeamTargetView extends TargetRowView {
  id: number;
  name: string;
}
export interface PersonTargetView extends TargetRowView {
  id: number;
  employeeNo: string;
  name: string;
  team: string;
  teamId: number;
  /** Locked months (1..12), as in cli.md. */
  locked: number[];
  /** 1 for each month the person works in. */
  available: number[];
  stretch: number | null;
  challenge: number | null;
  /** The person's own proposal for the year (bottom-up), or null. */
  proposal: number | null;
}
export interface TargetsShow {
  year: number;
  metric: 'sales' | 'profit';
  status: 'draft' | 'submitted' | 'approved';
  method: string | null;
  growthPct: number | null;
  weights: number[] | null;
  approvedBy: string | null;
  approvedAt: string | null;
  company: TargetRowView;
  teams: TeamTargetView[];
  people: PersonTargetView[];
}

/** The actuals a history breakdown (or a growth %) rests on, and what is missing from them. */
export interface HistoryBase {
  /** The plan's year − 1. */
  baseYear: number;
  /** 'year' when the base year is complete; otherwise the choice that stands in for it (null: none chosen yet). */
  kind: 'year' | HistoryBaseChoice | null;
  /** Months (1..12) of the base year that have not ended yet, or that the data does not reach. */
  missing: number[];
  /** The latest order's date, or null when there are none. */
  lastOrder: string | null;
  today: string;
  /** For each calendar month (index 0 = January), the month whose actuals stand for it, 'YYYY-MM'. */
  sources: string[];
  /** The last 12 complete months, 'YYYY-MM' to 'YYYY-MM', or null when there are none. */
  last12: { from: string; to: string } | null;
  /** The base's total sales (or profit) for the metric, yuan. */
  total: number;
  /** Salespeople hired inside the base months: their history is scaled up to twelve months (months = months worked). */
  prorated: { employeeNo: string; name: string; hireDate: string; months: number }[];
}

export interface TargetChange {
  year: number;
  /** Rows (company, teams, people) whose amounts or locks changed. */
  rowsChanged: number;
  cellsWritten: number;
  /** The company's annual target afterwards, yuan. */
  companyAnnual: number;
}

export interface TargetCellHistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  oldAmount: number | null;
  newAmount: number | null;
  oldLocked: boolean | null;
  newLocked: boolean | null;
  reason: string | null;
}

export interface MarketNote {
  id: number;
  year: number;
  teamId: number | null;
  teamName: string | null;
  staffId: number | null;
  staffName: string | null;
  period: string | null;
  kind: 'market' | 'competitor' | 'strategy' | 'assumption';
  title: string;
  body: string | null;
  createdAt: string;
}

export interface CompletionFigures {
  target: number;
  actual: number;
  /** actual ÷ target, null when the target is 0. */
  completion: number | null;
  /** actual − target (negative: behind plan), yuan. */
  gap: number;
}
export interface TrackingRow {
  scope: 'company' | 'team' | 'person';
  id: number;
  name: string;
  employeeNo: string | null;
  team: string | null;
  month: CompletionFigures;
  /** The quarter to date: its months up to asOfMonth (not the whole quarter). */
  quarter: CompletionFigures;
  /** The whole quarter's target, yuan. */
  quarterTarget: number;
  ytd: CompletionFigures;
  year: CompletionFigures;
}
/** Month-to-date pace (P2.6): how far into the month's working days, and how far into its target. */
export interface MonthPace {
  /** The day counted to (included). */
  asOf: string;
  workingDays: number;
  elapsedWorkingDays: number;
  /** elapsed ÷ working days of the month (0..1). */
  timeShare: number;
  target: number;
  actual: number;
  /** actual ÷ the month's target, null when the target is 0. */
  targetShare: number | null;
  /** False when the State Council's schedule of the year is not published yet: weekends only. */
  officialCalendar: boolean;
}
export interface TargetsTracking {
  year: number;
  /** The company's pace in the as-of month (null for a month not begun). */
  pace: MonthPace | null;
  /** The last month counted (1..12): the month of the latest order of the year, or the one asked for. */
  asOfMonth: number;
  quarter: number;
  months: { month: number; target: number; actual: number; cumulativeTarget: number; cumulativeActual: number }[];
  company: TrackingRow;
  teams: TrackingRow[];
  people: TrackingRow[];
}

export const targetOps = {
  'targets/show': op<TargetsShow>()(z.object({ year, metric: spreadMetric }).strict()),
  'targets/set': op<TargetChange>()(
    z
      .object({
        ...cellRef,
        amount: amountInput,
        metric: z.enum(CELL_METRICS).default('sales'),
        /** Lock the cell (true), unlock it (false), or leave its lock as it is. */
        lock: z.boolean().optional(),
        reason,
      })
      .strict(),
    { mutates: true },
  ),
  'targets/lock': op<TargetChange>()(
    z.object({ ...cellRef, metric: spreadMetric, locked: z.boolean(), reason }).strict(),
    { mutates: true },
  ),
  /** Several typed cells at once (a block pasted from Excel), applied in order in one transaction. */
  'targets/paste': op<TargetChange>()(
    z
      .object({
        year,
        metric: spreadMetric,
        cells: z
          .array(z.object({ scope, id: z.number().int().min(0), period, amount: amountInput }).strict())
          .min(1)
          .max(5000),
        reason,
      })
      .strict(),
    { mutates: true },
  ),
  'targets/undo': op<TargetChange & { undone: string | null }>()(
    z.object({ year, metric: spreadMetric, reason }).strict(),
    { mutates: true },
  ),
  /** What a history breakdown of the year would rest on: whether the base year is complete, and who is pro-rated. */
  'targets/history-base': op<HistoryBase>()(
    z.object({ year, metric: spreadMetric, base: z.enum(HISTORY_BASES).optional() }).strict(),
  ),
  'targets/breakdown': op<
    TargetChange & {
      method: BreakdownMethod;
      seasonality: Seasonality;
      base: HistoryBase | null;
      workingDays?: { months: number[]; officialCalendar: boolean };
    }
  >()(
    z
      .object({
        year,
        metric: spreadMetric,
        method: z.enum(BREAKDOWN_METHODS),
        /** Sets the company's annual target to last year's actual × (1 + growth %) first. */
        growth: z.number().min(-100).max(1000).optional(),
        /** Twelve monthly seasonality factors (method weights). */
        weights: z.array(z.number().min(0)).length(12).optional(),
        /** Weights per salesperson by employee number (method weights). */
        personWeights: z.record(z.string().max(32), z.number().min(0)).optional(),
        /** How each person's year is spread over months; by default the method's own. */
        seasonality: z.enum(SEASONALITIES).optional(),
        /** bottom-up: make the company's target the sum of the proposals (otherwise the proposals share out the current target). */
        adopt: z.boolean().optional(),
        /** What stands in for an incomplete base year (see HISTORY_BASES). */
        base: z.enum(HISTORY_BASES).optional(),
        reason,
      })
      .strict(),
    { mutates: true },
  ),
  'targets/workflow': op<{ year: number; status: TargetsShow['status'] }>()(
    z.object({ year, action: z.enum(['submit', 'approve', 'reopen']), reason }).strict(),
    { mutates: true },
  ),
  /** Stretch and challenge levels for everyone: the person's target plus these percentages. */
  'targets/tiers': op<TargetChange>()(
    z
      .object({ year, stretchPct: z.number().min(0).max(1000), challengePct: z.number().min(0).max(1000), reason })
      .strict(),
    { mutates: true },
  ),
  'targets/cell-history': op<TargetCellHistoryEntry[]>()(
    z
      .object({ year, scope, id: z.number().int().min(0), period, metric: z.enum(CELL_METRICS).default('sales') })
      .strict(),
  ),
  'targets/tracking': op<TargetsTracking>()(
    z
      .object({
        /**
         * By default the dashboard's year (that of the latest order), so that its card is asked for beside
         * the dashboard's figures rather than after them (issue 12 item 11).
         */
        year: year.optional(),
        asOfMonth: z.number().int().min(1).max(12).optional(),
        /** The day the pace counts to; by default today, or the month's end for a past month. */ asOfDate:
          isoDate.optional(),
        /** Only the company's figures (the dashboard's card): `teams` and `people` come back empty. */
        companyOnly: z.boolean().optional(),
      })
      .strict(),
  ),
  /** The plan as a wide sheet (people × months), to edit in Excel and import back. */
  'targets/export': op<FileOut>()(z.object({ year, out: fileOut }).strict()),
  'targets/notes': op<MarketNote[]>()(z.object({ year }).strict()),
  'targets/note-save': op<MarketNote>()(
    z
      .object({
        id: id.optional(),
        year,
        teamId: id.nullish(),
        staffId: id.nullish(),
        period: period.nullish(),
        kind: z.enum(['market', 'competitor', 'strategy', 'assumption']),
        title: z.string().trim().min(1).max(200),
        body: optionalText(5000),
      })
      .strict(),
    { mutates: true },
  ),
  'targets/note-delete': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
};
